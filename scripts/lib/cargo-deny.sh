# Sourced by .ci/run and the GitHub workflow: cargo-deny at a pinned version, and the checks that
# need no network (licenses, bans, sources against deny.toml). The advisories check needs the
# RustSec database from the internet and runs in the GitHub workflow only.
#
#   ensure_cargo_deny   sets CARGO_DENY to the pinned binary, installing it once with
#                       `cargo install --locked` (crates.io) into a cache outside the checkout, so
#                       every clone on the machine reuses it (a cold build takes a few minutes)
#   deny_check          cargo deny --offline check licenses bans sources; any finding fails
#
# Never skips: if cargo-deny cannot be installed, the run fails.

CARGO_DENY_VERSION=0.20.2
CARGO_DENY_ROOT=${CARGO_DENY_ROOT:-${XDG_CACHE_HOME:-$HOME/.cache}/intowork/cargo-deny-$CARGO_DENY_VERSION}

ensure_cargo_deny() {
  CARGO_DENY="$CARGO_DENY_ROOT/bin/cargo-deny"
  if [ -x "$CARGO_DENY" ] && [ "$("$CARGO_DENY" --version 2>/dev/null)" = "cargo-deny $CARGO_DENY_VERSION" ]; then
    return 0
  fi
  mkdir -p "$CARGO_DENY_ROOT"
  # Two runs on one machine must not build into the same root at once.
  local lock_fd status=0
  exec {lock_fd}>"$CARGO_DENY_ROOT.lock"
  if command -v flock >/dev/null 2>&1; then flock "$lock_fd"; fi
  if ! { [ -x "$CARGO_DENY" ] && [ "$("$CARGO_DENY" --version 2>/dev/null)" = "cargo-deny $CARGO_DENY_VERSION" ]; }; then
    echo "ci: installing cargo-deny $CARGO_DENY_VERSION into $CARGO_DENY_ROOT (once; a few minutes)" >&2
    cargo install --locked --quiet --force "cargo-deny@$CARGO_DENY_VERSION" --root "$CARGO_DENY_ROOT" || status=$?
  fi
  exec {lock_fd}>&-
  if [ "$status" != 0 ]; then
    echo "ci: FAILED to install cargo-deny $CARGO_DENY_VERSION (crates.io reachable?)" >&2
    return 1
  fi
}

deny_check() {
  ensure_cargo_deny || return 1
  # cargo-deny reads the whole lock file, including crates for other platforms that a build here
  # never downloads (a fresh machine failed on `android_system_properties`): fetch them first.
  cargo fetch --locked --quiet || {
    echo "ci: FAILED to fetch the locked crates for cargo-deny (crates.io reachable?)" >&2
    return 1
  }
  # --offline: the checks themselves use what is downloaded. Duplicate versions are warnings
  # (deny.toml); licences, bans and sources fail.
  "$CARGO_DENY" --offline check --hide-inclusion-graph licenses bans sources
}
