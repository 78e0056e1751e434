//! Every variant's exact strings (CONTRACT 3.9).

use chrono::Duration;

use super::*;
use crate::dashboard::tests::{acts, full_profile, latest, now, stats, user};
use crate::dashboard::{ChangeType, ProfileFacts};
use crate::user::Role;

#[test]
fn admin_dashboard_texts() {
    let counts = AdminCounts {
        users: 12,
        jobs: 3,
        applications: 0,
    };
    let d = admin_dashboard(&user(Role::Admin), counts);
    assert_eq!(
        stats(&d),
        vec![
            (
                "Accès Admin",
                "✓",
                "Dashboard Admin Disponible",
                "neutral",
                "red"
            ),
            ("Utilisateurs", "12", "Total plateforme", "neutral", "blue"),
            ("Offres", "3", "Total plateforme", "neutral", "green"),
            ("Candidatures", "0", "Total plateforme", "neutral", "purple"),
        ]
    );
    assert_eq!(
        acts(&d.recent_activities),
        vec![
            (
                1,
                "Accès administrateur actif",
                "Awa Diallo",
                "maintenant",
                "admin"
            ),
            (
                2,
                "Dashboard admin disponible",
                "Accédez à /dashboard/admin pour plus de détails",
                "maintenant",
                "info"
            ),
        ]
    );
    assert_eq!(d.profile_completion, 100);
}

#[test]
fn employer_without_company_texts() {
    let d = employer_without_company(&user(Role::Employer), now());
    assert_eq!(
        stats(&d),
        vec![
            (
                "Entreprise",
                "Non configurée",
                "Créez votre entreprise",
                "neutral",
                "gray"
            ),
            ("Offres actives", "0", "+0", "neutral", "blue"),
            ("Candidatures", "0", "+0", "neutral", "green"),
            ("Entretiens", "0", "+0", "neutral", "purple"),
        ]
    );
    assert_eq!(
        acts(&d.recent_activities),
        vec![
            (
                0,
                "Bienvenue sur INTOWORK !",
                "Awa Diallo",
                "Il y a 3 jours",
                "welcome"
            ),
            (
                1,
                "Prochaine étape",
                "Créez votre entreprise dans les paramètres",
                "maintenant",
                "info"
            ),
        ]
    );
    assert_eq!(d.profile_completion, 30);
}

#[test]
fn employer_with_company_texts() {
    let facts = EmployerFacts {
        published_jobs: 2,
        applications: 8,
        interviews: 1,
        responded: 3,
        latest_job: latest("Dev Rust", Duration::hours(2)),
        latest_application: latest("Chef de projet", Duration::minutes(5)),
        latest_interview: latest("Comptable", Duration::days(1)),
    };
    let d = employer_dashboard(&user(Role::Employer), &facts, now());
    assert_eq!(
        stats(&d),
        vec![
            ("Offres actives", "2", "+2", "increase", "blue"),
            ("Candidatures reçues", "8", "+8", "increase", "green"),
            ("Entretiens prévus", "1", "+1", "increase", "purple"),
            ("Taux de réponse", "38%", "38%", "increase", "orange"),
        ]
    );
    assert_eq!(
        acts(&d.recent_activities),
        vec![
            (
                1,
                "Nouvelle offre publiée",
                "Dev Rust",
                "Il y a 2 heures",
                "job_post"
            ),
            (
                2,
                "Nouvelle candidature reçue",
                "Chef de projet",
                "Il y a 5 minutes",
                "application"
            ),
            (
                3,
                "Entretien planifié",
                "Comptable",
                "Il y a 1 jour",
                "interview"
            ),
        ]
    );
    assert_eq!(d.profile_completion, 100);
}

#[test]
fn employer_with_company_but_nothing_yet_is_welcomed() {
    let d = employer_dashboard(&user(Role::Employer), &EmployerFacts::default(), now());
    assert_eq!(
        stats(&d),
        vec![
            ("Offres actives", "0", "+0", "neutral", "blue"),
            ("Candidatures reçues", "0", "+0", "neutral", "green"),
            ("Entretiens prévus", "0", "+0", "neutral", "purple"),
            ("Taux de réponse", "0%", "0%", "neutral", "orange"),
        ]
    );
    assert_eq!(
        acts(&d.recent_activities),
        vec![(
            0,
            "Bienvenue sur votre dashboard employeur !",
            "Awa Diallo",
            "Il y a 3 jours",
            "welcome"
        )]
    );
    // Only the activities that exist are listed, with their fixed ids.
    let only_job = EmployerFacts {
        published_jobs: 1,
        latest_job: latest("Dev", Duration::seconds(10)),
        ..EmployerFacts::default()
    };
    let d = employer_dashboard(&user(Role::Employer), &only_job, now());
    assert_eq!(
        acts(&d.recent_activities),
        vec![(
            1,
            "Nouvelle offre publiée",
            "Dev",
            "À l'instant",
            "job_post"
        )]
    );
}

#[test]
fn candidate_texts() {
    let facts = CandidateFacts {
        profile: full_profile(),
        applications: 4,
        published_jobs: 17,
        interviews: 0,
        latest_application: latest("Dev Rust", Duration::minutes(90)),
    };
    let d = candidate_dashboard(&user(Role::Candidate), &facts, now());
    assert_eq!(
        stats(&d),
        vec![
            ("Candidatures envoyées", "4", "+4", "increase", "blue"),
            ("Offres disponibles", "17", "+17", "increase", "green"),
            ("Entretiens prévus", "0", "+0", "neutral", "purple"),
            ("Profil complété", "100%", "100%", "increase", "orange"),
        ]
    );
    assert_eq!(
        acts(&d.recent_activities),
        vec![
            (
                1,
                "Candidature envoyée",
                "Dev Rust",
                "Il y a 1 heure",
                "application"
            ),
            (2, "Profil créé", "Awa Diallo", "Il y a 3 jours", "update"),
        ]
    );
    assert_eq!(d.profile_completion, 100);
}

#[test]
fn candidate_without_applications_and_a_thin_profile() {
    let d = candidate_dashboard(&user(Role::Candidate), &CandidateFacts::default(), now());
    assert_eq!(
        stats(&d)[3],
        ("Profil complété", "26%", "26%", "neutral", "orange")
    );
    assert_eq!(
        stats(&d)[0],
        ("Candidatures envoyées", "0", "+0", "neutral", "blue")
    );
    assert_eq!(
        acts(&d.recent_activities),
        vec![(2, "Profil créé", "Awa Diallo", "Il y a 3 jours", "update")]
    );
    assert_eq!(d.profile_completion, 26);
    // "increase" only strictly above 50.
    let half = CandidateFacts {
        profile: ProfileFacts {
            has_experience: true,
            has_education: false,
            has_skill: true,
            ..ProfileFacts::default()
        },
        ..CandidateFacts::default()
    };
    let d = candidate_dashboard(&user(Role::Candidate), &half, now());
    assert_eq!(d.profile_completion, 51);
    assert_eq!(d.stats[3].change_type, ChangeType::Increase);
}

#[test]
fn activities_route_texts() {
    let u = user(Role::Employer);
    let fixed = vec![
        (
            1,
            "Profil créé avec succès",
            "Awa Diallo",
            "Aujourd'hui",
            "update",
        ),
        (
            2,
            "Connexion à la plateforme",
            "Nouvelle session",
            "Il y a quelques instants",
            "view",
        ),
    ];
    assert_eq!(acts(&activities(&u, None)), fixed);
    let mut with_score = fixed.clone();
    with_score.push((
        3,
        "Profil en cours de complétion",
        "26% complété",
        "En cours",
        "update",
    ));
    assert_eq!(acts(&activities(&u, Some(26))), with_score);
}
