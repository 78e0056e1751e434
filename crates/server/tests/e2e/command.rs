//! Runs the real `intowork` binary, as an operator would, with only the variables a test gives.

use std::path::Path;
use std::process::{Command, Stdio};

pub struct Run {
    pub code: i32,
    pub stdout: String,
    pub stderr: String,
}

impl Run {
    /// Both streams, for assertion messages and "never printed" checks.
    pub fn output(&self) -> String {
        format!("--- stdout\n{}--- stderr\n{}", self.stdout, self.stderr)
    }
}

/// `intowork <args>` in `dir` (so no stray `intowork.toml` is read), with a clean environment
/// plus `vars`, and no standard input.
pub fn intowork(dir: &Path, args: &[&str], vars: &[(&str, &str)]) -> Run {
    let out = Command::new(env!("CARGO_BIN_EXE_intowork"))
        .args(args)
        .current_dir(dir)
        .env_clear()
        .env("LOG_LEVEL", "warn")
        .envs(vars.iter().copied())
        .stdin(Stdio::null())
        .output()
        .expect("the intowork binary runs");
    Run {
        code: out.status.code().unwrap_or(-1),
        stdout: String::from_utf8_lossy(&out.stdout).into_owned(),
        stderr: String::from_utf8_lossy(&out.stderr).into_owned(),
    }
}

/// The variables pointing the binary at a test database and data folder.
pub fn base_vars<'a>(database_url: &'a str, data_dir: &'a str) -> Vec<(&'a str, &'a str)> {
    vec![
        ("DATABASE_URL", database_url),
        ("DATA_DIR", data_dir),
        ("DATABASE_POOL_TIMEOUT_SECS", "3"),
    ]
}

/// `intowork migrate`, which the other commands require first.
pub fn migrate(dir: &Path, database_url: &str) {
    let data = dir.to_str().unwrap();
    let run = intowork(dir, &["migrate"], &base_vars(database_url, data));
    assert_eq!(run.code, 0, "{}", run.output());
}
