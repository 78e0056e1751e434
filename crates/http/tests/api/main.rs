//! HTTP tests: the real actix app against mockall doubles of every port. One binary for the crate.

mod auth;
mod cross_cutting;
mod health;
mod support;
