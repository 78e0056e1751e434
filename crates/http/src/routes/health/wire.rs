//! Bodies of the health and information routes (CONTRACT 6, 8.15).

use chrono::{DateTime, Utc};
use intowork_domain::health;
use serde::Serialize;
use utoipa::ToSchema;

use crate::wire::ser_time;

const SERVICE: &str = "intowork-backend";

#[derive(Serialize, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct RootInfo {
    pub status: &'static str,
    pub service: &'static str,
    pub version: &'static str,
    pub docs: &'static str,
}

pub const ROOT_INFO: RootInfo = RootInfo {
    status: "ok",
    service: SERVICE,
    version: "1.0.0",
    docs: "/docs",
};

#[derive(Serialize, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct Liveness {
    pub status: &'static str,
    pub service: &'static str,
}

pub const LIVENESS: Liveness = Liveness {
    status: "healthy",
    service: SERVICE,
};

/// `status` is `ready` (200) or `unavailable` (503, then with `detail` and `code: not_ready`).
#[derive(Serialize, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct Readiness {
    pub status: &'static str,
    /// `ok` or `unavailable`.
    pub database: &'static str,
    /// `ok` or `unavailable`.
    pub storage: &'static str,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub detail: Option<&'static str>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub code: Option<&'static str>,
}

impl From<health::Readiness> for Readiness {
    fn from(r: health::Readiness) -> Self {
        let word = |ok: bool| if ok { "ok" } else { "unavailable" };
        let ready = r.is_ready();
        Self {
            status: if ready { "ready" } else { "unavailable" },
            database: word(r.database),
            storage: word(r.storage),
            detail: (!ready).then_some("Service not ready"),
            code: (!ready).then_some("not_ready"),
        }
    }
}

#[derive(Serialize, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct Ping {
    pub ping: &'static str,
    #[serde(serialize_with = "ser_time")]
    pub timestamp: DateTime<Utc>,
    pub service: &'static str,
}

impl Ping {
    pub fn now() -> Self {
        Self {
            ping: "pong",
            timestamp: Utc::now(),
            service: SERVICE,
        }
    }
}

#[derive(Serialize, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct ServiceStatus {
    pub status: &'static str,
    pub phase: &'static str,
    pub features: &'static [&'static str],
    pub next: &'static str,
}

pub const SERVICE_STATUS: ServiceStatus = ServiceStatus {
    status: "running",
    phase: "Phase 1 - Foundation",
    features: &["ping", "health_check"],
    next: "database_models",
};

#[derive(Serialize, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct DbStatus {
    pub status: &'static str,
    pub test_query: i64,
    pub message: &'static str,
}

pub const DB_CONNECTED: DbStatus = DbStatus {
    status: "connected",
    test_query: 1,
    message: "Database connection successful",
};
