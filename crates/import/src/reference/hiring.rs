//! The employer side of the reference database: companies, employers, jobs, applications and
//! notifications (see `people.rs` for the `…Verbatim` structs).

// `QueryableByName` by name: the derive names it unqualified for embedded fields.
use diesel::{Insertable, QueryableByName};
use intowork_storage::schema::{companies, employers, job_applications, jobs};

use super::columns::reference_columns;

reference_columns! {
    #[derive(Debug)]
    pub struct RefCompany from "companies" {
        #[embed] verbatim: CompanyVerbatim,
        name: Text,
        created_at: Time,
        updated_at: Time,
    }
}

reference_columns! {
    #[derive(Insertable, Clone, Debug)]
    #[diesel(table_name = companies, treat_none_as_default_value = false)]
    pub struct CompanyVerbatim {
        description: Text,
        industry: Text,
        size: Text,
        website_url: Text,
        linkedin_url: Text,
        address: Text,
        city: Text,
        country: Text,
        logo_url: Text,
    }
}

reference_columns! {
    #[derive(Debug)]
    pub struct RefEmployer from "employers" {
        #[embed] verbatim: EmployerVerbatim,
        user_id: Int,
        company_id: Int,
        can_create_jobs: Bool,
        can_manage_candidates: Bool,
        is_admin: Bool,
        created_at: Time,
        updated_at: Time,
    }
}

reference_columns! {
    #[derive(Insertable, Clone, Debug)]
    #[diesel(table_name = employers, treat_none_as_default_value = false)]
    pub struct EmployerVerbatim {
        position: Text,
        department: Text,
        phone: Text,
    }
}

reference_columns! {
    #[derive(Debug)]
    pub struct RefJob from "jobs" {
        #[embed] verbatim: JobVerbatim,
        employer_id: Int,
        company_id: Int,
        title: Text,
        description: Text,
        job_type: Text,
        location_type: Text,
        salary_min: Int,
        salary_max: Int,
        currency: Text,
        status: Text,
        is_featured: Bool,
        views_count: Int,
        created_at: Time,
        updated_at: Time,
    }
}

reference_columns! {
    #[derive(Insertable, Clone, Debug)]
    #[diesel(table_name = jobs, treat_none_as_default_value = false)]
    pub struct JobVerbatim {
        requirements: Text,
        responsibilities: Text,
        benefits: Text,
        location: Text,
        posted_at: Time,
        expires_at: Time,
    }
}

reference_columns! {
    #[derive(Debug)]
    pub struct RefApplication from "job_applications" {
        #[embed] verbatim: ApplicationVerbatim,
        job_id: Int,
        candidate_id: Int,
        status: Text,
        applied_at: Time,
        updated_at: Time,
    }
}

reference_columns! {
    #[derive(Insertable, Clone, Debug)]
    #[diesel(table_name = job_applications, treat_none_as_default_value = false)]
    pub struct ApplicationVerbatim {
        cover_letter: Text,
        cover_letter_url: Text,
        notes: Text,
        viewed_at: Time,
    }
}

reference_columns! {
    #[derive(Debug)]
    pub struct RefNotification from "notifications" {
        user_id: Int,
        kind: Text = "type",
        title: Text,
        message: Text,
        related_job_id: Int,
        related_application_id: Int,
        is_read: Bool,
        read_at: Time,
        created_at: Time,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::reference::columns::{Column, Kind, ReadColumns, ReferenceTable};

    fn columns<R: ReadColumns>() -> Vec<Column> {
        let mut out = Vec::new();
        R::columns(&mut out);
        out
    }

    #[test]
    fn a_declaration_reads_its_own_verbatim_and_renamed_columns() {
        assert_eq!(RefJob::TABLE, "jobs");
        let job: Vec<&str> = columns::<RefJob>().iter().map(|c| c.name).collect();
        for name in ["requirements", "posted_at", "employer_id", "updated_at"] {
            assert!(job.contains(&name), "{name} in {job:?}");
        }
        assert!(!job.contains(&"id"), "`id` is always read, never declared");
        let kind = Column {
            name: "type",
            field: "kind",
            kind: Kind::Text,
        };
        assert!(columns::<RefNotification>().contains(&kind));
    }
}
