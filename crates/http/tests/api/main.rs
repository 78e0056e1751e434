//! HTTP tests: the real actix app against mockall doubles of every port. One binary for the crate.

#![allow(clippy::unwrap_used, clippy::expect_used)] // test code: a panic is a failed assertion

mod auth;
mod cross_cutting;
mod health;
mod support;
