//! CVs: rows of `candidate_cvs`, and for candidates who only have the legacy columns
//! (`candidates.cv_url`, `cv_filename`) that one CV. The caller copies each file into our file
//! store under a new server key between [`Importer::plan_cvs`] and [`Importer::insert_cvs`].

use std::collections::HashSet;

use chrono::NaiveDateTime;
use diesel::prelude::*;
use intowork_domain::RepoError;
use intowork_domain::cv::sanitize_filename;
use intowork_storage::schema::candidate_cvs;
use intowork_storage::write_tx;

use crate::decide::{Matching, decide, parent_id};
use crate::importer::Importer;
use crate::reference::people::{RefCandidate, RefCv};
use crate::report::{ALREADY_IMPORTED, TableReport};
use crate::rows::CvRow;
use crate::values::stamps;
use crate::write::{db_error, reserve_ids};

/// A CV whose file the caller must copy.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct CvToCopy {
    /// The reference's `candidate_cvs.id`, kept; `None` for a legacy CV (it gets a new id).
    pub id: Option<i64>,
    /// The id the report lists it under: the CV's, or the candidate's for a legacy CV.
    pub report_id: i64,
    pub candidate_id: i64,
    /// The display name, sanitized like an upload's (it ends up in `Content-Disposition`).
    pub filename: String,
    /// Where the reference kept the file, as stored (`uploads/cv/7_1a2b3c4d_My CV.pdf`). Never
    /// trusted: the caller resolves it inside the uploads folder it was given.
    pub path: String,
    pub is_active: bool,
    pub created_at: NaiveDateTime,
    pub updated_at: NaiveDateTime,
}

const CVS: Matching<RefCv> = Matching {
    ids: |s| &mut s.cvs,
    identity: |r| parent_id(r.candidate_id),
};

impl Importer {
    pub fn plan_cvs(&mut self, rows: &[RefCv]) -> (Vec<CvToCopy>, TableReport) {
        let mut report = TableReport::new("candidate_cvs");
        let now = self.now;
        let s = &mut self.state;
        let planned = decide(s, &CVS, rows, &mut report, |s, r, _| {
            let candidate = s.candidates.parent(r.candidate_id, "candidate")?;
            let path = r.file_path.clone().filter(|p| !p.trim().is_empty());
            let path = path.ok_or("no file_path")?;
            let (created_at, updated_at) = stamps(r.created_at, r.updated_at, now);
            Ok(CvToCopy {
                id: Some(r.id),
                report_id: r.id,
                candidate_id: candidate,
                filename: sanitize_filename(r.filename.as_deref().unwrap_or(&path)),
                path,
                is_active: r.is_active.unwrap_or(true),
                created_at,
                updated_at,
            })
        });
        // CVs imported by an earlier run count for the applications' `cv_id`.
        for r in rows {
            if s.cvs.existing.contains_key(&r.id) && s.cvs.present.contains(&r.id) {
                s.remember_existing_cvs_of(r.candidate_id.unwrap_or_default());
            }
        }
        (planned, report)
    }

    /// Candidates with a `cv_url` and no `candidate_cvs` row (uploads from before that table;
    /// the reference's own migration script copied most of them). Run after the `candidate_cvs`
    /// rows are in: a candidate who already has a CV here was imported before.
    pub fn plan_legacy_cvs(
        &mut self,
        candidates: &[RefCandidate],
        cv_rows: &[RefCv],
    ) -> (Vec<CvToCopy>, TableReport) {
        let mut report = TableReport::new("candidate_cvs (legacy cv_url)");
        let with_rows: HashSet<i64> = cv_rows.iter().filter_map(|c| c.candidate_id).collect();
        let mut planned = Vec::new();
        for c in candidates {
            let Some(path) = c.cv_url.clone().filter(|p| !p.trim().is_empty()) else {
                continue;
            };
            if with_rows.contains(&c.id) {
                continue;
            }
            report.read += 1;
            if !self.state.candidates.present.contains(&c.id) {
                report.skip("candidate not imported", c.id);
                continue;
            }
            if self.state.has_cv(c.id) {
                self.state.remember_existing_cvs_of(c.id);
                report.skip(ALREADY_IMPORTED, c.id);
                continue;
            }
            let uploaded = c.cv_uploaded_at.or(c.updated_at).or(c.created_at);
            let (created_at, updated_at) = stamps(uploaded, uploaded, self.now);
            let name = c.cv_filename.as_deref().unwrap_or(&path);
            planned.push(CvToCopy {
                id: None,
                report_id: c.id,
                candidate_id: c.id,
                filename: sanitize_filename(name),
                path,
                is_active: true,
                created_at,
                updated_at,
            });
        }
        report.imported = planned.len();
        (planned, report)
    }

    /// The caller could not copy this CV's file: it is not imported (and nothing may refer to it).
    pub fn cv_not_copied(&mut self, report: &mut TableReport, cv: &CvToCopy, reason: String) {
        if let Some(id) = cv.id {
            self.state.cvs.present.remove(&id);
        }
        report.imported = report.imported.saturating_sub(1);
        report.skip(reason, cv.report_id);
    }

    /// Writes the rows of the copied CVs (`row` carries the new storage key and the size) in one
    /// transaction. Kept ids first, then the legacy ones, which take fresh ids past `reserve`
    /// (the largest `candidate_cvs` id of the reference: see [`TableReport::max_id`]).
    pub fn insert_cvs(
        &mut self,
        copied: &[(CvToCopy, CvRow)],
        reserve: i64,
    ) -> Result<(), RepoError> {
        // Kept ids first, so the sequence can be moved past them before legacy rows take new ones.
        let (kept, legacy): (Vec<_>, Vec<_>) = copied.iter().partition(|(cv, _)| cv.id.is_some());
        let ids: Vec<i64> = if self.dry_run {
            // Nothing is written; a stand-in id still makes the applications' report the real one.
            kept.iter()
                .chain(&legacy)
                .map(|(cv, _)| cv.id.unwrap_or(-1))
                .collect()
        } else {
            self.db.run_blocking(|conn| {
                write_tx(conn, |conn| {
                    let mut ids = Vec::with_capacity(copied.len());
                    for (cv, row) in &kept {
                        let id = cv.id.unwrap_or_default();
                        diesel::insert_into(candidate_cvs::table)
                            .values((row, candidate_cvs::id.eq(id)))
                            .execute(conn)?;
                        ids.push(id);
                    }
                    reserve_ids(conn, "candidate_cvs", reserve)?;
                    for (_, row) in &legacy {
                        ids.push(
                            diesel::insert_into(candidate_cvs::table)
                                .values(row)
                                .returning(candidate_cvs::id)
                                .get_result(conn)?,
                        );
                    }
                    Ok(ids)
                })
                .map_err(|e| {
                    RepoError::Internal(format!("importing candidate_cvs: {}", db_error(e)))
                })
            })?
        };
        for ((cv, _), id) in kept.iter().chain(&legacy).zip(ids) {
            self.state.note_cv(cv.candidate_id, cv.created_at, id);
        }
        Ok(())
    }
}
