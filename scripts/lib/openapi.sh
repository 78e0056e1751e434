# shellcheck shell=bash
# Sourced by .ci/run: validates the OpenAPI document the binary serves (issue 8) with the pinned
# openapi-spec-validator from PyPI, installed into the test-tools virtualenv. The document comes
# from `intowork openapi`, which reads no configuration and needs no database.

# shellcheck source=scripts/lib/python-tools.sh
. "$(dirname "${BASH_SOURCE[0]}")/python-tools.sh"

OPENAPI_VALIDATOR_REQUIREMENT='openapi-spec-validator==0.9.0'

validate_openapi() {
  test_tools_install "$OPENAPI_VALIDATOR_REQUIREMENT" || return 1
  # A temporary file: `target/` may not exist (CARGO_TARGET_DIR can point elsewhere).
  local spec rc=0
  spec=$(mktemp --suffix=.openapi.json)
  cargo run --quiet -p intowork-server --bin intowork -- openapi >"$spec" || rc=$?
  if [ "$rc" = 0 ]; then
    echo "ci: openapi-spec-validator (document of \`intowork openapi\`)" >&2
    "$TEST_TOOLS_VENV/bin/openapi-spec-validator" "$spec" || rc=$?
  fi
  rm -f "$spec"
  return "$rc"
}
