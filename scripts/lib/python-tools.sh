# Sourced by scripts/lib/*.sh: one pinned virtualenv for the Python test tools (CONTRACT 9.20), kept in
# the repository at .venv/test-tools (gitignored) so reruns reuse it. Never skips: a tool that cannot be
# installed fails the run.
#
#   test_tools_install <pip requirement>...   e.g. test_tools_install 'moto[server]==5.2.5'
#
# Each exact set of requirements is installed once; a stamp file records it.

TEST_TOOLS_VENV=${TEST_TOOLS_VENV:-.venv/test-tools}

ensure_test_tools_venv() {
  [ -x "$TEST_TOOLS_VENV/bin/python" ] && return 0
  if ! command -v python3 >/dev/null 2>&1; then
    echo "scripts/test: python3 is required for the Python test tools (apt-get install python3 python3-venv)" >&2
    return 1
  fi
  echo "scripts/test: creating the test-tools virtualenv in $TEST_TOOLS_VENV" >&2
  # A leftover without a working python (its interpreter was removed or upgraded) starts over.
  rm -rf "$TEST_TOOLS_VENV"
  if ! python3 -m venv "$TEST_TOOLS_VENV" >/dev/null 2>&1; then
    # Debian's python3 has no ensurepip without python3-venv.
    rm -rf "$TEST_TOOLS_VENV"
    if command -v apt-get >/dev/null 2>&1; then
      echo "scripts/test: installing python3-venv with apt" >&2
      export DEBIAN_FRONTEND=noninteractive
      apt-get update -qq >/dev/null && apt-get install -y -qq python3-venv >/dev/null || true
    fi
    python3 -m venv "$TEST_TOOLS_VENV" || {
      rm -rf "$TEST_TOOLS_VENV"
      echo "scripts/test: could not create a virtualenv with 'python3 -m venv' (install python3-venv)" >&2
      return 1
    }
  fi
}

test_tools_install() {
  mkdir -p "$(dirname "$TEST_TOOLS_VENV")"
  # Two runs in one checkout must not build the virtualenv at the same time.
  if command -v flock >/dev/null 2>&1; then
    local lock_fd
    exec {lock_fd}>"$TEST_TOOLS_VENV.lock"
    flock "$lock_fd"
    _test_tools_install "$@"
    local status=$?
    exec {lock_fd}>&-
    return "$status"
  fi
  _test_tools_install "$@"
}

_test_tools_install() {
  ensure_test_tools_venv || return 1
  local stamp
  stamp="$TEST_TOOLS_VENV/.installed-$(printf '%s\n' "$@" | sha256sum | cut -c1-16)"
  [ -e "$stamp" ] && return 0
  echo "scripts/test: pip install $* (into $TEST_TOOLS_VENV)" >&2
  if ! "$TEST_TOOLS_VENV/bin/python" -m pip install --quiet --disable-pip-version-check "$@"; then
    echo "scripts/test: FAILED to install $* into $TEST_TOOLS_VENV (network? package index?); the tests need it" >&2
    return 1
  fi
  printf '%s\n' "$@" >"$stamp"
}
