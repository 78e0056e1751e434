//! `intowork import-reference` (CONTRACT 9.3): moves an existing IntoWork deployment (the FastAPI
//! reference) into this service. The table logic lives in `intowork_import`; this module
//! copies the CV files into our file store and prints the summary.

use std::collections::BTreeMap;
use std::io::Write;
use std::path::Path;

use intowork_domain::cv::{KeyGenerator, is_pdf};
use intowork_domain::files::{FileKey, FileStore};
use intowork_domain::ports::{Clock, SystemClock};
use intowork_files::UuidKeyGenerator;
use intowork_import::{ALREADY_IMPORTED, CvRow, CvToCopy, Importer, TableReport, read_reference};
use tokio::runtime::Runtime;

use super::uploads::UploadsRoot;
use super::{open_database, runtime};
use crate::settings::Settings;
use crate::wiring::file_store;

/// At most this many ids are listed per reason; the count is always complete.
const IDS_SHOWN: usize = 20;

pub fn run(settings: &Settings, from: &str, uploads: &Path, dry_run: bool) -> Result<(), String> {
    let root = UploadsRoot::open(uploads)?;
    let data = read_reference(from)?;
    let db = open_database(settings)?;
    let files = file_store(settings).map_err(|e| e.to_string())?;
    let rt = runtime()?;
    if !dry_run {
        rt.block_on(files.check())
            .map_err(|e| format!("file storage is not usable: {e}"))?;
    }
    let now = SystemClock.now().naive_utc();
    let mut imp = Importer::load(&db, dry_run, now).map_err(|e| e.to_string())?;
    let fail = |e: intowork_domain::RepoError| e.to_string();

    let mut reports = vec![
        imp.users(&data.users).map_err(fail)?,
        imp.candidates(&data.candidates).map_err(fail)?,
        imp.experiences(&data.experiences).map_err(fail)?,
        imp.educations(&data.educations).map_err(fail)?,
        imp.skills(&data.skills).map_err(fail)?,
        imp.companies(&data.companies).map_err(fail)?,
        imp.employers(&data.employers).map_err(fail)?,
        imp.jobs(&data.jobs).map_err(fail)?,
    ];
    let copier = Copier {
        rt: &rt,
        files: files.as_ref(),
        root: &root,
        dry_run,
    };
    let (cvs, report) = imp.plan_cvs(&data.cvs);
    // Legacy CVs get new ids past every reference CV id, imported or not.
    let reserve = report.max_id;
    reports.push(copier.import(&mut imp, cvs, report, reserve)?);
    let (legacy, report) = imp.plan_legacy_cvs(&data.candidates, &data.cvs);
    reports.push(copier.import(&mut imp, legacy, report, reserve)?);
    reports.push(imp.applications(&data.applications).map_err(fail)?);
    reports.push(imp.notifications(&data.notifications).map_err(fail)?);

    let mut out = std::io::stdout().lock();
    print_summary(&mut out, &reports, &data.absent, dry_run)
        .map_err(|e| format!("cannot print the summary: {e}"))
}

struct Copier<'a> {
    rt: &'a Runtime,
    files: &'a dyn FileStore,
    root: &'a UploadsRoot,
    dry_run: bool,
}

impl Copier<'_> {
    /// Copies each CV's file under a new server key, then writes the rows in one transaction. A
    /// file that cannot be read is reported and its CV left out; if the rows cannot be written,
    /// the files copied for them are removed again (CONTRACT 9.12: no file without a row).
    fn import(
        &self,
        imp: &mut Importer,
        cvs: Vec<CvToCopy>,
        mut report: TableReport,
        reserve: i64,
    ) -> Result<TableReport, String> {
        let mut copied: Vec<(CvToCopy, CvRow)> = Vec::new();
        for cv in cvs {
            match self.copy(&cv) {
                Ok(row) => copied.push((cv, row)),
                Err(reason) => imp.cv_not_copied(&mut report, &cv, reason),
            }
        }
        if let Err(e) = imp.insert_cvs(&copied, reserve) {
            for (_, row) in &copied {
                if let Ok(key) = FileKey::parse(&row.storage_key) {
                    let _ = self.rt.block_on(self.files.delete(&key));
                }
            }
            return Err(e.to_string());
        }
        Ok(report)
    }

    fn copy(&self, cv: &CvToCopy) -> Result<CvRow, String> {
        let bytes = self.root.read(&cv.path)?;
        if !is_pdf(&bytes) {
            return Err("file is not a PDF".to_owned());
        }
        let file_size = i64::try_from(bytes.len()).unwrap_or(i64::MAX);
        let storage_key = if self.dry_run {
            String::new()
        } else {
            let key = UuidKeyGenerator.cv_key();
            self.rt
                .block_on(self.files.put(&key, bytes))
                .map_err(|e| format!("file storage refused the file: {e}"))?;
            key.as_str().to_owned()
        };
        Ok(CvRow {
            candidate_id: cv.candidate_id,
            filename: cv.filename.clone(),
            storage_key,
            file_size,
            is_active: cv.is_active,
            created_at: cv.created_at,
            updated_at: cv.updated_at,
        })
    }
}

/// The table of counts, then why rows were skipped or changed (with their reference ids).
fn print_summary(
    out: &mut impl Write,
    reports: &[TableReport],
    absent: &[&str],
    dry_run: bool,
) -> std::io::Result<()> {
    if dry_run {
        writeln!(
            out,
            "Dry run: nothing was written. The counts are what an import would do."
        )?;
    }
    writeln!(
        out,
        "{:<32} {:>8} {:>9} {:>8}",
        "table", "read", "imported", "skipped"
    )?;
    for r in reports {
        writeln!(
            out,
            "{:<32} {:>8} {:>9} {:>8}",
            r.table,
            r.read,
            r.imported,
            r.skipped_count()
        )?;
    }
    let details = |what: &str, pick: fn(&TableReport) -> &BTreeMap<String, Vec<i64>>| {
        let mut lines = Vec::new();
        for r in reports {
            for (reason, ids) in pick(r) {
                // Rows a previous run imported are the normal case of a second run: counted only.
                if reason == ALREADY_IMPORTED {
                    continue;
                }
                let mut shown: Vec<String> = ids
                    .iter()
                    .take(IDS_SHOWN)
                    .map(|i| format!("#{i}"))
                    .collect();
                if ids.len() > IDS_SHOWN {
                    shown.push(format!("and {} more", ids.len() - IDS_SHOWN));
                }
                lines.push(format!(
                    "  {}: {reason} ({}): {}",
                    r.table,
                    ids.len(),
                    shown.join(", ")
                ));
            }
        }
        (!lines.is_empty()).then(|| format!("{what}:\n{}", lines.join("\n")))
    };
    if let Some(text) = details("Skipped", |r| &r.skipped) {
        writeln!(out, "{text}")?;
    }
    if let Some(text) = details("Adjusted", |r| &r.adjusted) {
        writeln!(out, "{text}")?;
    }
    if !absent.is_empty() {
        writeln!(
            out,
            "Tables not found in the reference (nothing read): {}",
            absent.join(", ")
        )?;
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_summary_counts_and_explains() {
        let mut users = TableReport::new("users");
        users.read = 3;
        users.imported = 1;
        users.skip(ALREADY_IMPORTED, 1);
        users.skip("email already used by another user", 3);
        let mut out = Vec::new();
        print_summary(&mut out, &[users], &["notifications"], true).unwrap();
        let text = String::from_utf8(out).unwrap();
        assert!(text.starts_with("Dry run"), "{text}");
        assert!(
            text.contains("users                                   3         1        2"),
            "{text}"
        );
        assert!(
            text.contains("  users: email already used by another user (1): #3"),
            "{text}"
        );
        assert!(!text.contains(ALREADY_IMPORTED), "{text}");
        assert!(text.contains("Tables not found in the reference (nothing read): notifications"));
    }
}
