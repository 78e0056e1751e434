//! `intowork cleanup-cvs --inactive-older-than 365d [--dry-run]` (CONTRACT 9.4, 9.12): purges
//! CVs that are inactive, unchanged for that long and used by no ongoing application (clearing
//! the `cv_id` of the final ones), then removes files older than an hour that no row refers to.

use std::io::Write;

use intowork_domain::cleanup::{CleanupOptions, CleanupReport};

use super::{block_on, open_database};
use crate::settings::Settings;
use crate::wiring::command_cv_cleanup;

pub fn run(
    settings: &Settings,
    inactive_older_than: chrono::Duration,
    dry_run: bool,
) -> Result<(), String> {
    let db = open_database(settings)?;
    let cleanup = command_cv_cleanup(settings, db).map_err(|e| e.to_string())?;
    let options = CleanupOptions {
        inactive_older_than,
        dry_run,
    };
    let report = block_on(cleanup.run(options))?.map_err(|e| e.to_string())?;
    let mut out = std::io::stdout().lock();
    print_report(&mut out, &report).map_err(|e| format!("cannot print the report: {e}"))?;
    if report.file_failures.is_empty() {
        Ok(())
    } else {
        Err(format!(
            "{} file(s) could not be removed (see above); a later run retries them",
            report.file_failures.len()
        ))
    }
}

/// `heading` followed by the count, then one storage key per line.
fn section(out: &mut impl Write, heading: &str, keys: &[String]) -> std::io::Result<()> {
    writeln!(out, "{heading}{}", keys.len())?;
    for key in keys {
        writeln!(out, "  {key}")?;
    }
    Ok(())
}

fn print_report(out: &mut impl Write, r: &CleanupReport) -> std::io::Result<()> {
    let (verb, orphan_verb) = if r.dry_run {
        ("would purge", "would remove")
    } else {
        ("purged", "removed")
    };
    if r.dry_run {
        writeln!(out, "Dry run: nothing was changed.")?;
    }
    if let Some(cutoff) = r.cutoff {
        writeln!(
            out,
            "Inactive CVs unchanged since {}, used by no ongoing application: {verb} {} \
             (cv_id cleared on {} final application(s))",
            cutoff.format("%Y-%m-%dT%H:%M:%SZ"),
            r.purged.len(),
            r.cleared_applications()
        )?;
    }
    for cv in &r.purged {
        writeln!(
            out,
            "  CV #{} {} ({} application(s))",
            cv.id.get(),
            cv.storage_key,
            cv.final_applications
        )?;
    }
    section(
        out,
        &format!("Files no row refers to, older than an hour: {orphan_verb} "),
        &r.orphans,
    )?;
    section(
        out,
        "Files no row refers to, younger than an hour (kept: maybe an upload in progress): ",
        &r.recent_unreferenced,
    )?;
    if !r.rows_without_file.is_empty() {
        section(
            out,
            "CV rows whose file is missing from storage (left alone): ",
            &r.rows_without_file,
        )?;
    }
    if !r.file_failures.is_empty() {
        writeln!(
            out,
            "Files that could not be removed: {}",
            r.file_failures.len()
        )?;
        for (key, reason) in &r.file_failures {
            writeln!(out, "  {key}: {reason}")?;
        }
    }
    Ok(())
}
