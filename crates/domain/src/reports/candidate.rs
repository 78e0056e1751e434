//! The candidate's report (HEAD's `candidate.html`): profile, figures, applications with their
//! statuses, skills, experiences and educations.

use chrono::{DateTime, Utc};

use super::document::{Block, Report, ReportKind, Section, fields, figures, table};
use super::facts::{CandidateDetails, PeriodLine};
use super::labels::{
    application_status, date, full_name, generated_at, or_not_given, skill_category,
};
use crate::dashboard::CandidateFacts;
use crate::user::User;

fn period(p: &PeriodLine) -> String {
    let end = p.end.as_deref().filter(|e| !e.trim().is_empty());
    format!("{} — {}", p.start, end.unwrap_or("En cours"))
}

pub fn candidate_report(
    user: &User,
    completion: i64,
    facts: &CandidateFacts,
    d: &CandidateDetails,
    now: DateTime<Utc>,
) -> Report {
    let name = full_name(&user.first_name, &user.last_name, &user.email);
    let profile = fields(&[
        ("Nom", name.clone()),
        ("Email", user.email.clone()),
        ("Poste", or_not_given(d.title.as_deref())),
        ("Localisation", or_not_given(d.location.as_deref())),
        ("Complétion du profil", format!("{completion} %")),
    ]);
    let stats = figures(&[
        (facts.applications.to_string(), "Candidatures"),
        (facts.interviews.to_string(), "Entretiens"),
        (facts.published_jobs.to_string(), "Offres disponibles"),
        (format!("{completion} %"), "Profil"),
    ]);
    let applications: Vec<Vec<String>> = d
        .applications
        .iter()
        .map(|a| {
            vec![
                a.job_title.clone(),
                a.company.clone(),
                application_status(a.status).to_owned(),
                date(a.applied_at),
            ]
        })
        .collect();
    let mut application_blocks = vec![table(
        &["Offre", "Entreprise", "Statut", "Date"],
        applications,
        "Aucune candidature pour le moment.",
    )];
    let listed = d.applications.len() as i64;
    if listed < d.applications_total {
        application_blocks.push(Block::Note(format!(
            "Les {listed} plus récentes sur {} candidatures.",
            d.applications_total
        )));
    }
    let skills = d
        .skills
        .iter()
        .map(|s| {
            vec![
                s.name.clone(),
                skill_category(&s.category),
                format!("{}/5", s.level),
            ]
        })
        .collect();
    let periods = |lines: &[PeriodLine]| -> Vec<Vec<String>> {
        lines
            .iter()
            .map(|p| vec![p.what.clone(), p.place.clone(), period(p)])
            .collect()
    };
    Report {
        kind: ReportKind::Candidate,
        file_name: format!("intowork_rapport_candidat_{}.pdf", now.format("%Y%m%d")),
        title: "Rapport candidat".to_owned(),
        subject: name,
        generated_at: generated_at(now),
        sections: vec![
            Section::new("Profil", vec![profile]),
            Section::new("Statistiques", vec![stats]),
            Section::new(
                format!("Candidatures ({})", d.applications_total),
                application_blocks,
            ),
            Section::new(
                format!("Compétences ({})", d.skills.len()),
                vec![table(
                    &["Compétence", "Catégorie", "Niveau"],
                    skills,
                    "Aucune compétence renseignée.",
                )],
            ),
            Section::new(
                format!("Expériences professionnelles ({})", d.experiences.len()),
                vec![table(
                    &["Poste", "Entreprise", "Période"],
                    periods(&d.experiences),
                    "Aucune expérience renseignée.",
                )],
            ),
            Section::new(
                format!("Formations ({})", d.educations.len()),
                vec![table(
                    &["Diplôme", "Établissement", "Période"],
                    periods(&d.educations),
                    "Aucune formation renseignée.",
                )],
            ),
        ],
    }
}
