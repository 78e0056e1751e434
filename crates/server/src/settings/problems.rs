//! What is wrong with a configuration: every refused value, each naming its variable. The checks
//! collect problems instead of stopping at the first, so that one run of `intowork check-config`
//! (or one failed start) shows everything an operator has to fix.

use std::fmt;

use thiserror::Error;

use super::raw::VARIABLES;

/// One refused value: the variable and why, printed `VARIABLE: reason`. The reason never quotes a
/// secret (a URL may carry a password).
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct ConfigProblem {
    pub var: &'static str,
    pub reason: String,
}

impl ConfigProblem {
    pub(super) fn new(var: &'static str, reason: impl Into<String>) -> ConfigProblem {
        ConfigProblem {
            var,
            reason: reason.into(),
        }
    }
}

impl fmt::Display for ConfigProblem {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}: {}", self.var, self.reason)
    }
}

/// Every problem of one configuration, in the order of [`VARIABLES`]; printed one per line.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct ConfigProblems(Vec<ConfigProblem>);

impl ConfigProblems {
    pub fn iter(&self) -> impl Iterator<Item = &ConfigProblem> {
        self.0.iter()
    }

    /// The variables named, in order (a variable with two problems appears twice).
    pub fn vars(&self) -> Vec<&'static str> {
        self.0.iter().map(|p| p.var).collect()
    }
}

impl fmt::Display for ConfigProblems {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        for (i, problem) in self.0.iter().enumerate() {
            if i > 0 {
                writeln!(f)?;
            }
            write!(f, "{problem}")?;
        }
        Ok(())
    }
}

#[derive(Debug, Error)]
pub enum SettingsError {
    /// Values were refused; all of them are listed.
    #[error("{0}")]
    Invalid(ConfigProblems),
    #[error("configuration could not be read: {0}")]
    Source(String),
}

impl SettingsError {
    /// One line per refused value (each starting with its variable), or the one read error: the
    /// reports print each line after their own prefix.
    pub fn lines(&self) -> Vec<String> {
        match self {
            SettingsError::Invalid(problems) => problems.iter().map(ToString::to_string).collect(),
            SettingsError::Source(_) => vec![self.to_string()],
        }
    }
}

/// Collects the problems while every concern is checked.
#[derive(Debug, Default)]
pub(super) struct Problems(Vec<ConfigProblem>);

impl Problems {
    pub(super) fn report(&mut self, var: &'static str, reason: impl Into<String>) {
        self.0.push(ConfigProblem::new(var, reason));
    }

    /// The value, or `None` once the problem is recorded.
    pub(super) fn check<T>(&mut self, result: Result<T, ConfigProblem>) -> Option<T> {
        result.map_err(|problem| self.0.push(problem)).ok()
    }

    /// The settings when nothing was refused, else every problem. A concern gives `None` only
    /// after recording why, so `value` is there whenever the list is empty.
    pub(super) fn finish<T>(self, value: Option<T>) -> Result<T, SettingsError> {
        match value {
            Some(value) if self.0.is_empty() => Ok(value),
            _ => {
                debug_assert!(!self.0.is_empty(), "a check failed without a problem");
                let mut problems = self.0;
                // Stable: two problems of one variable keep the order they were found in.
                problems.sort_by_key(|p| VARIABLES.iter().position(|v| *v == p.var));
                Err(SettingsError::Invalid(ConfigProblems(problems)))
            }
        }
    }
}
