//! The kinds of template HEAD's page offers, and which of them are sent automatically.

use crate::application::ApplicationStatus;
use crate::mail::MailKind;

#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum TemplateType {
    WelcomeCandidate,
    ApplicationReceived,
    ApplicationRejected,
    InterviewInvitation,
    InterviewConfirmation,
    InterviewReminder,
    OfferLetter,
    Onboarding,
    Custom,
}

impl TemplateType {
    pub const ALL: [TemplateType; 9] = [
        TemplateType::WelcomeCandidate,
        TemplateType::ApplicationReceived,
        TemplateType::ApplicationRejected,
        TemplateType::InterviewInvitation,
        TemplateType::InterviewConfirmation,
        TemplateType::InterviewReminder,
        TemplateType::OfferLetter,
        TemplateType::Onboarding,
        TemplateType::Custom,
    ];

    pub fn as_str(self) -> &'static str {
        match self {
            TemplateType::WelcomeCandidate => "welcome_candidate",
            TemplateType::ApplicationReceived => "application_received",
            TemplateType::ApplicationRejected => "application_rejected",
            TemplateType::InterviewInvitation => "interview_invitation",
            TemplateType::InterviewConfirmation => "interview_confirmation",
            TemplateType::InterviewReminder => "interview_reminder",
            TemplateType::OfferLetter => "offer_letter",
            TemplateType::Onboarding => "onboarding",
            TemplateType::Custom => "custom",
        }
    }

    pub fn parse(raw: &str) -> Option<TemplateType> {
        Self::ALL.into_iter().find(|t| t.as_str() == raw)
    }

    /// The mail a move to `status` sends the candidate (HEAD 10.14): none for the other statuses.
    pub fn for_status(status: ApplicationStatus) -> Option<TemplateType> {
        match status {
            ApplicationStatus::Interview => Some(TemplateType::InterviewInvitation),
            ApplicationStatus::Rejected => Some(TemplateType::ApplicationRejected),
            ApplicationStatus::Accepted => Some(TemplateType::OfferLetter),
            ApplicationStatus::Applied
            | ApplicationStatus::Viewed
            | ApplicationStatus::Shortlisted => None,
        }
    }

    /// The outbox kind of a mail of this type: its own name, so the admin list tells them apart.
    pub fn mail_kind(self) -> MailKind {
        // Every name above is lower-case letters and `_`, shorter than 40: a valid kind.
        MailKind::parse(self.as_str()).unwrap_or(MailKind::TEMPLATE)
    }
}
