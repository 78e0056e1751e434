//! The PDF renderer: real PDFs whose text, read back by a PDF parser, has its accents, its
//! figures and every row of a long table; the fonts are subsetted.

#![allow(clippy::unwrap_used)]

use chrono::{TimeZone, Utc};
use intowork_domain::UserId;
use intowork_domain::application::ApplicationStatus;
use intowork_domain::dashboard::CandidateFacts;
use intowork_domain::reports::{ApplicationLine, CandidateDetails, candidate_report};
use intowork_domain::user::{Role, User};
use intowork_reports::PdfRenderer;

fn elodie() -> User {
    let now = Utc.with_ymd_and_hms(2026, 12, 7, 9, 30, 0).unwrap();
    User {
        id: UserId(1),
        email: "elodie@example.com".into(),
        role: Role::Candidate,
        first_name: "Élodie".into(),
        last_name: "N'Diaye".into(),
        name: None,
        image: None,
        is_active: true,
        token_version: 0,
        password_hash: None,
        created_at: now,
        updated_at: now,
    }
}

fn report(applications: usize) -> intowork_domain::reports::Report {
    let now = Utc.with_ymd_and_hms(2026, 12, 7, 9, 30, 0).unwrap();
    let details = CandidateDetails {
        title: Some("Ingénieure « données » très expérimentée".into()),
        location: Some("Saint-Louis, Sénégal".into()),
        applications: (0..applications)
            .map(|i| ApplicationLine {
                job_title: format!("Offre numéro {i} — Développeur·se back-end expérimenté·e"),
                company: "Société Générale Côte d'Ivoire".into(),
                status: ApplicationStatus::ALL[i % 6],
                applied_at: now,
            })
            .collect(),
        applications_total: applications as i64,
        ..CandidateDetails::default()
    };
    let facts = CandidateFacts {
        applications: applications as i64,
        interviews: 7,
        published_jobs: 1234,
        ..CandidateFacts::default()
    };
    candidate_report(&elodie(), 85, &facts, &details, now)
}

fn text_of(pdf: &[u8]) -> String {
    pdf_extract::extract_text_from_mem(pdf).unwrap()
}

#[test]
fn accents_figures_and_rows_are_real_text() {
    let pdf = PdfRenderer::new().unwrap().render_now(&report(3)).unwrap();
    assert!(pdf.starts_with(b"%PDF-"));
    let text = text_of(&pdf);
    for expected in [
        "Élodie N'Diaye",
        "Rapport candidat",
        "Ingénieure « données » très expérimentée",
        "Saint-Louis, Sénégal",
        "1234",
        "Offres disponibles",
        "Présélectionné",
        "Compétences (0)",
        "Page 1/1",
    ] {
        assert!(text.contains(expected), "{expected:?} not in:\n{text}");
    }
    // Two faces, subsetted: far smaller than the 1.4 MB of the fonts themselves.
    assert!(pdf.len() < 100_000, "{} bytes", pdf.len());
}

#[test]
fn long_tables_run_over_pages_and_keep_every_row() {
    let pdf = PdfRenderer::new()
        .unwrap()
        .render_now(&report(120))
        .unwrap();
    let text = text_of(&pdf);
    for i in [0, 59, 119] {
        assert!(
            text.contains(&format!("Offre numéro {i} ")),
            "row {i} missing"
        );
    }
    assert!(!text.contains("Page 1/1"));
    assert!(text.contains("Candidatures (120)"));
}

/// Writes a sample to `$REPORT_SAMPLE` for a look (`pdftoppm -png`); nothing otherwise.
#[test]
fn sample_for_a_look() {
    if let Some(path) = std::env::var_os("REPORT_SAMPLE") {
        let pdf = PdfRenderer::new().unwrap().render_now(&report(30)).unwrap();
        std::fs::write(path, pdf).unwrap();
    }
}
