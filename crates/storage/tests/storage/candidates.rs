//! `DieselCandidateRepository` against the `CandidateRepository` contract.

use intowork_domain::candidate::{
    CandidateRepository, EducationFields, ExperienceFields, ItemKind, Period, PeriodFields,
    ProfileUpdate, SkillCategory, SkillFields, SkillLevel,
};
use intowork_domain::cv::{CvRepository, NewCv};
use intowork_domain::ports::UserRepository;
use intowork_domain::user::Role;
use intowork_domain::{CandidateId, UserId};
use intowork_storage::{DieselCandidateRepository, DieselCvRepository, DieselUserRepository};
use intowork_testkit::TestDb;

use crate::support::*;

async fn profile_patch_keeps_absent_fields_and_clears_nulls(test_db: TestDb) {
    let db = migrated(&test_db);
    let user = DieselUserRepository::new(db.clone())
        .create_with_profile(new_user("cand@example.com", Role::Candidate))
        .await
        .unwrap();
    let repo = DieselCandidateRepository::new(db.clone());
    let p = repo
        .update_profile(
            user.id,
            ProfileUpdate {
                phone: Some(Some("+33 1".into())),
                summary: Some(Some("Développeuse Rust".into())),
                years_experience: Some(Some(7)),
                ..ProfileUpdate::default()
            },
            at(10),
        )
        .await
        .unwrap();
    assert_eq!(p.phone.as_deref(), Some("+33 1"));
    assert_eq!(p.summary.as_deref(), Some("Développeuse Rust"));
    let p = repo
        .update_profile(
            user.id,
            ProfileUpdate {
                phone: Some(None),
                title: Some(Some("Dev".into())),
                ..ProfileUpdate::default()
            },
            at(11),
        )
        .await
        .unwrap();
    assert_eq!(p.phone, None, "explicit null clears");
    assert_eq!(
        p.summary.as_deref(),
        Some("Développeuse Rust"),
        "absent keeps"
    );
    assert_eq!(p.years_experience, Some(7));
    assert_eq!(p.title.as_deref(), Some("Dev"));
    assert_eq!(repo.load_or_create(user.id, at(12)).await.unwrap(), p);
}

async fn load_or_create_makes_a_missing_row_once(test_db: TestDb) {
    let db = migrated(&test_db);
    let user = DieselUserRepository::new(db.clone())
        .create_with_profile(new_user("legacy@example.com", Role::Candidate))
        .await
        .unwrap();
    let uid = user.id.get();
    with_conn(&db, move |c| {
        use diesel::prelude::*;
        use intowork_storage::schema::candidates;
        diesel::delete(candidates::table.filter(candidates::user_id.eq(uid))).execute(c)
    })
    .await;
    let repo = DieselCandidateRepository::new(db.clone());
    assert_eq!(repo.candidate_id(user.id).await.unwrap(), None);
    let p = repo.load_or_create(user.id, at(1)).await.unwrap();
    assert_eq!(repo.load_or_create(user.id, at(2)).await.unwrap().id, p.id);
    assert_eq!(count(&db, "candidates", "").await, 1);
    assert!(p.experiences.is_empty() && p.current_cv.is_none());
}

async fn items_are_owned_and_patched(test_db: TestDb) {
    let db = migrated(&test_db);
    let users = DieselUserRepository::new(db.clone());
    let a = users
        .create_with_profile(new_user("a@example.com", Role::Candidate))
        .await
        .unwrap();
    let b = users
        .create_with_profile(new_user("b@example.com", Role::Candidate))
        .await
        .unwrap();
    let repo = DieselCandidateRepository::new(db.clone());
    let ca = repo.candidate_id(a.id).await.unwrap().unwrap();
    let cb = repo.candidate_id(b.id).await.unwrap().unwrap();

    let exp = repo
        .add_experience(
            ca,
            ExperienceFields {
                title: "Dev".into(),
                company: "ACME".into(),
                location: Some(Some("Lyon".into())),
                period: period("2020-01"),
                description: Some(Some("Rust".into())),
            },
            at(1),
        )
        .await
        .unwrap();
    assert!(!exp.period.is_current);
    // Absent optional fields are kept on update; an explicit null clears.
    let upd = ExperienceFields {
        title: "Lead".into(),
        company: "ACME".into(),
        period: period("2020-01"),
        description: Some(None),
        ..ExperienceFields::default()
    };
    let exp2 = repo
        .update_experience(ca, exp.id, upd.clone(), at(2))
        .await
        .unwrap()
        .unwrap();
    assert_eq!(
        (
            exp2.title.as_str(),
            exp2.location.as_deref(),
            exp2.description
        ),
        ("Lead", Some("Lyon"), None)
    );
    assert_eq!(
        repo.update_experience(cb, exp.id, upd, at(3))
            .await
            .unwrap(),
        None,
        "not b's"
    );

    let edu = repo
        .add_education(
            ca,
            EducationFields {
                degree: "MSc".into(),
                school: "EPFL".into(),
                field_of_study: Some(Some("CS".into())),
                period: period("2015"),
                ..EducationFields::default()
            },
            at(1),
        )
        .await
        .unwrap();
    assert_eq!(
        (edu.field_of_study.as_deref(), edu.period.end_date),
        (Some("CS"), None)
    );
    let skill = repo
        .add_skill(
            ca,
            SkillFields {
                name: "Rust".into(),
                level: SkillLevel::new(5).unwrap(),
                category: SkillCategory::Other,
            },
            at(1),
        )
        .await
        .unwrap();
    assert_eq!(
        (skill.level.get(), skill.category),
        (5, SkillCategory::Other)
    );

    assert!(
        !repo
            .delete_item(cb, ItemKind::Skill, skill.id)
            .await
            .unwrap()
    );
    assert!(
        !repo
            .delete_item(ca, ItemKind::Experience, skill.id + 1000)
            .await
            .unwrap()
    );
    let p = repo.load_or_create(a.id, at(4)).await.unwrap();
    assert_eq!(
        (p.experiences.len(), p.educations.len(), p.skills.len()),
        (1, 1, 1)
    );
    assert!(
        repo.delete_item(ca, ItemKind::Skill, skill.id)
            .await
            .unwrap()
    );
    assert!(
        repo.delete_item(ca, ItemKind::Education, edu.id)
            .await
            .unwrap()
    );
    assert!(
        repo.delete_item(ca, ItemKind::Experience, exp.id)
            .await
            .unwrap()
    );
    let p = repo.load_or_create(a.id, at(5)).await.unwrap();
    assert!(p.experiences.is_empty() && p.educations.is_empty() && p.skills.is_empty());
    assert_eq!(p.id, CandidateId(ca.get()));
    assert_ne!(ca, cb);
    let _ = UserId(0);
}

async fn current_cv_is_the_newest_active_one(test_db: TestDb) {
    let db = migrated(&test_db);
    let user = DieselUserRepository::new(db.clone())
        .create_with_profile(new_user("cv@example.com", Role::Candidate))
        .await
        .unwrap();
    let repo = DieselCandidateRepository::new(db.clone());
    let cvs = DieselCvRepository::new(db.clone());
    let cid = repo.candidate_id(user.id).await.unwrap().unwrap();
    let new = |name: &str, key: &str, t: i64| NewCv {
        candidate_id: cid,
        filename: name.into(),
        storage_key: key.into(),
        file_size: 10,
        now: at(t),
    };
    cvs.insert_within_limit(new("old.pdf", "cv/old.pdf", 1), 10)
        .await
        .unwrap();
    let newest = cvs
        .insert_within_limit(new("new.pdf", "cv/new.pdf", 2), 10)
        .await
        .unwrap();
    let p = repo.load_or_create(user.id, at(3)).await.unwrap();
    let current = p.current_cv.unwrap();
    assert_eq!(
        (current.id, current.filename.as_str(), current.uploaded_at),
        (newest.id, "new.pdf", at(2))
    );
    // Deleting the current CV repoints to the next one (5.8 D3).
    cvs.remove(cid, newest.id).await.unwrap();
    let p = repo.load_or_create(user.id, at(4)).await.unwrap();
    assert_eq!(p.current_cv.unwrap().filename, "old.pdf");
}

/// The period's three columns are written and read back together, on both item tables; an update
/// that leaves them absent keeps them, an explicit null clears the end.
async fn item_periods_round_trip(test_db: TestDb) {
    let db = migrated(&test_db);
    let user = DieselUserRepository::new(db.clone())
        .create_with_profile(new_user("period@example.com", Role::Candidate))
        .await
        .unwrap();
    let repo = DieselCandidateRepository::new(db.clone());
    let ca = repo.candidate_id(user.id).await.unwrap().unwrap();
    let full = PeriodFields {
        start_date: "2016".into(),
        end_date: Some(Some("2021".into())),
        is_current: Some(true),
    };
    let written = Period {
        start_date: "2016".into(),
        end_date: Some("2021".into()),
        is_current: true,
    };
    let fields = EducationFields {
        degree: "MSc".into(),
        school: "EPFL".into(),
        period: full.clone(),
        ..EducationFields::default()
    };
    let edu = repo.add_education(ca, fields, at(1)).await.unwrap();
    assert_eq!(edu.period, written);
    let fields = ExperienceFields {
        title: "Dev".into(),
        company: "ACME".into(),
        period: full,
        ..ExperienceFields::default()
    };
    let exp = repo.add_experience(ca, fields, at(1)).await.unwrap();
    assert_eq!(exp.period, written);
    let keep = ExperienceFields {
        title: "Dev".into(),
        company: "ACME".into(),
        period: period("2017"),
        ..ExperienceFields::default()
    };
    let kept = repo
        .update_experience(ca, exp.id, keep, at(2))
        .await
        .unwrap();
    assert_eq!(
        kept.unwrap().period,
        Period {
            start_date: "2017".into(),
            ..written.clone()
        }
    );
    let clear = EducationFields {
        degree: "MSc".into(),
        school: "EPFL".into(),
        period: PeriodFields {
            end_date: Some(None),
            ..period("2016")
        },
        ..EducationFields::default()
    };
    let cleared = repo
        .update_education(ca, edu.id, clear, at(2))
        .await
        .unwrap();
    assert_eq!(cleared.unwrap().period.end_date, None);
    let p = repo.load_or_create(user.id, at(3)).await.unwrap();
    assert_eq!(p.experiences[0].period.start_date, "2017");
    assert_eq!(
        (
            p.educations[0].period.end_date.as_deref(),
            p.educations[0].period.is_current
        ),
        (None, true)
    );
}

intowork_testkit::test_both_backends!(
    profile_patch_keeps_absent_fields_and_clears_nulls,
    load_or_create_makes_a_missing_row_once,
    items_are_owned_and_patched,
    current_cv_is_the_newest_active_one,
    item_periods_round_trip,
);

/// A period with only its start: no end, not current.
fn period(start_date: &str) -> PeriodFields {
    PeriodFields {
        start_date: start_date.into(),
        ..PeriodFields::default()
    }
}
