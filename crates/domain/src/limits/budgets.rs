//! How many attempts each budget allows.

/// Attempts allowed per window (`AUTH_RATE_LIMIT_PER_MINUTE`, `USER_ACTION_RATE_LIMIT_PER_MINUTE`
/// and the daily ceilings).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct RateBudgets {
    /// Sign-ins per (client IP, email); password checks of signed-in users (change-password,
    /// change-email, delete-account) per user; sign-ups, forgot-password and reset-password per
    /// IP, and per (IP, email) where the body names one.
    pub auth_per_minute: u32,
    /// Sign-ins per client IP, and password checks of signed-in users per client IP: only a high
    /// ceiling, because the frontend signs in from its own servers and many users share their
    /// address (9.2: 30 × the per-email budget).
    pub signin_ip_per_minute: u32,
    /// Sign-ins per email from all addresses together: what bounds a guesser spread over many
    /// addresses, and high enough that one address cannot lock the owner out.
    pub signin_email_per_minute: u32,
    /// CV uploads, image uploads and applications, each per user.
    pub user_actions_per_minute: u32,
    /// Job creations and CV uploads per account and per client IP, per 24 hours.
    pub daily: DailyCeilings,
}

/// How much higher the sign-in per-IP ceiling is than the per-email budget (CONTRACT 9.2).
pub const SIGNIN_IP_FACTOR: u32 = 30;

/// How much higher the per-email sign-in ceiling is than the per-(IP, email) budget: a stranger
/// needs this many addresses working together to lock an owner out for the rest of a minute,
/// while a guesser spread over any number of addresses still gets at most this many times the
/// single-address budget.
pub const SIGNIN_EMAIL_FACTOR: u32 = 10;

/// Creations a day (`JOBS_PER_DAY`, `JOBS_PER_DAY_PER_IP`, `CV_UPLOADS_PER_DAY`,
/// `CV_UPLOADS_PER_DAY_PER_IP`). What one account or one address can make the service store in a
/// day: a flood of sign-ups from one address stays within the per-IP ceiling.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct DailyCeilings {
    pub jobs_per_account: u32,
    pub jobs_per_ip: u32,
    pub cv_uploads_per_account: u32,
    pub cv_uploads_per_ip: u32,
}

impl Default for DailyCeilings {
    /// Far above what a recruiter or a candidate does in a day, and bounding the storage one
    /// address can take: 100 CVs of 5 MiB is 500 MiB a day (docs/configuration.md).
    fn default() -> Self {
        Self {
            jobs_per_account: 50,
            jobs_per_ip: 200,
            cv_uploads_per_account: 20,
            cv_uploads_per_ip: 100,
        }
    }
}

impl RateBudgets {
    /// The minute budgets derived from the two settings, with the default daily ceilings.
    pub fn new(auth_per_minute: u32, user_actions_per_minute: u32) -> Self {
        Self {
            auth_per_minute,
            signin_ip_per_minute: auth_per_minute.saturating_mul(SIGNIN_IP_FACTOR),
            signin_email_per_minute: auth_per_minute.saturating_mul(SIGNIN_EMAIL_FACTOR),
            user_actions_per_minute,
            daily: DailyCeilings::default(),
        }
    }

    pub fn with_daily(self, daily: DailyCeilings) -> Self {
        Self { daily, ..self }
    }
}

impl Default for RateBudgets {
    fn default() -> Self {
        Self::new(10, 30)
    }
}
