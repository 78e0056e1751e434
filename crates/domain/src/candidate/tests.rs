use std::sync::Arc;

use chrono::{TimeZone, Utc};

use super::*;
use crate::ids::{CandidateId, UserId};
use crate::ports::MockClock;

fn service(repo: MockCandidateRepository) -> ProfileService {
    let mut clock = MockClock::new();
    clock
        .expect_now()
        .returning(|| Utc.with_ymd_and_hms(2026, 1, 1, 0, 0, 0).unwrap());
    ProfileService::new(Arc::new(repo), Arc::new(clock))
}

#[test]
fn skill_levels_accept_numbers_and_the_frontends_words() {
    assert_eq!(SkillLevel::new(1).map(SkillLevel::get), Some(1));
    assert_eq!(SkillLevel::new(5).map(SkillLevel::get), Some(5));
    assert_eq!(SkillLevel::new(0), None);
    assert_eq!(SkillLevel::new(6), None);
    assert_eq!(
        SkillLevel::from_word("Expert").map(SkillLevel::get),
        Some(4)
    );
    assert_eq!(SkillLevel::from_word("guru"), None);
}

#[test]
fn skill_categories_accept_french_aliases() {
    assert_eq!(
        SkillCategory::parse("technique"),
        Some(SkillCategory::Technical)
    );
    assert_eq!(
        SkillCategory::parse("soft-skill"),
        Some(SkillCategory::Soft)
    );
    assert_eq!(
        SkillCategory::parse("langue"),
        Some(SkillCategory::Language)
    );
    assert_eq!(SkillCategory::parse("autre"), Some(SkillCategory::Other));
    assert_eq!(
        SkillCategory::parse("LANGUAGE"),
        Some(SkillCategory::Language)
    );
    assert_eq!(SkillCategory::parse("cooking"), None);
}

#[tokio::test]
async fn adding_an_item_without_a_candidate_row_is_profile_missing() {
    let mut repo = MockCandidateRepository::new();
    repo.expect_candidate_id().returning(|_| Ok(None));
    repo.expect_add_experience().never();
    let err = service(repo)
        .add_item::<Experience>(UserId(1), ExperienceFields::default())
        .await
        .unwrap_err();
    assert!(matches!(err, AddItemError::ProfileMissing));
}

#[tokio::test]
async fn editing_someone_elses_item_is_not_found() {
    let mut repo = MockCandidateRepository::new();
    repo.expect_candidate_id()
        .returning(|_| Ok(Some(CandidateId(3))));
    repo.expect_update_skill()
        .withf(|c, id, _, _| *c == CandidateId(3) && *id == 99)
        .returning(|_, _, _, _| Ok(None));
    repo.expect_delete_item().returning(|_, _, _| Ok(false));
    let svc = service(repo);
    let fields = SkillFields {
        name: "Rust".into(),
        level: SkillLevel::new(3).unwrap(),
        category: SkillCategory::Technical,
    };
    assert!(matches!(
        svc.update_item::<Skill>(UserId(1), 99, fields)
            .await
            .unwrap_err(),
        EditItemError::NotFound(ItemKind::Skill)
    ));
    assert!(matches!(
        svc.delete_item(UserId(1), ItemKind::Education, 5)
            .await
            .unwrap_err(),
        EditItemError::NotFound(ItemKind::Education)
    ));
}

#[tokio::test]
async fn each_item_kind_goes_through_its_own_repository_methods() {
    let mut repo = MockCandidateRepository::new();
    repo.expect_candidate_id()
        .returning(|_| Ok(Some(CandidateId(3))));
    repo.expect_add_education()
        .withf(|c, f, _| *c == CandidateId(3) && f.degree == "MSc")
        .times(1)
        .returning(|_, f, _| {
            Ok(Education {
                id: 11,
                degree: f.degree,
                school: f.school,
                field_of_study: None,
                location: None,
                period: Period {
                    start_date: f.period.start_date,
                    end_date: None,
                    is_current: false,
                },
                description: None,
            })
        });
    repo.expect_update_experience()
        .withf(|c, id, _, _| *c == CandidateId(3) && *id == 4)
        .times(1)
        .returning(|_, _, _, _| Ok(None));
    let svc = service(repo);
    let fields = EducationFields {
        degree: "MSc".into(),
        school: "EPFL".into(),
        ..EducationFields::default()
    };
    assert_eq!(
        svc.add_item::<Education>(UserId(1), fields)
            .await
            .unwrap()
            .id,
        11
    );
    assert!(matches!(
        svc.update_item::<Experience>(UserId(1), 4, ExperienceFields::default())
            .await
            .unwrap_err(),
        EditItemError::NotFound(ItemKind::Experience)
    ));
}
