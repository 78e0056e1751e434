//! Reads a reference (FastAPI) database: its tables as CONTRACT section 2 describes them, native
//! enum columns read as their text labels, `timestamptz` read as UTC. Read-only, in one
//! repeatable-read snapshot, so the tables agree with each other.

use diesel::pg::PgConnection;
use diesel::prelude::*;

use super::catalog::Catalog;
use super::hiring::{RefApplication, RefCompany, RefEmployer, RefJob, RefNotification};
use super::people::{RefCandidate, RefCv, RefEducation, RefExperience, RefSkill, RefUser};

/// Everything read from the reference, each table ordered by id (so "the first row wins" is
/// deterministic). `absent` names the tables the reference does not have.
#[derive(Default)]
pub struct ReferenceData {
    pub users: Vec<RefUser>,
    pub candidates: Vec<RefCandidate>,
    pub experiences: Vec<RefExperience>,
    pub educations: Vec<RefEducation>,
    pub skills: Vec<RefSkill>,
    pub cvs: Vec<RefCv>,
    pub companies: Vec<RefCompany>,
    pub employers: Vec<RefEmployer>,
    pub jobs: Vec<RefJob>,
    pub applications: Vec<RefApplication>,
    pub notifications: Vec<RefNotification>,
    pub absent: Vec<&'static str>,
}

/// Connects to the reference and reads every table the import needs, in one read-only snapshot.
/// The URL is never echoed (it holds a password): errors carry the driver's text only.
pub fn read_reference(url: &str) -> Result<ReferenceData, String> {
    let mut conn = PgConnection::establish(url)
        .map_err(|e| format!("cannot connect to the reference database: {e}"))?;
    conn.build_transaction()
        .read_only()
        .repeatable_read()
        .run(read_tables)
        .map_err(|e: diesel::result::Error| format!("cannot read the reference database: {e}"))
}

/// Each table by the type of its field: the type names the table and its columns.
fn read_tables(conn: &mut PgConnection) -> QueryResult<ReferenceData> {
    let catalog = Catalog::load(conn)?;
    let mut absent = Vec::new();
    let a = &mut absent;
    Ok(ReferenceData {
        users: catalog.load_table(conn, a)?,
        candidates: catalog.load_table(conn, a)?,
        experiences: catalog.load_table(conn, a)?,
        educations: catalog.load_table(conn, a)?,
        skills: catalog.load_table(conn, a)?,
        cvs: catalog.load_table(conn, a)?,
        companies: catalog.load_table(conn, a)?,
        employers: catalog.load_table(conn, a)?,
        jobs: catalog.load_table(conn, a)?,
        applications: catalog.load_table(conn, a)?,
        notifications: catalog.load_table(conn, a)?,
        absent,
    })
}
