//! Our rows as the importer writes them, ids included (CONTRACT 9.3 keeps the reference's ids).
//! `None` is written as NULL (never as the column default). The columns copied as they are come
//! embedded from the reference's declarations (`…Verbatim`).

use chrono::NaiveDateTime;
use diesel::prelude::*;
use intowork_domain::application::ApplicationStatus;
use intowork_storage::DbConn;
use intowork_storage::schema::{
    application_status_history, candidate_cvs, candidates, companies, educations, employers,
    experiences, job_applications, jobs, notifications, skills, users,
};

use crate::reference::hiring::{
    ApplicationVerbatim, CompanyVerbatim, EmployerVerbatim, JobVerbatim,
};
use crate::reference::people::{
    CandidateVerbatim, EducationVerbatim, ExperienceVerbatim, UserVerbatim,
};

/// A row of one of our tables.
pub trait OurRow {
    const TABLE: &'static str;
    fn insert(&self, conn: &mut DbConn) -> QueryResult<usize>;
}

/// Declares an insertable row of `$table`, with the same fields.
macro_rules! our_row {
    ($(#[$meta:meta])* $row:ident in $table:ident { $($fields:tt)* }) => {
        $(#[$meta])*
        #[derive(Insertable)]
        #[diesel(table_name = $table, treat_none_as_default_value = false)]
        pub struct $row { $($fields)* }

        impl OurRow for $row {
            const TABLE: &'static str = stringify!($table);
            fn insert(&self, conn: &mut DbConn) -> QueryResult<usize> {
                diesel::insert_into($table::table).values(self).execute(conn)
            }
        }
    };
}

our_row!(
    /// No `Debug`: it holds the password hash.
    UserRow in users {
        pub id: i64,
        pub email: String,
        pub email_norm: String,
        pub password_hash: Option<String>,
        pub role: &'static str,
        pub first_name: String,
        pub last_name: String,
        pub is_active: bool,
        pub token_version: i64,
        pub created_at: NaiveDateTime,
        pub updated_at: NaiveDateTime,
        #[diesel(embed)]
        pub verbatim: UserVerbatim,
    }
);

our_row!(CandidateRow in candidates {
    pub id: i64,
    pub user_id: i64,
    pub years_experience: Option<i32>,
    pub salary_expectation_min: Option<i32>,
    pub salary_expectation_max: Option<i32>,
    pub created_at: NaiveDateTime,
    pub updated_at: NaiveDateTime,
    #[diesel(embed)]
    pub verbatim: CandidateVerbatim,
});

our_row!(ExperienceRow in experiences {
    pub id: i64,
    pub candidate_id: i64,
    pub title: String,
    pub company: String,
    pub start_date: String,
    pub is_current: bool,
    pub created_at: NaiveDateTime,
    pub updated_at: NaiveDateTime,
    #[diesel(embed)]
    pub verbatim: ExperienceVerbatim,
});

our_row!(EducationRow in educations {
    pub id: i64,
    pub candidate_id: i64,
    pub degree: String,
    pub school: String,
    pub field_of_study: Option<String>,
    pub start_date: String,
    pub is_current: bool,
    pub created_at: NaiveDateTime,
    pub updated_at: NaiveDateTime,
    #[diesel(embed)]
    pub verbatim: EducationVerbatim,
});

our_row!(SkillRow in skills {
    pub id: i64,
    pub candidate_id: i64,
    pub name: String,
    pub level: i32,
    pub category: &'static str,
    pub created_at: NaiveDateTime,
    pub updated_at: NaiveDateTime,
});

our_row!(CompanyRow in companies {
    pub id: i64,
    pub name: String,
    pub created_at: NaiveDateTime,
    pub updated_at: NaiveDateTime,
    #[diesel(embed)]
    pub verbatim: CompanyVerbatim,
});

our_row!(EmployerRow in employers {
    pub id: i64,
    pub user_id: i64,
    pub company_id: Option<i64>,
    pub can_create_jobs: bool,
    pub can_manage_candidates: bool,
    pub is_admin: bool,
    pub created_at: NaiveDateTime,
    pub updated_at: NaiveDateTime,
    #[diesel(embed)]
    pub verbatim: EmployerVerbatim,
});

our_row!(JobRow in jobs {
    pub id: i64,
    pub employer_id: i64,
    pub company_id: i64,
    pub title: String,
    pub description: String,
    pub job_type: &'static str,
    pub location_type: &'static str,
    pub location_norm: String,
    pub salary_min: Option<i32>,
    pub salary_max: Option<i32>,
    pub currency: String,
    pub status: &'static str,
    pub is_featured: bool,
    pub views_count: i64,
    pub applications_count: i32,
    pub search_text: String,
    pub created_at: NaiveDateTime,
    pub updated_at: NaiveDateTime,
    #[diesel(embed)]
    pub verbatim: JobVerbatim,
});

#[derive(Insertable)]
#[diesel(table_name = job_applications, treat_none_as_default_value = false)]
pub struct ApplicationRow {
    pub id: i64,
    pub job_id: i64,
    pub employer_id: i64,
    pub candidate_id: i64,
    pub cv_id: Option<i64>,
    pub status: &'static str,
    pub applied_at: NaiveDateTime,
    pub updated_at: NaiveDateTime,
    #[diesel(embed)]
    pub verbatim: ApplicationVerbatim,
}

/// With its status history, as the schema migration gave the applications it found: `applied`
/// at `applied_at`, then the current status at `updated_at` when it differs (the reference kept
/// nothing in between). The funnel reads the history (HEAD.md 10.9, 10.10).
impl OurRow for ApplicationRow {
    const TABLE: &'static str = "job_applications";
    fn insert(&self, conn: &mut DbConn) -> QueryResult<usize> {
        let inserted = diesel::insert_into(job_applications::table)
            .values(self)
            .execute(conn)?;
        let applied = ApplicationStatus::Applied.as_str();
        let mut steps = vec![(None, applied, self.applied_at)];
        if self.status != applied {
            steps.push((Some(applied), self.status, self.updated_at));
        }
        for (from, to, at) in steps {
            diesel::insert_into(application_status_history::table)
                .values((
                    application_status_history::application_id.eq(self.id),
                    application_status_history::from_status.eq(from),
                    application_status_history::to_status.eq(to),
                    application_status_history::actor_user_id.eq(None::<i64>),
                    application_status_history::changed_at.eq(at),
                ))
                .execute(conn)?;
        }
        Ok(inserted)
    }
}

our_row!(NotificationRow in notifications {
    pub id: i64,
    pub user_id: i64,
    pub kind: &'static str,
    pub title: String,
    pub message: String,
    pub related_job_id: Option<i64>,
    pub related_application_id: Option<i64>,
    pub is_read: bool,
    pub read_at: Option<NaiveDateTime>,
    pub created_at: NaiveDateTime,
});

/// Without the id: CVs from `candidate_cvs` keep theirs, legacy ones get a new one.
#[derive(Insertable, Clone, Debug)]
#[diesel(table_name = candidate_cvs, treat_none_as_default_value = false)]
pub struct CvRow {
    pub candidate_id: i64,
    pub filename: String,
    pub storage_key: String,
    pub file_size: i64,
    pub is_active: bool,
    pub created_at: NaiveDateTime,
    pub updated_at: NaiveDateTime,
}
