//! The dashboard texts of CONTRACT 3.9, exactly as the frontend shows them: one pure builder per
//! variant, fed by the repository's facts.

use std::iter::once;

use chrono::{DateTime, Utc};

use super::blocks::{
    activity, count_stat, figure_stats, full_name, latest_activity, percent_stat, since_signup,
    stat,
};
use super::facts::{AdminCounts, CandidateFacts, EmployerFacts};
use super::figures::{completion_score, response_rate};
use super::view::{Activity, ActivityKind, Dashboard, StatColor};
use crate::user::User;

const NOW: &str = "maintenant";

pub fn admin_dashboard(user: &User, c: AdminCounts) -> Dashboard {
    let total = |title, n: i64, color| {
        stat(
            title,
            n.to_string(),
            "Total plateforme".into(),
            false,
            color,
        )
    };
    let access = stat(
        "Accès Admin",
        "✓".into(),
        "Dashboard Admin Disponible".into(),
        false,
        StatColor::Red,
    );
    let totals = [
        ("Utilisateurs", c.users),
        ("Offres", c.jobs),
        ("Candidatures", c.applications),
    ];
    Dashboard {
        stats: once(access).chain(figure_stats(totals, total)).collect(),
        recent_activities: vec![
            activity(
                1,
                "Accès administrateur actif",
                full_name(user),
                NOW.into(),
                ActivityKind::Admin,
            ),
            activity(
                2,
                "Dashboard admin disponible",
                "Accédez à /dashboard/admin pour plus de détails".into(),
                NOW.into(),
                ActivityKind::Info,
            ),
        ],
        profile_completion: 100,
    }
}

pub fn employer_without_company(user: &User, now: DateTime<Utc>) -> Dashboard {
    let company = stat(
        "Entreprise",
        "Non configurée".into(),
        "Créez votre entreprise".into(),
        false,
        StatColor::Gray,
    );
    let zeros = [
        ("Offres actives", 0),
        ("Candidatures", 0),
        ("Entretiens", 0),
    ];
    Dashboard {
        stats: once(company)
            .chain(figure_stats(zeros, count_stat))
            .collect(),
        recent_activities: vec![
            since_signup(
                0,
                "Bienvenue sur INTOWORK !",
                user,
                now,
                ActivityKind::Welcome,
            ),
            activity(
                1,
                "Prochaine étape",
                "Créez votre entreprise dans les paramètres".into(),
                NOW.into(),
                ActivityKind::Info,
            ),
        ],
        profile_completion: 30,
    }
}

pub fn employer_dashboard(user: &User, f: &EmployerFacts, now: DateTime<Utc>) -> Dashboard {
    let counts = [
        ("Offres actives", f.published_jobs),
        ("Candidatures reçues", f.applications),
        ("Entretiens prévus", f.interviews),
    ];
    let rate = response_rate(f.responded, f.applications);
    let mut activities: Vec<Activity> = [
        (
            1,
            "Nouvelle offre publiée",
            &f.latest_job,
            ActivityKind::JobPost,
        ),
        (
            2,
            "Nouvelle candidature reçue",
            &f.latest_application,
            ActivityKind::Application,
        ),
        (
            3,
            "Entretien planifié",
            &f.latest_interview,
            ActivityKind::Interview,
        ),
    ]
    .into_iter()
    .filter_map(|(id, action, latest, kind)| latest_activity(id, action, latest, now, kind))
    .collect();
    if activities.is_empty() {
        let welcome = "Bienvenue sur votre dashboard employeur !";
        activities.push(since_signup(0, welcome, user, now, ActivityKind::Welcome));
    }
    Dashboard {
        stats: figure_stats(counts, count_stat)
            .chain(once(percent_stat("Taux de réponse", rate, f.responded > 0)))
            .collect(),
        recent_activities: activities,
        profile_completion: 100,
    }
}

pub fn candidate_dashboard(user: &User, f: &CandidateFacts, now: DateTime<Utc>) -> Dashboard {
    let score = completion_score(user, &f.profile);
    let counts = [
        ("Candidatures envoyées", f.applications),
        ("Offres disponibles", f.published_jobs),
        ("Entretiens prévus", f.interviews),
    ];
    let last_sent = latest_activity(
        1,
        "Candidature envoyée",
        &f.latest_application,
        now,
        ActivityKind::Application,
    );
    let created = since_signup(2, "Profil créé", user, now, ActivityKind::Update);
    Dashboard {
        stats: figure_stats(counts, count_stat)
            .chain(once(percent_stat("Profil complété", score, score > 50)))
            .collect(),
        recent_activities: last_sent.into_iter().chain(once(created)).collect(),
        profile_completion: score,
    }
}

/// `GET /api/dashboard/activities`: two fixed entries, plus the completion score when the caller
/// has a candidate row (whatever their role).
pub fn activities(user: &User, completion: Option<i64>) -> Vec<Activity> {
    let created = activity(
        1,
        "Profil créé avec succès",
        full_name(user),
        "Aujourd'hui".into(),
        ActivityKind::Update,
    );
    let session = activity(
        2,
        "Connexion à la plateforme",
        "Nouvelle session".into(),
        "Il y a quelques instants".into(),
        ActivityKind::View,
    );
    let completing = completion.map(|score| {
        activity(
            3,
            "Profil en cours de complétion",
            format!("{score}% complété"),
            "En cours".into(),
            ActivityKind::Update,
        )
    });
    [created, session].into_iter().chain(completing).collect()
}

#[cfg(test)]
mod tests;
