//! Checks every concern of the raw values, then assembles the settings or lists every problem.
//! Each concern lives in its own file and records what it refuses; none stops the others.

use std::path::PathBuf;

use super::model::{Environment, Settings};
use super::problems::{ConfigProblem, Problems, SettingsError};
use super::raw::Raw;
use super::{
    caches, connections, database, http, logging, mail, security, signing_secret, storage, uploads,
};

pub(super) fn validate(raw: Raw) -> Result<Settings, SettingsError> {
    let mut problems = Problems::default();
    let environment = problems.check(environment(&raw.environment));
    // With an unknown ENVIRONMENT the other checks still run, under development's rules, so that
    // one run lists the rest; production's refusals show once ENVIRONMENT is fixed.
    let production = environment == Some(Environment::Production);
    let data_dir = PathBuf::from(raw.data_dir.trim());
    let http = http::parse(&raw, production, &mut problems);
    let database = database::parse(&raw, production, &data_dir, &mut problems);
    let secret = signing_secret::parse(&raw, production, &mut problems);
    let log_level = logging::parse(&raw, &mut problems);
    let uploads = uploads::parse(&raw, data_dir, &mut problems);
    let storage = storage::parse(&raw, &mut problems);
    let read_cache_max_bytes = caches::parse(&raw, &mut problems);
    let security = security::parse(&raw, &mut problems);
    let mail = mail::parse(&raw, production, &mut problems);
    let connections = connections::parse(&raw, &mut problems);
    let parts = (
        environment,
        http,
        database,
        log_level,
        uploads,
        storage,
        security,
        mail,
        connections,
        read_cache_max_bytes,
    );
    let settings = match parts {
        (
            Some(environment),
            Some(http),
            Some(database),
            Some(log_level),
            Some(uploads),
            Some(storage),
            Some(security),
            Some(mail),
            Some(connections),
            Some(read_cache_max_bytes),
        ) => Some(Settings {
            environment,
            host: http.host,
            port: http.port,
            public_api_url: http.public_api_url,
            database_url: database.url,
            database_pool_size: database.pool_size,
            database_pool_timeout: database.pool_timeout,
            run_migrations_on_start: database.run_migrations_on_start,
            secret,
            log_level,
            cors: http.cors,
            data_dir: uploads.data_dir,
            upload_dir: uploads.upload_dir,
            max_upload_mib: uploads.max_upload_mib,
            max_cvs_per_candidate: uploads.max_cvs_per_candidate,
            read_cache_max_bytes,
            storage,
            security,
            mail,
            api_docs: http.api_docs,
            connections,
        }),
        _ => None,
    };
    problems.finish(settings)
}

fn environment(raw: &str) -> Result<Environment, ConfigProblem> {
    match raw.trim().to_ascii_lowercase().as_str() {
        "development" | "dev" | "local" => Ok(Environment::Development),
        "production" | "prod" => Ok(Environment::Production),
        other => Err(ConfigProblem::new(
            "ENVIRONMENT",
            format!("must be `development` or `production`, got {other:?}"),
        )),
    }
}
