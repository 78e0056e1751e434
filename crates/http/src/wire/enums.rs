//! The domain's enums as they appear on the wire. Each is a thin wrapper around the domain value:
//! it serializes as the domain's `as_str()` and is described in the document as a string enum of
//! the variants listed here. The list is matched exhaustively, so a new domain variant does not
//! compile until it is added (and thereby documented).

use intowork_domain::application::ApplicationStatus as DomainApplicationStatus;
use intowork_domain::candidate::SkillCategory as DomainSkillCategory;
use intowork_domain::dashboard::{
    ActivityKind as DomainActivityKind, ChangeType as DomainChangeType,
    StatColor as DomainStatColor,
};
use intowork_domain::job::{
    JobStatus as DomainJobStatus, JobType as DomainJobType, LocationType as DomainLocationType,
};
use intowork_domain::mail::MailStatus as DomainMailStatus;
use intowork_domain::notification::NotificationKind;
use intowork_domain::user::Role as DomainRole;
use serde::Serialize;
use utoipa::ToSchema;

macro_rules! wire_enum {
    ($(#[$meta:meta])* $name:ident($domain:ident) { $($variant:ident),+ $(,)? }) => {
        $(#[$meta])*
        #[derive(Clone, Copy, Debug, PartialEq, Eq)]
        pub struct $name(pub $domain);

        impl $name {
            /// Every variant, in the document's order.
            pub const VALUES: &'static [$domain] = &[$($domain::$variant),+];
        }

        // Fails to compile when the domain gains a variant that `VALUES` does not list.
        const _: fn($domain) = |v| match v { $($domain::$variant)|+ => {} };

        impl From<$domain> for $name {
            fn from(value: $domain) -> Self {
                Self(value)
            }
        }

        impl serde::Serialize for $name {
            fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
                s.serialize_str(self.0.as_str())
            }
        }

        impl utoipa::PartialSchema for $name {
            fn schema() -> utoipa::openapi::RefOr<utoipa::openapi::schema::Schema> {
                string_enum(Self::VALUES.iter().map(|v| v.as_str()))
            }
        }

        impl utoipa::ToSchema for $name {}
    };
}

fn string_enum<'a>(
    values: impl Iterator<Item = &'a str>,
) -> utoipa::openapi::RefOr<utoipa::openapi::schema::Schema> {
    use utoipa::openapi::schema::{ObjectBuilder, Type};
    ObjectBuilder::new()
        .schema_type(Type::String)
        .enum_values(Some(values))
        .into()
}

wire_enum!(Role(DomainRole) { Candidate, Employer, Admin });
wire_enum!(JobType(DomainJobType) { FullTime, PartTime, Contract, Temporary, Internship });
wire_enum!(LocationType(DomainLocationType) { OnSite, Remote, Hybrid });
wire_enum!(JobStatus(DomainJobStatus) { Draft, Published, Closed, Archived });
wire_enum!(ApplicationStatus(DomainApplicationStatus) {
    Applied, Viewed, Shortlisted, Interview, Rejected, Accepted
});
wire_enum!(NotificationType(NotificationKind) {
    NewApplication, StatusChange, NewJob, Message, System
});
wire_enum!(SkillCategory(DomainSkillCategory) { Technical, Soft, Language, Other });
wire_enum!(ChangeType(DomainChangeType) { Increase, Neutral });
wire_enum!(StatColor(DomainStatColor) { Red, Blue, Green, Purple, Gray, Orange });
wire_enum!(MailStatus(DomainMailStatus) { Queued, Sending, Sent, Failed });
wire_enum!(ActivityKind(DomainActivityKind) {
    Admin, Info, Welcome, JobPost, Application, Interview, Update, View
});

// `token_type` of the answers that issue a token: always `bearer`.
#[derive(Clone, Copy, Debug, Serialize, ToSchema)]
#[serde(rename_all = "snake_case")]
pub enum TokenType {
    Bearer,
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn values_serialize_as_the_domain_strings() {
        let json = serde_json::to_value(JobType(DomainJobType::FullTime)).unwrap();
        assert_eq!(json, "full_time");
        let json = serde_json::to_value(NotificationType(NotificationKind::NewJob)).unwrap();
        assert_eq!(json, "new_job");
        assert_eq!(serde_json::to_value(TokenType::Bearer).unwrap(), "bearer");
    }
}
