//! The employer's report (HEAD's `employer.html`): the company, key figures, applications by
//! status, the recruitment funnel (from the status history, as the dashboard's) and the jobs.

use chrono::{DateTime, Utc};

use super::document::{Block, Report, ReportKind, Section, fields, figures, table};
use super::facts::EmployerDetails;
use super::labels::{
    application_status, date, full_name, generated_at, job_status, or_not_given, percent,
};
use crate::application::percent_one_decimal;
use crate::dashboard::{EmployerFacts, EmployerFunnel, response_rate};
use crate::user::User;

pub fn employer_report(
    user: &User,
    facts: &EmployerFacts,
    funnel: &EmployerFunnel,
    d: &EmployerDetails,
    now: DateTime<Utc>,
) -> Report {
    let name = full_name(&user.first_name, &user.last_name, &user.email);
    let company = fields(&[
        ("Responsable", name.clone()),
        ("Entreprise", d.company_name.clone()),
        ("Secteur", or_not_given(d.industry.as_deref())),
        ("Taille", or_not_given(d.size.as_deref())),
    ]);
    let kpis = figures(&[
        (facts.published_jobs.to_string(), "Offres actives"),
        (facts.applications.to_string(), "Candidatures"),
        (facts.interviews.to_string(), "Entretiens"),
        (
            format!("{} %", response_rate(facts.responded, facts.applications)),
            "Taux de réponse",
        ),
    ]);
    let total: i64 = d.by_status.iter().map(|(_, n)| n).sum();
    let by_status = d
        .by_status
        .iter()
        .map(|(s, n)| {
            vec![
                application_status(*s).to_owned(),
                n.to_string(),
                percent(percent_one_decimal(*n, total)),
            ]
        })
        .collect();
    let stages = funnel
        .funnel
        .iter()
        .map(|s| vec![s.label.to_owned(), s.count.to_string(), percent(s.pct)])
        .collect();
    let delay = funnel.avg_days_to_interview.map_or_else(
        || "aucun entretien".to_owned(),
        |d| format!("{} jours", format!("{d:.1}").replace('.', ",")),
    );
    let funnel_note = Block::Note(format!(
        "Taux de conversion : {} · Délai moyen jusqu'à l'entretien : {delay}",
        percent(funnel.conversion_rate)
    ));
    let jobs = d
        .jobs
        .iter()
        .map(|j| {
            vec![
                j.title.clone(),
                job_status(j.status).to_owned(),
                j.applications.to_string(),
                j.posted_at.map_or_else(|| "-".to_owned(), date),
            ]
        })
        .collect();
    let mut job_blocks = vec![table(
        &["Titre", "Statut", "Candidatures", "Publiée le"],
        jobs,
        "Aucune offre publiée.",
    )];
    let listed = d.jobs.len() as i64;
    if listed < d.jobs_total {
        job_blocks.push(Block::Note(format!(
            "Les {listed} plus récentes sur {} offres.",
            d.jobs_total
        )));
    }
    Report {
        kind: ReportKind::Employer,
        file_name: format!("intowork_rapport_recrutement_{}.pdf", now.format("%Y%m%d")),
        title: "Rapport recrutement".to_owned(),
        subject: format!("{} — {name}", d.company_name),
        generated_at: generated_at(now),
        sections: vec![
            Section::new("Entreprise", vec![company]),
            Section::new("Indicateurs clés", vec![kpis]),
            Section::new(
                format!("Candidatures par statut ({total})"),
                vec![table(
                    &["Statut", "Candidatures", "Part"],
                    by_status,
                    "Aucune candidature reçue.",
                )],
            ),
            Section::new(
                "Entonnoir de recrutement",
                vec![
                    table(
                        &["Étape atteinte", "Candidatures", "Part"],
                        stages,
                        "Aucune candidature reçue.",
                    ),
                    funnel_note,
                ],
            ),
            Section::new(format!("Offres d'emploi ({})", d.jobs_total), job_blocks),
        ],
    }
}
