//! Partial updates: the profile's `PUT` and the patch type every profile form shares (CONTRACT 5.8).

/// A field of a partial update: `None` = absent (keep), `Some(None)` = explicit null (clear),
/// `Some(Some(v))` = write `v`. The frontend relies on the difference (CONTRACT 5.8 D1, D2).
pub type Patch<T> = Option<Option<T>>;

/// PUT /profile. The server-managed `cv_*` fields are not part of it: clients cannot set them.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct ProfileUpdate {
    pub phone: Patch<String>,
    pub location: Patch<String>,
    pub linkedin_url: Patch<String>,
    pub website_url: Patch<String>,
    pub title: Patch<String>,
    pub summary: Patch<String>,
    pub years_experience: Patch<i32>,
    pub salary_expectation_min: Patch<i32>,
    pub salary_expectation_max: Patch<i32>,
}
