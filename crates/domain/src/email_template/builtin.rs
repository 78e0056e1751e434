//! IntoWork's built-in templates, in French (HEAD 10.14): the library a company may activate, and
//! what an automatic mail uses when the company has no default template of its type.

use super::kind::TemplateType;

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct BuiltInTemplate {
    pub kind: TemplateType,
    pub name: &'static str,
    pub subject: &'static str,
    /// HTML; its variables are escaped when rendered.
    pub body: &'static str,
}

/// A body's paragraphs, then the signature every built-in body ends with.
macro_rules! body {
    ($($line:expr),+ $(,)?) => {
        concat!($($line, "\n\n"),+, "<p>Cordialement,<br>\n<strong>{recruiter_name}</strong><br>\n{company_name}</p>")
    };
}

/// In the order the library page shows them.
pub const BUILT_IN: [BuiltInTemplate; 7] = [
    BuiltInTemplate {
        kind: TemplateType::ApplicationReceived,
        name: "Accusé de réception de candidature",
        subject: "Nous avons bien reçu votre candidature : {job_title}",
        body: body!(
            "<p>Bonjour {candidate_first_name},</p>",
            "<p>Merci pour votre candidature au poste de <strong>{job_title}</strong> chez <strong>{company_name}</strong>. Elle nous est bien parvenue.</p>",
            "<p>Nous l'étudions avec attention et reviendrons vers vous dès que possible.</p>",
        ),
    },
    BuiltInTemplate {
        kind: TemplateType::InterviewInvitation,
        name: "Invitation à un entretien",
        subject: "Entretien pour le poste {job_title} chez {company_name}",
        body: body!(
            "<p>Bonjour {candidate_first_name},</p>",
            "<p>Votre candidature au poste de <strong>{job_title}</strong> a retenu notre attention et nous serions heureux de vous rencontrer en entretien.</p>",
            "<p>Nous revenons vers vous très vite pour convenir ensemble d'une date. Vous pouvez aussi répondre directement à ce message.</p>",
        ),
    },
    BuiltInTemplate {
        kind: TemplateType::InterviewConfirmation,
        name: "Confirmation d'entretien",
        subject: "Votre entretien pour le poste {job_title} est confirmé",
        body: body!(
            "<p>Bonjour {candidate_first_name},</p>",
            "<p>Nous vous confirmons votre entretien pour le poste de <strong>{job_title}</strong> : le {interview_date} à {interview_time}, lieu : {interview_location}.</p>",
            "<p>N'hésitez pas à nous écrire pour toute question d'ici là.</p>",
        ),
    },
    BuiltInTemplate {
        kind: TemplateType::InterviewReminder,
        name: "Rappel d'entretien (veille)",
        subject: "Rappel : votre entretien de demain pour {job_title}",
        body: body!(
            "<p>Bonjour {candidate_first_name},</p>",
            "<p>Petit rappel : votre entretien pour le poste de <strong>{job_title}</strong> a lieu demain, le {interview_date} à {interview_time} ({interview_location}).</p>",
            "<p>En cas d'empêchement, merci de nous prévenir au plus tôt.</p>",
        ),
    },
    BuiltInTemplate {
        kind: TemplateType::ApplicationRejected,
        name: "Réponse négative à une candidature",
        subject: "Votre candidature au poste {job_title}",
        body: body!(
            "<p>Bonjour {candidate_first_name},</p>",
            "<p>Nous vous remercions de l'intérêt que vous portez à <strong>{company_name}</strong> et du temps consacré à votre candidature au poste de <strong>{job_title}</strong>.</p>",
            "<p>Après étude attentive, nous ne donnerons pas suite à votre candidature pour ce poste. Ce choix ne remet pas en cause la qualité de votre parcours, et nous gardons votre profil à l'esprit pour de prochaines opportunités.</p>",
            "<p>Nous vous souhaitons une belle réussite dans vos recherches.</p>",
        ),
    },
    BuiltInTemplate {
        kind: TemplateType::OfferLetter,
        name: "Proposition d'embauche",
        subject: "Proposition pour le poste {job_title} chez {company_name}",
        body: body!(
            "<p>Bonjour {candidate_first_name},</p>",
            "<p>Nous avons le plaisir de vous proposer le poste de <strong>{job_title}</strong> au sein de <strong>{company_name}</strong>.</p>",
            "<p>Nous reviendrons vers vous avec les détails de notre proposition et restons à votre disposition pour en parler.</p>",
        ),
    },
    BuiltInTemplate {
        kind: TemplateType::WelcomeCandidate,
        name: "Bienvenue dans l'équipe",
        subject: "Bienvenue chez {company_name}",
        body: body!(
            "<p>Bonjour {candidate_first_name},</p>",
            "<p>Toute l'équipe de <strong>{company_name}</strong> est ravie de vous accueillir au poste de <strong>{job_title}</strong>.</p>",
            "<p>Les informations pratiques pour votre arrivée suivent très bientôt.</p>",
        ),
    },
];

/// The built-in template of `kind`, if IntoWork has one.
pub fn built_in(kind: TemplateType) -> Option<&'static BuiltInTemplate> {
    BUILT_IN.iter().find(|t| t.kind == kind)
}
