//! The `{variable}` language of templates: which names exist, checking a saved text, and filling
//! them in (escaped in an HTML part, as is in the text part).

use std::collections::HashMap;

/// Every variable a template may use, with the page's description, in HEAD's order.
pub const VARIABLES: [(&str, &str); 15] = [
    ("candidate_name", "Nom complet du candidat"),
    ("candidate_first_name", "Prénom du candidat"),
    ("candidate_last_name", "Nom de famille du candidat"),
    ("candidate_email", "Email du candidat"),
    ("job_title", "Titre du poste"),
    ("job_location", "Localisation du poste"),
    ("company_name", "Nom de l'entreprise"),
    ("recruiter_name", "Nom du recruteur"),
    ("recruiter_email", "Email du recruteur"),
    ("interview_date", "Date de l'entretien"),
    ("interview_time", "Heure de l'entretien"),
    ("interview_location", "Lieu de l'entretien"),
    ("interview_link", "Lien de visioconférence"),
    ("application_status", "Statut de la candidature"),
    ("application_date", "Date de candidature"),
];

fn is_known(name: &str) -> bool {
    VARIABLES.iter().any(|(v, _)| *v == name)
}

/// The `{name}` placeholders of `text`, in order: a name is a letter or `_` then letters, digits
/// or `_`. Other braces (CSS in an HTML body, a lone `{`) are plain text.
fn placeholders(text: &str) -> impl Iterator<Item = (usize, usize, &str)> {
    let bytes = text.as_bytes();
    let mut at = 0;
    std::iter::from_fn(move || {
        while let Some(offset) = text[at..].find('{') {
            let start = at + offset;
            let name_start = start + 1;
            let mut end = name_start;
            while end < bytes.len() && (bytes[end].is_ascii_alphanumeric() || bytes[end] == b'_') {
                end += 1;
            }
            let first_ok = bytes
                .get(name_start)
                .is_some_and(|b| b.is_ascii_alphabetic() || *b == b'_');
            if first_ok && end < bytes.len() && bytes[end] == b'}' {
                at = end + 1;
                return Some((start, end + 1, &text[name_start..end]));
            }
            at = name_start;
        }
        None
    })
}

/// The first unknown `{variable}` of `text`, as written (`{not_a_variable}`).
pub fn check_variables(text: &str) -> Result<(), String> {
    match placeholders(text).find(|(_, _, name)| !is_known(name)) {
        Some((start, end, _)) => Err(text[start..end].to_owned()),
        None => Ok(()),
    }
}

/// The values of one mail's variables. A known variable without a value renders empty.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Variables(HashMap<&'static str, String>);

impl Variables {
    /// Sets a known variable; an unknown name is ignored (it could never be rendered).
    pub fn set(&mut self, name: &str, value: impl Into<String>) {
        if let Some((known, _)) = VARIABLES.iter().find(|(v, _)| *v == name) {
            self.0.insert(known, value.into());
        }
    }

    pub fn get(&self, name: &str) -> Option<&str> {
        self.0.get(name).map(String::as_str)
    }
}

/// `text` with its known variables replaced by their values, HTML-escaped when `html`: a
/// candidate's name can never add markup to the mail. Unknown placeholders stay as written.
pub fn render(text: &str, vars: &Variables, html: bool) -> String {
    let mut out = String::with_capacity(text.len());
    let mut last = 0;
    for (start, end, name) in placeholders(text) {
        if !is_known(name) {
            continue;
        }
        out.push_str(&text[last..start]);
        let value = vars.get(name).unwrap_or("");
        if html {
            out.push_str(&escape_html(value));
        } else {
            out.push_str(value);
        }
        last = end;
    }
    out.push_str(&text[last..]);
    out
}

pub(super) fn escape_html(value: &str) -> String {
    let mut out = String::with_capacity(value.len());
    for c in value.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&#39;"),
            c => out.push(c),
        }
    }
    out
}
