//! The current form's fields: update semantics (absent keeps, null clears), the sections, the
//! code filters and what the search text is made of.

use super::tests::{fields, service, two_employers, update_cmd, user};
use super::*;
use crate::search::job_search_text_of;
use crate::user::Role;

#[test]
fn an_update_keeps_absent_fields_and_clears_nulls() {
    let old = fields();
    let cmd = UpdateJobCommand {
        salary_max: Some(None),
        country: Some(None),
        zone: Some(Some("CEMAC".into())),
        sections: JobSectionsPatch {
            context: Some(None),
            mission_principale: Some(Some("Piloter".into())),
            ..JobSectionsPatch::default()
        },
        ..update_cmd("Nouveau titre")
    };
    let new = cmd.apply(old.clone());
    assert_eq!(new.title, "Nouveau titre");
    // Absent: kept.
    assert_eq!(new.salary_min, old.salary_min);
    assert_eq!(new.requirements, old.requirements);
    assert_eq!(new.location, old.location);
    assert_eq!(new.language, old.language);
    assert_eq!(new.sections.profil_autre.as_deref(), Some("Permis B"));
    // Null: cleared.
    assert_eq!(new.salary_max, None);
    assert_eq!(new.country, None);
    assert_eq!(new.sections.context, None);
    // Value: written.
    assert_eq!(new.zone.as_deref(), Some("CEMAC"));
    assert_eq!(new.sections.mission_principale.as_deref(), Some("Piloter"));
}

#[test]
fn sections_keep_the_form_order() {
    let s = JobSections::from_array(std::array::from_fn(|i| Some(format!("s{i}"))));
    assert_eq!(s.profil_formation.as_deref(), Some("s2"));
    assert_eq!(JobSections::NAMES[6], "profil_autre");
    let created = JobSections::from_patch(JobSectionsPatch {
        context: Some(Some("c".into())),
        profil_posture: Some(None),
        ..JobSectionsPatch::default()
    });
    assert_eq!(
        created,
        JobSections {
            context: Some("c".into()),
            ..JobSections::default()
        }
    );
}

#[test]
fn the_search_text_covers_the_sections_that_are_set() {
    let f = fields();
    let texts: Vec<&str> = f.searched_texts().collect();
    assert_eq!(
        texts,
        ["Développeur", "Rust", "Une PME en croissance", "Permis B"]
    );
    assert_eq!(
        job_search_text_of("Acme", f.searched_texts()),
        "acme\u{1f}developpeur\u{1f}rust\u{1f}une pme en croissance\u{1f}permis b"
    );
}

#[test]
fn code_filters_fold_ascii_case_and_ignore_empty_values() {
    let m = CodeMatch::new(CodeFilters {
        country: Some("GA".into()),
        currency: Some(String::new()),
        language: Some("Fr".into()),
    });
    assert_eq!(m.country.as_deref(), Some("ga"));
    assert_eq!(m.currency, None);
    assert_eq!(m.language.as_deref(), Some("fr"));
}

#[tokio::test]
async fn both_lists_pass_the_code_filters_on() {
    let mut jobs = MockJobRepository::new();
    jobs.expect_list_public()
        .withf(|q| q.codes.currency.as_deref() == Some("xaf") && q.codes.country.is_none())
        .times(1)
        .returning(|_| Ok(JobPage::default()));
    jobs.expect_list_for_employer()
        .withf(|q| q.codes.country.as_deref() == Some("cm"))
        .times(1)
        .returning(|_| Ok(JobPage::default()));
    let svc = service(jobs, two_employers());
    let paging = Paging {
        page: 1,
        limit: 100,
    };
    let public = PublicJobSearch {
        paging,
        search: None,
        location: None,
        job_type: None,
        location_type: None,
        salary_min: None,
        codes: CodeFilters {
            currency: Some("XAF".into()),
            ..CodeFilters::default()
        },
    };
    svc.list_public(None, public).await.unwrap();
    let mine = MyJobsSearch {
        paging,
        search: None,
        status: None,
        codes: CodeFilters {
            country: Some("CM".into()),
            ..CodeFilters::default()
        },
    };
    svc.list_mine(&user(10, Role::Employer), mine)
        .await
        .unwrap();
}
