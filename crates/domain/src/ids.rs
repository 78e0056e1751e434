//! Identifier newtypes. The API exposes integer ids, so each wraps an `i64`; the distinct types stop a
//! user id from being passed where a candidate id is expected (a bug the reference shipped, CONTRACT A2).

macro_rules! id_type {
    ($($(#[$meta:meta])* $name:ident),+ $(,)?) => {$(
        $(#[$meta])*
        #[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
        pub struct $name(pub i64);

        impl $name {
            pub fn get(self) -> i64 {
                self.0
            }
        }

        impl std::fmt::Display for $name {
            fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
                self.0.fmt(f)
            }
        }
    )+};
}

id_type!(
    /// `users.id`
    UserId,
    /// `candidates.id`
    CandidateId,
    /// `employers.id`
    EmployerId,
    /// `companies.id`
    CompanyId,
    /// `jobs.id`
    JobId,
    /// `job_applications.id`
    ApplicationId,
    /// `candidate_cvs.id`
    CvId,
    /// `notifications.id`
    NotificationId,
    /// `cv_builder_documents.id`
    CvDocumentId,
);
