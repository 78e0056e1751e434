//! Daily ceilings on what one account or one address makes the service store (CONTRACT 9.2):
//! `JOBS_PER_DAY`, `JOBS_PER_DAY_PER_IP`, `CV_UPLOADS_PER_DAY`, `CV_UPLOADS_PER_DAY_PER_IP`.

use intowork_domain::limits::DailyCeilings;

use super::problems::Problems;
use super::raw::Raw;
use super::values::parse_range;

/// Ceilings above this are no ceilings: refused as a likely typo.
const MAX_PER_DAY: u32 = 1_000_000;

pub(super) fn parse(raw: &Raw, problems: &mut Problems) -> Option<DailyCeilings> {
    let mut read =
        |var: &'static str, value: &str| problems.check(parse_range(var, value, 1, MAX_PER_DAY));
    let jobs_per_account = read("JOBS_PER_DAY", &raw.jobs_per_day);
    let jobs_per_ip = read("JOBS_PER_DAY_PER_IP", &raw.jobs_per_day_per_ip);
    let cv_uploads_per_account = read("CV_UPLOADS_PER_DAY", &raw.cv_uploads_per_day);
    let cv_uploads_per_ip = read("CV_UPLOADS_PER_DAY_PER_IP", &raw.cv_uploads_per_day_per_ip);
    let ceilings = DailyCeilings {
        jobs_per_account: jobs_per_account?,
        jobs_per_ip: jobs_per_ip?,
        cv_uploads_per_account: cv_uploads_per_account?,
        cv_uploads_per_ip: cv_uploads_per_ip?,
    };
    // An address ceiling below the account's would make the account's unreachable for everyone
    // but a lone user: most likely the two were swapped.
    let mut ok = true;
    if ceilings.jobs_per_ip < ceilings.jobs_per_account {
        problems.report("JOBS_PER_DAY_PER_IP", "must be at least JOBS_PER_DAY");
        ok = false;
    }
    if ceilings.cv_uploads_per_ip < ceilings.cv_uploads_per_account {
        problems.report(
            "CV_UPLOADS_PER_DAY_PER_IP",
            "must be at least CV_UPLOADS_PER_DAY",
        );
        ok = false;
    }
    ok.then_some(ceilings)
}
