//! The dashboard texts of CONTRACT 3.9, exactly as the frontend shows them: one pure builder per
//! variant, fed by the repository's facts.

use chrono::{DateTime, Utc};

use super::*;

fn full_name(user: &User) -> String {
    format!("{} {}", user.first_name, user.last_name)
}

fn stat(title: &'static str, value: String, change: String, up: bool, color: StatColor) -> Stat {
    Stat {
        title,
        value,
        change,
        change_type: ChangeType::positive(up),
        color,
    }
}

/// A count shown as `n` with the change `+n`, rising when positive.
fn count_stat(title: &'static str, n: i64, color: StatColor) -> Stat {
    stat(title, n.to_string(), format!("+{n}"), n > 0, color)
}

fn activity(
    id: i64,
    action: &'static str,
    target: String,
    time: String,
    kind: ActivityKind,
) -> Activity {
    Activity {
        id,
        action,
        target,
        time,
        kind,
    }
}

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
    Dashboard {
        stats: vec![
            stat(
                "Accès Admin",
                "✓".into(),
                "Dashboard Admin Disponible".into(),
                false,
                StatColor::Red,
            ),
            total("Utilisateurs", c.users, StatColor::Blue),
            total("Offres", c.jobs, StatColor::Green),
            total("Candidatures", c.applications, StatColor::Purple),
        ],
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
    let zero = |title, color| stat(title, "0".into(), "+0".into(), false, color);
    Dashboard {
        stats: vec![
            stat(
                "Entreprise",
                "Non configurée".into(),
                "Créez votre entreprise".into(),
                false,
                StatColor::Gray,
            ),
            zero("Offres actives", StatColor::Blue),
            zero("Candidatures", StatColor::Green),
            zero("Entretiens", StatColor::Purple),
        ],
        recent_activities: vec![
            activity(
                0,
                "Bienvenue sur INTOWORK !",
                full_name(user),
                time_ago(now, user.created_at),
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
    let rate = format!("{}%", response_rate(f.responded, f.applications));
    let latest = [
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
    ];
    let mut activities: Vec<Activity> = latest
        .into_iter()
        .filter_map(|(id, action, item, kind)| {
            let item = item.as_ref()?;
            Some(activity(
                id,
                action,
                item.job_title.clone(),
                time_ago(now, item.at),
                kind,
            ))
        })
        .collect();
    if activities.is_empty() {
        activities.push(activity(
            0,
            "Bienvenue sur votre dashboard employeur !",
            full_name(user),
            time_ago(now, user.created_at),
            ActivityKind::Welcome,
        ));
    }
    Dashboard {
        stats: vec![
            count_stat("Offres actives", f.published_jobs, StatColor::Blue),
            count_stat("Candidatures reçues", f.applications, StatColor::Green),
            count_stat("Entretiens prévus", f.interviews, StatColor::Purple),
            stat(
                "Taux de réponse",
                rate.clone(),
                rate,
                f.responded > 0,
                StatColor::Orange,
            ),
        ],
        recent_activities: activities,
        profile_completion: 100,
    }
}

pub fn candidate_dashboard(user: &User, f: &CandidateFacts, now: DateTime<Utc>) -> Dashboard {
    let score = completion_score(user, &f.profile);
    let shown = format!("{score}%");
    let mut activities = Vec::with_capacity(2);
    if let Some(latest) = &f.latest_application {
        activities.push(activity(
            1,
            "Candidature envoyée",
            latest.job_title.clone(),
            time_ago(now, latest.at),
            ActivityKind::Application,
        ));
    }
    activities.push(activity(
        2,
        "Profil créé",
        full_name(user),
        time_ago(now, user.created_at),
        ActivityKind::Update,
    ));
    Dashboard {
        stats: vec![
            count_stat("Candidatures envoyées", f.applications, StatColor::Blue),
            count_stat("Offres disponibles", f.published_jobs, StatColor::Green),
            count_stat("Entretiens prévus", f.interviews, StatColor::Purple),
            stat(
                "Profil complété",
                shown.clone(),
                shown,
                score > 50,
                StatColor::Orange,
            ),
        ],
        recent_activities: activities,
        profile_completion: score,
    }
}

/// `GET /api/dashboard/activities`: two fixed entries, plus the completion score when the caller
/// has a candidate row (whatever their role).
pub fn activities(user: &User, completion: Option<i64>) -> Vec<Activity> {
    let mut list = vec![
        activity(
            1,
            "Profil créé avec succès",
            full_name(user),
            "Aujourd'hui".into(),
            ActivityKind::Update,
        ),
        activity(
            2,
            "Connexion à la plateforme",
            "Nouvelle session".into(),
            "Il y a quelques instants".into(),
            ActivityKind::View,
        ),
    ];
    if let Some(score) = completion {
        list.push(activity(
            3,
            "Profil en cours de complétion",
            format!("{score}% complété"),
            "En cours".into(),
            ActivityKind::Update,
        ));
    }
    list
}

#[cfg(test)]
mod tests;
