//! A candidate mail from a template: its variables filled from the application, escaped in the
//! HTML part, as is in the plain-text part.

use chrono::{DateTime, Utc};

use super::builtin::built_in;
use super::kind::TemplateType;
use super::variables::{Variables, render};
use crate::application::ApplicationStatus;
use crate::mail::OutgoingMail;

/// What an application's mail may say, read in the transaction that queues it.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct MailContext {
    pub candidate_first_name: String,
    pub candidate_last_name: String,
    pub candidate_email: String,
    pub job_title: String,
    pub job_location: Option<String>,
    pub company_name: String,
    pub recruiter_name: String,
    pub recruiter_email: String,
    pub status: ApplicationStatus,
    pub applied_at: DateTime<Utc>,
}

/// Interviews are not scheduled through this API (HEAD 10.20), so a template's interview
/// variables say so rather than render empty.
const NOT_SCHEDULED: &str = "à convenir";

impl MailContext {
    fn variables(&self) -> Variables {
        let mut v = Variables::default();
        let full = format!("{} {}", self.candidate_first_name, self.candidate_last_name);
        v.set("candidate_name", full.trim());
        v.set("candidate_first_name", &self.candidate_first_name);
        v.set("candidate_last_name", &self.candidate_last_name);
        v.set("candidate_email", &self.candidate_email);
        v.set("job_title", &self.job_title);
        v.set("job_location", self.job_location.as_deref().unwrap_or(""));
        v.set("company_name", &self.company_name);
        v.set("recruiter_name", &self.recruiter_name);
        v.set("recruiter_email", &self.recruiter_email);
        for name in [
            "interview_date",
            "interview_time",
            "interview_location",
            "interview_link",
        ] {
            v.set(name, NOT_SCHEDULED);
        }
        v.set("application_status", self.status.as_str());
        v.set(
            "application_date",
            self.applied_at.format("%d/%m/%Y").to_string(),
        );
        v
    }
}

/// The mail of type `kind` to the candidate: `template` (subject, HTML body) when the company has
/// a default one, else the built-in one; `None` when neither exists.
pub fn compose_candidate_mail(
    kind: TemplateType,
    template: Option<(&str, &str)>,
    ctx: &MailContext,
) -> Option<OutgoingMail> {
    let (subject, body) = template.or_else(|| built_in(kind).map(|b| (b.subject, b.body)))?;
    let vars = ctx.variables();
    // A header is one line, whatever a name or a title holds.
    let subject: String = render(subject, &vars, false)
        .chars()
        .map(|c| if c.is_control() { ' ' } else { c })
        .collect();
    let text = render(&html_to_text(body), &vars, false);
    let html = render(body, &vars, true);
    Some(OutgoingMail::text(kind.mail_kind(), &ctx.candidate_email, subject, text).with_html(html))
}

/// A readable plain-text version of a template's HTML: line breaks for `<br>` and block ends,
/// other tags dropped, the common entities decoded.
pub fn html_to_text(html: &str) -> String {
    let mut out = String::with_capacity(html.len());
    let mut rest = html;
    while let Some(open) = rest.find('<') {
        out.push_str(&rest[..open]);
        let Some(close) = rest[open..].find('>') else {
            out.push_str(&rest[open..]);
            rest = "";
            break;
        };
        let tag = rest[open + 1..open + close].trim().to_ascii_lowercase();
        let name: String = tag
            .trim_start_matches('/')
            .chars()
            .take_while(char::is_ascii_alphanumeric)
            .collect();
        match name.as_str() {
            "br" => out.push('\n'),
            "p" | "div" | "li" | "tr" | "h1" | "h2" | "h3" | "h4" if tag.starts_with('/') => {
                out.push_str("\n\n")
            }
            _ => {}
        }
        rest = &rest[open + close + 1..];
        if name == "br" {
            // `<br>` then a newline in the source is one line break.
            rest = rest
                .strip_prefix("\r\n")
                .or_else(|| rest.strip_prefix('\n'))
                .unwrap_or(rest);
        }
    }
    out.push_str(rest);
    let decoded = out
        .replace("&nbsp;", " ")
        .replace("&lt;", "<")
        .replace("&gt;", ">")
        .replace("&quot;", "\"")
        .replace("&#39;", "'")
        .replace("&amp;", "&");
    // Source newlines between blocks would double the breaks: keep at most one blank line.
    let lines: Vec<&str> = decoded.lines().map(str::trim).collect();
    let mut text = String::new();
    let mut blank = 0;
    for line in lines {
        if line.is_empty() {
            blank += 1;
            if blank > 1 {
                continue;
            }
        } else {
            blank = 0;
        }
        text.push_str(line);
        text.push('\n');
    }
    text.trim().to_owned()
}
