//! How many attempts each budget allows.

/// Attempts allowed per window (`AUTH_RATE_LIMIT_PER_MINUTE`, `USER_ACTION_RATE_LIMIT_PER_MINUTE`).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct RateBudgets {
    /// Sign-ins per email; sign-ups, forgot-password and reset-password per IP and per email.
    pub auth_per_minute: u32,
    /// Sign-ins per client IP: only a high ceiling, because the frontend signs in from its own
    /// servers and many users share their address (9.2: 30 × the per-email budget).
    pub signin_ip_per_minute: u32,
    /// CV uploads and applications, each per user.
    pub user_actions_per_minute: u32,
}

/// How much higher the sign-in per-IP ceiling is than the per-email budget (CONTRACT 9.2).
pub const SIGNIN_IP_FACTOR: u32 = 30;

impl RateBudgets {
    pub fn new(auth_per_minute: u32, user_actions_per_minute: u32) -> Self {
        Self {
            auth_per_minute,
            signin_ip_per_minute: auth_per_minute.saturating_mul(SIGNIN_IP_FACTOR),
            user_actions_per_minute,
        }
    }
}

impl Default for RateBudgets {
    fn default() -> Self {
        Self::new(10, 30)
    }
}
