//! The reference deployment the import tests move: rows in the reference's schema (with the
//! quirks CONTRACT sections 2, 5 and 7 describe) and its CV folder.

use std::fs;
use std::path::Path;

use diesel::connection::SimpleConnection;
use diesel::{Connection, PgConnection};

/// A small, valid one-page PDF whose content stream holds `text` (so each file differs).
pub fn pdf(text: &str) -> Vec<u8> {
    let stream = format!("BT /F1 12 Tf 72 720 Td ({text}) Tj ET");
    let objects = [
        "<< /Type /Catalog /Pages 2 0 R >>".to_owned(),
        "<< /Type /Pages /Kids [3 0 R] /Count 1 >>".to_owned(),
        "<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] /Contents 4 0 R >>".to_owned(),
        format!(
            "<< /Length {} >>\nstream\n{stream}\nendstream",
            stream.len()
        ),
    ];
    let mut out = b"%PDF-1.4\n".to_vec();
    let mut offsets = Vec::new();
    for (i, body) in objects.iter().enumerate() {
        offsets.push(out.len());
        out.extend_from_slice(format!("{} 0 obj\n{body}\nendobj\n", i + 1).as_bytes());
    }
    let xref = out.len();
    out.extend_from_slice(
        format!("xref\n0 {}\n0000000000 65535 f \n", objects.len() + 1).as_bytes(),
    );
    for offset in offsets {
        out.extend_from_slice(format!("{offset:010} 00000 n \n").as_bytes());
    }
    out.extend_from_slice(
        format!(
            "trailer\n<< /Size {} /Root 1 0 R >>\nstartxref\n{xref}\n%%EOF\n",
            objects.len() + 1
        )
        .as_bytes(),
    );
    out
}

/// The summary the import must print: (table, read, imported, skipped).
pub fn expected_counts() -> Vec<(&'static str, usize, usize, usize)> {
    vec![
        ("users", 7, 6, 1),
        ("candidates", 4, 3, 1),
        ("experiences", 1, 1, 0),
        ("educations", 1, 1, 0),
        ("skills", 3, 3, 0),
        ("companies", 1, 1, 0),
        ("employers", 2, 2, 0),
        ("jobs", 2, 2, 0),
        ("candidate_cvs", 4, 2, 2),
        ("candidate_cvs (legacy cv_url)", 2, 1, 1),
        ("job_applications", 4, 3, 1),
        ("notifications", 3, 3, 0),
    ]
}

/// Our row counts right after the import.
pub fn expected_rows() -> Vec<(&'static str, i64)> {
    vec![
        ("users", 6),
        ("candidates", 3),
        ("experiences", 1),
        ("educations", 1),
        ("skills", 3),
        ("companies", 1),
        ("employers", 2),
        ("jobs", 2),
        ("candidate_cvs", 3),
        ("job_applications", 3),
        ("notifications", 3),
    ]
}

fn bcrypt(password: &str) -> String {
    // Cost 4 keeps the test fast; the format (`$2b$`) is what the reference's bcrypt wrote.
    bcrypt::hash(password, 4).unwrap()
}

/// Creates the reference schema and rows in the (empty) database at `url`, and its CV folder at
/// `uploads` (`uploads/cv/<user>_<hex>_<original name>`).
pub fn fill_reference(url: &str, uploads: &Path) {
    let mut conn = PgConnection::establish(url).unwrap();
    conn.batch_execute(include_str!("../fixtures/reference_schema.sql"))
        .unwrap();
    let (alice, bob, eve, admin) = (
        bcrypt("alice-old-pass"),
        bcrypt("bob-old-pass"),
        bcrypt("eve-old-pass"),
        bcrypt("admin-old-pass"),
    );
    let rows = format!(
        r#"
        INSERT INTO users (id, email, password_hash, name, role, first_name, last_name, is_active, created_at) VALUES
          (1, 'alice@example.com', '{alice}', 'Alice Diop', 'CANDIDATE', 'Alice', 'Diop', true, '2024-11-02 09:00:00+00'),
          (2, 'Bob@example.com', '{bob}', 'Bob Ndiaye', 'CANDIDATE', 'Bob', 'Ndiaye', true, '2024-11-03 09:00:00+01'),
          (3, 'eve@corp.example', '{eve}', 'Eve Fall', 'EMPLOYER', 'Eve', 'Fall', true, now()),
          (4, 'admin@intowork.example', '{admin}', 'Admin', 'ADMIN', 'Admin', 'IntoWork', true, now()),
          -- Case-sensitive uniqueness let a second account in with Alice's address.
          (5, 'ALICE@example.com', '{alice}', 'Alice Bis', 'CANDIDATE', 'Alice', 'Bis', true, now()),
          (6, 'carol@corp.example', '{eve}', 'Carol Sy', 'EMPLOYER', 'Carol', 'Sy', true, now()),
          -- A legacy (Clerk) account inserted outside the ORM: no password, is_active NULL.
          (7, 'dan@example.com', NULL, NULL, 'CANDIDATE', 'Dan', 'Ba', NULL, NULL);
        SELECT setval('users_id_seq', 7);

        INSERT INTO candidates (id, user_id, title, location, summary, years_experience, cv_url, cv_filename, cv_uploaded_at) VALUES
          (1, 1, 'Développeuse', 'Dakar', 'Rust et Python', 5, 'uploads/cv/1_cccc3333_Alice CV 2025.pdf', 'Alice CV 2025.pdf', '2025-03-01 10:00:00+00'),
          (2, 2, 'Comptable', 'Thiès', NULL, NULL, 'uploads/cv/2_bbbb2222_Bob.pdf', 'Bob.pdf', '2024-12-01 10:00:00+00'),
          -- An employer who uploaded a CV got a candidate row (CONTRACT 5.3 A5).
          (3, 6, NULL, NULL, NULL, NULL, NULL, NULL, NULL),
          -- The profile page wrote the virtual URL back into cv_url (CONTRACT 5.8 D1).
          (4, 7, NULL, NULL, NULL, NULL, '/api/candidates/4/cv', 'cv.pdf', NULL);
        SELECT setval('candidates_id_seq', 4);

        INSERT INTO candidate_cvs (id, candidate_id, filename, file_path, file_size, is_active, created_at) VALUES
          (1, 1, 'Alice CV.pdf', 'uploads/cv/1_aaaa1111_Alice CV.pdf', 10, true, '2025-01-10 10:00:00+00'),
          (2, 1, 'Alice CV 2025.pdf', 'uploads/cv/1_cccc3333_Alice CV 2025.pdf', 10, true, '2025-03-01 10:00:00+00'),
          (3, 1, 'lost.pdf', 'uploads/cv/1_dddd4444_lost.pdf', 10, true, '2025-02-01 10:00:00+00'),
          (4, 1, 'passwd', 'uploads/../../etc/passwd', 10, NULL, '2025-02-02 10:00:00+00');
        SELECT setval('candidate_cvs_id_seq', 4);

        INSERT INTO experiences (id, candidate_id, title, company, start_date, end_date, is_current) VALUES
          (1, 1, 'Développeuse', 'Orange', '2021-01', NULL, NULL);
        INSERT INTO educations (id, candidate_id, degree, school, start_date, end_date) VALUES
          (1, 1, 'Master', 'UCAD', '2016-09', '');
        INSERT INTO skills (id, candidate_id, name, level, category) VALUES
          (1, 1, 'Rust', 4, 'TECHNICAL'),
          (2, 1, 'Wolof', 5, 'LANGUAGE'),
          (3, 2, 'Écoute', 9, 'SOFT');

        INSERT INTO companies (id, name, industry, city) VALUES (1, 'Société Générale d''Ingénierie', 'BTP', 'Dakar');
        INSERT INTO employers (id, user_id, company_id, position, can_create_jobs) VALUES
          (1, 3, 1, 'DRH', true),
          (2, 6, NULL, NULL, NULL);
        INSERT INTO jobs (id, employer_id, company_id, title, description, job_type, location_type, location, currency, status, views_count, applications_count, posted_at) VALUES
          (1, 1, 1, 'Développeur Rust Sénior', 'Backend et API', 'FULL_TIME', 'REMOTE', 'Dakar', 'XOF', 'PUBLISHED', 12, 0, '2025-01-05 08:00:00+00'),
          (2, 1, 1, 'Comptable', 'Tenue des comptes', 'PART_TIME', 'ON_SITE', 'Thiès', NULL, 'CLOSED', NULL, NULL, '2025-01-06 08:00:00+00');
        SELECT setval('jobs_id_seq', 2);

        INSERT INTO job_applications (id, job_id, candidate_id, status, cover_letter, notes, applied_at) VALUES
          (1, 1, 1, 'interview', 'Bonjour', 'Très bon profil', '2025-01-12 10:00:00+00'),
          (2, 1, 2, 'rejected', NULL, NULL, '2025-01-13 10:00:00+00'),
          -- A double submit: no unique (job_id, candidate_id) in the reference.
          (3, 1, 1, 'applied', 'Bonjour', NULL, '2025-01-12 10:00:01+00'),
          (4, 2, 4, 'applied', NULL, NULL, NULL);
        SELECT setval('job_applications_id_seq', 4);

        INSERT INTO notifications (id, user_id, type, title, message, related_job_id, related_application_id, is_read) VALUES
          (1, 3, 'new_application', 'Nouvelle candidature', 'Alice a postulé', 1, 1, false),
          (2, 1, 'status_change', 'Entretien', 'Vous êtes convoquée', 1, 1, true),
          (3, 1, 'status_change', 'Candidature', 'Doublon', 1, 3, NULL);
        "#
    );
    conn.batch_execute(&rows).unwrap();

    let cv = uploads.join("cv");
    fs::create_dir_all(&cv).unwrap();
    fs::write(cv.join("1_aaaa1111_Alice CV.pdf"), pdf("Alice 2024")).unwrap();
    fs::write(cv.join("1_cccc3333_Alice CV 2025.pdf"), pdf("Alice 2025")).unwrap();
    fs::write(cv.join("2_bbbb2222_Bob.pdf"), pdf("Bob legacy")).unwrap();
}
