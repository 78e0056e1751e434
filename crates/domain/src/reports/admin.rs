//! The platform report (HEAD's `admin.html`): overview figures, users by kind and jobs by status.

use chrono::{DateTime, Utc};

use super::document::{Report, ReportKind, Section, figures, table};
use super::labels::{full_name, generated_at, job_status, percent};
use crate::admin::AdminStats;
use crate::application::percent_one_decimal;
use crate::user::User;

pub fn admin_report(user: &User, s: &AdminStats, now: DateTime<Utc>) -> Report {
    let name = full_name(&user.first_name, &user.last_name, &user.email);
    let overview = figures(&[
        (s.total_users.to_string(), "Utilisateurs"),
        (s.total_candidates.to_string(), "Candidats"),
        (s.total_employers.to_string(), "Recruteurs"),
        (s.total_companies.to_string(), "Entreprises"),
        (s.total_jobs.to_string(), "Offres"),
        (s.total_applications.to_string(), "Candidatures"),
        (s.active_users.to_string(), "Utilisateurs actifs"),
        (s.recent_signups.to_string(), "Inscriptions (7 j)"),
    ]);
    let share = |n: i64| percent(percent_one_decimal(n, s.total_users));
    let users = [
        ("Candidats", s.total_candidates),
        ("Recruteurs", s.total_employers),
        ("Actifs", s.active_users),
        ("Inactifs", s.inactive_users),
    ]
    .into_iter()
    .map(|(label, n)| vec![label.to_owned(), n.to_string(), share(n)])
    .collect();
    let jobs = s
        .jobs_by_status
        .iter()
        .map(|(st, n)| vec![job_status(*st).to_owned(), n.to_string()])
        .collect();
    Report {
        kind: ReportKind::Admin,
        file_name: format!("intowork_rapport_plateforme_{}.pdf", now.format("%Y%m%d")),
        title: "Rapport plateforme — Admin".to_owned(),
        subject: name,
        generated_at: generated_at(now),
        sections: vec![
            Section::new("Vue d'ensemble", vec![overview]),
            Section::new(
                "Répartition des utilisateurs",
                vec![table(
                    &["Catégorie", "Nombre", "Pourcentage"],
                    users,
                    "Aucun utilisateur.",
                )],
            ),
            Section::new(
                "Offres par statut",
                vec![table(&["Statut", "Nombre"], jobs, "Aucune offre.")],
            ),
        ],
    }
}
