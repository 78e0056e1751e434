//! The status of an application and the rules attached to it (CONTRACT 3.7, decisions 9.1, 9.4).

#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum ApplicationStatus {
    Applied,
    Viewed,
    Shortlisted,
    Interview,
    Rejected,
    Accepted,
}

impl ApplicationStatus {
    pub const ALL: [ApplicationStatus; 6] = [
        ApplicationStatus::Applied,
        ApplicationStatus::Viewed,
        ApplicationStatus::Shortlisted,
        ApplicationStatus::Interview,
        ApplicationStatus::Rejected,
        ApplicationStatus::Accepted,
    ];

    pub fn as_str(self) -> &'static str {
        match self {
            ApplicationStatus::Applied => "applied",
            ApplicationStatus::Viewed => "viewed",
            ApplicationStatus::Shortlisted => "shortlisted",
            ApplicationStatus::Interview => "interview",
            ApplicationStatus::Rejected => "rejected",
            ApplicationStatus::Accepted => "accepted",
        }
    }

    /// Exact API values only (a status change to anything else is a 400; the list filters also
    /// read the frontend's `pending`, see the http edge).
    pub fn parse(value: &str) -> Option<ApplicationStatus> {
        Self::ALL.into_iter().find(|s| s.as_str() == value)
    }

    /// Rejected and accepted end the process (used by the CV sweep, 9.4).
    pub fn is_final(self) -> bool {
        matches!(
            self,
            ApplicationStatus::Rejected | ApplicationStatus::Accepted
        )
    }

    /// The candidate's notification title for a move to this status (CONTRACT 3.7). Every move
    /// between the six statuses is allowed (9.1); the status decides the side effects only.
    pub fn notification_title(self) -> &'static str {
        match self {
            ApplicationStatus::Viewed => "👁️ Votre candidature a été vue",
            ApplicationStatus::Shortlisted => "⭐ Vous avez été présélectionné(e)",
            ApplicationStatus::Interview => "🎯 Vous êtes convoqué(e) en entretien",
            ApplicationStatus::Accepted => "🎉 Félicitations! Votre candidature a été acceptée",
            ApplicationStatus::Rejected => "❌ Votre candidature n'a pas été retenue",
            ApplicationStatus::Applied => "📬 Mise à jour de votre candidature",
        }
    }
}
