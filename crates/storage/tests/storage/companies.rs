//! `DieselCompanyRepository` against the `CompanyRepository` contract, on both databases.

use intowork_domain::company::{
    CandidateContact, CompanyDetails, CompanyName, CompanyRepository, CompanyStats, EmployerUpdate,
    NewCompany, RegisterEmployerError,
};
use intowork_domain::ports::UserRepository;
use intowork_domain::{CompanyId, EmployerId};
use intowork_testkit::TestDb;

use crate::job_fixtures::*;
use crate::support::*;

fn company(name: &str) -> NewCompany {
    NewCompany {
        name: CompanyName::parse(name.to_owned()).unwrap(),
        details: CompanyDetails {
            industry: Some("Tech".into()),
            ..CompanyDetails::default()
        },
    }
}

async fn one_company_per_employer_and_fields_written(test_db: TestDb) {
    let r = Repos::new(migrated(&test_db));
    let (user, employer, company_id) = r.employer("boss@acme.fr", "Acme").await;
    let e = r.companies.employer_by_user(user).await.unwrap().unwrap();
    assert_eq!(e.company_id, Some(company_id));

    let update = EmployerUpdate {
        position: Some("DRH".into()),
        phone: Some("0102".into()),
        department: None,
    };
    let err = r
        .companies
        .register_employer(employer, update.clone(), Some(company("Second")), at(2))
        .await
        .unwrap_err();
    assert!(matches!(err, RegisterEmployerError::AlreadyHasCompany));
    // Rolled back: neither the second company nor the employer fields were written.
    assert_eq!(count(&r.db, "companies", "").await, 1);
    assert_eq!(count(&r.db, "employers", "position IS NULL").await, 1);

    let (e, c) = r
        .companies
        .register_employer(employer, update, None, at(2))
        .await
        .unwrap();
    assert!(c.is_none());
    assert_eq!(e.position.as_deref(), Some("DRH"));
    assert_eq!(e.phone.as_deref(), Some("0102"));
    // A `None` field keeps its value.
    let e = r
        .companies
        .update_employer(employer, EmployerUpdate::default(), at(3))
        .await
        .unwrap()
        .unwrap();
    assert_eq!(e.position.as_deref(), Some("DRH"));
    assert!(
        r.companies
            .register_employer(EmployerId(999), EmployerUpdate::default(), None, at(3))
            .await
            .is_err()
    );
    assert!(
        r.companies
            .update_employer(EmployerId(999), EmployerUpdate::default(), at(3))
            .await
            .unwrap()
            .is_none()
    );
}

async fn concurrent_company_creation_attaches_exactly_one(test_db: TestDb) {
    let r = Repos::new(migrated_with(&test_db, 8));
    let user = r
        .users
        .create_with_profile(new_user(
            "race@acme.fr",
            intowork_domain::user::Role::Employer,
        ))
        .await
        .unwrap();
    let employer = r
        .companies
        .employer_by_user(user.id)
        .await
        .unwrap()
        .unwrap();
    let mut handles = Vec::new();
    for i in 0..6 {
        let repo = r.companies.clone();
        handles.push(tokio::spawn(async move {
            repo.register_employer(
                employer.id,
                EmployerUpdate::default(),
                Some(company(&format!("C{i}"))),
                at(2),
            )
            .await
        }));
    }
    let mut ok = 0;
    for h in handles {
        match h.await.unwrap() {
            Ok(_) => ok += 1,
            Err(RegisterEmployerError::AlreadyHasCompany) => {}
            Err(e) => panic!("unexpected error: {e}"),
        }
    }
    assert_eq!(ok, 1);
    assert_eq!(count(&r.db, "companies", "").await, 1);
}

async fn saving_a_company_renames_it_in_job_search(test_db: TestDb) {
    let r = Repos::new(migrated(&test_db));
    let e = r.employer("boss@acme.fr", "Acme").await;
    r.job(e, fields("Soudeur")).await;
    r.job(e, fields("Tourneur")).await;
    let mut c = r.companies.find_company(e.2).await.unwrap().unwrap();
    c.name = "Forges Éternelles".into();
    c.details.city = Some("Lyon".into());
    c.details.website_url = Some(String::new());
    let saved = r
        .companies
        .save_company(c.clone(), at(5))
        .await
        .unwrap()
        .unwrap();
    assert_eq!((&saved.company, saved.released_logo_key), (&c, None));
    assert_eq!(r.companies.find_company(e.2).await.unwrap(), Some(c));
    assert_eq!(r.titles(public(Some("forges eternelles"))).await.len(), 2);
    assert!(r.titles(public(Some("acme"))).await.is_empty());
    // The titles are still searchable after the rewrite.
    assert_eq!(r.titles(public(Some("soudeur"))).await, vec!["Soudeur"]);
    let mut missing = r.companies.find_company(e.2).await.unwrap().unwrap();
    missing.id = CompanyId(999);
    assert!(
        r.companies
            .save_company(missing, at(5))
            .await
            .unwrap()
            .is_none()
    );
}

async fn stats_cover_the_whole_company(test_db: TestDb) {
    let r = Repos::new(migrated(&test_db));
    let e = r.employer("boss@acme.fr", "Acme").await;
    let other = r.employer("other@acme.fr", "Other").await;
    let j1 = r.job(e, fields("One")).await;
    let j2 = r.job(e, fields("Two")).await;
    r.job(other, fields("Elsewhere")).await;
    // A colleague attached to the same company.
    let colleague = r
        .users
        .create_with_profile(new_user(
            "colleague@acme.fr",
            intowork_domain::user::Role::Employer,
        ))
        .await
        .unwrap();
    let (cid, uid) = (e.2.get(), colleague.id.get());
    with_conn(&r.db, move |c| {
        use diesel::prelude::*;
        use intowork_storage::schema::employers;
        diesel::update(employers::table.filter(employers::user_id.eq(uid)))
            .set(employers::company_id.eq(Some(cid)))
            .execute(c)
    })
    .await;
    let (_, cand) = r.candidate("cand@example.com").await;
    r.apply(j1.job.id.get(), cand).await;
    r.apply(j2.job.id.get(), cand).await;
    let jid = j2.job.id.get();
    with_conn(&r.db, move |c| {
        use diesel::prelude::*;
        use intowork_storage::schema::jobs;
        diesel::update(jobs::table.find(jid))
            .set(jobs::status.eq("closed"))
            .execute(c)
    })
    .await;
    assert_eq!(
        r.companies.company_stats(e.2).await.unwrap(),
        CompanyStats {
            active_jobs: 1,
            total_jobs: 2,
            total_applications: 2,
            total_employers: 2,
        }
    );
    assert_eq!(
        r.companies.company_stats(CompanyId(999)).await.unwrap(),
        CompanyStats::default()
    );
}

async fn candidate_contact_is_written(test_db: TestDb) {
    let r = Repos::new(migrated(&test_db));
    let (user, cid) = r.candidate("cand@example.com").await;
    let contact = CandidateContact {
        phone: Some("0600".into()),
        location: Some("Dakar".into()),
        title: None,
    };
    let p = r
        .companies
        .update_candidate_contact(user, contact.clone(), at(4))
        .await
        .unwrap()
        .unwrap();
    assert_eq!((p.id.get(), p.user_id, p.contact), (cid, user, contact));
    let (employer_user, _, _) = r.employer("boss@acme.fr", "Acme").await;
    assert!(
        r.companies
            .update_candidate_contact(employer_user, CandidateContact::default(), at(4))
            .await
            .unwrap()
            .is_none()
    );
}

intowork_testkit::test_both_backends!(
    one_company_per_employer_and_fields_written,
    concurrent_company_creation_attaches_exactly_one,
    saving_a_company_renames_it_in_job_search,
    stats_cover_the_whole_company,
    candidate_contact_is_written,
);
