//! When a dated entry of the profile (an experience, an education) took place.

use super::patch::Patch;

/// From `start_date` to `end_date`, or still going on (`is_current`). The dates are the client's
/// text, stored as sent ("2021-03", "2016", or empty).
#[derive(Clone, Debug, PartialEq)]
pub struct Period {
    pub start_date: String,
    pub end_date: Option<String>,
    pub is_current: bool,
}

/// A [`Period`] as a client writes it. Create: an absent `end_date` is null and an absent
/// `is_current` false. Update: absent ones are kept.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct PeriodFields {
    pub start_date: String,
    pub end_date: Patch<String>,
    pub is_current: Option<bool>,
}
