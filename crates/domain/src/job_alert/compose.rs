//! The alert mail: a plain-text list of the jobs with their links, a one-click unsubscribe link
//! in the body and in the `List-Unsubscribe` headers (RFC 8058).

use std::fmt::Write;

use super::criteria::Frequency;
use super::entity::{AlertJob, DueAlert};
use super::link::unsubscribe_token;
use crate::cv::LinkSigner;
use crate::mail::{MailHeader, MailKind, OutgoingMail};

/// Where the mail's links point.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct AlertLinks {
    /// The API's public origin: the unsubscribe link is `{api}/api/job-alerts/unsubscribe?token=…`.
    pub api_origin: String,
    /// The site: a job is `{frontend}/offres/{id}`.
    pub frontend_origin: String,
}

impl AlertLinks {
    pub fn unsubscribe_url(&self, token: &str) -> String {
        format!(
            "{}/api/job-alerts/unsubscribe?token={token}",
            self.api_origin.trim_end_matches('/')
        )
    }

    fn job_url(&self, job: &AlertJob) -> String {
        format!(
            "{}/offres/{}",
            self.frontend_origin.trim_end_matches('/'),
            job.id
        )
    }
}

pub fn compose(
    due: &DueAlert,
    jobs: &[AlertJob],
    links: &AlertLinks,
    signer: &dyn LinkSigner,
) -> OutgoingMail {
    let alert = &due.alert;
    let unsubscribe = links.unsubscribe_url(&unsubscribe_token(signer, alert.id));
    let subject = match (jobs, alert.frequency) {
        ([job], _) => format!("Nouvelle offre pour « {} » : {}", alert.name, job.title),
        (_, Frequency::Daily) => format!(
            "{} nouvelles offres aujourd'hui pour « {} »",
            jobs.len(),
            alert.name
        ),
        (_, Frequency::Weekly) => format!(
            "{} nouvelles offres cette semaine pour « {} »",
            jobs.len(),
            alert.name
        ),
        (_, Frequency::Instant) => {
            format!("{} nouvelles offres pour « {} »", jobs.len(), alert.name)
        }
    };
    let mut text = format!(
        "Bonjour,\n\nDe nouvelles offres correspondent à votre alerte « {} » :\n\n",
        alert.name
    );
    for job in jobs {
        let _ = writeln!(text, "- {} — {}", job.title, job.company_name);
        let mut facts = vec![job.job_type.as_str().replace('_', " ")];
        if let Some(location) = &job.location {
            facts.push(location.clone());
        }
        if let Some(salary) = salary(job) {
            facts.push(salary);
        }
        let _ = writeln!(text, "  {}", facts.join(" · "));
        let _ = writeln!(text, "  {}\n", links.job_url(job));
    }
    let _ = write!(
        text,
        "Pour ne plus recevoir cette alerte, ouvrez ce lien (sans connexion) :\n{unsubscribe}\n\nL'équipe IntoWork\n"
    );
    let mut mail = OutgoingMail::text(MailKind::JOB_ALERT, due.email.clone(), subject, text);
    // A link longer than a header line allows cannot happen (an origin, a path and a token), but
    // a mail without the header still carries the link in its body.
    if let Ok(h) = MailHeader::new("List-Unsubscribe", &format!("<{unsubscribe}>")) {
        mail = mail.with_header(h);
        if let Ok(h) = MailHeader::new("List-Unsubscribe-Post", "List-Unsubscribe=One-Click") {
            mail = mail.with_header(h);
        }
    }
    mail
}

fn salary(job: &AlertJob) -> Option<String> {
    match (job.salary_min, job.salary_max) {
        (Some(min), Some(max)) => Some(format!("{min} – {max} {}", job.currency)),
        (Some(min), None) => Some(format!("à partir de {min} {}", job.currency)),
        (None, Some(max)) => Some(format!("jusqu'à {max} {}", job.currency)),
        (None, None) => None,
    }
}
