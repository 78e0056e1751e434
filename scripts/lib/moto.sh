# Sourced by scripts/test: makes TEST_S3_ENDPOINT point at an S3-compatible server the tests may use
# (each test creates its own bucket on it). Order (CONTRACT 9.20):
#   1. TEST_S3_ENDPOINT if set (it must answer);
#   2. moto_server from the pinned test-tools virtualenv, started on 127.0.0.1 on the first free port
#      from 55900 (so concurrent runs do not share one), stopped by stop_moto.
# Never skips: if neither works, the run fails.

# shellcheck source=scripts/lib/python-tools.sh
. "$(dirname "${BASH_SOURCE[0]}")/python-tools.sh"

MOTO_REQUIREMENT='moto[server]==5.2.5'
MOTO_FIRST_PORT=55900

http_answers() { # url: any HTTP response counts, even an error status
  if command -v curl >/dev/null 2>&1; then
    curl -s -o /dev/null --max-time 2 "$1"
  else
    python3 - "$1" <<'EOF'
import sys, urllib.error, urllib.request
try:
    urllib.request.urlopen(sys.argv[1], timeout=2)
except urllib.error.HTTPError:
    pass
except Exception:
    sys.exit(1)
EOF
  fi
}

port_in_use() { # port on 127.0.0.1
  (exec 3<>"/dev/tcp/127.0.0.1/$1") 2>/dev/null
}

# Two runs starting at the same moment could both see a port free, and one would then take the
# other's moto for its own. A lock per port, held for the whole run, settles who gets it.
claim_port() { # port
  command -v flock >/dev/null 2>&1 || return 0
  release_port
  exec {MOTO_LOCK_FD}>"/tmp/intowork-moto-$1.lock"
  flock -n "$MOTO_LOCK_FD" || { release_port; return 1; }
}

release_port() {
  if [ -n "${MOTO_LOCK_FD:-}" ]; then
    exec {MOTO_LOCK_FD}>&-
    MOTO_LOCK_FD=
  fi
}

stop_moto() {
  if [ -n "${MOTO_PID:-}" ]; then
    kill "$MOTO_PID" 2>/dev/null || true
    wait "$MOTO_PID" 2>/dev/null || true
    MOTO_PID=
  fi
  if [ -n "${MOTO_TMP:-}" ]; then
    rm -rf "$MOTO_TMP"
    MOTO_TMP=
  fi
  release_port
}

start_moto() {
  test_tools_install "$MOTO_REQUIREMENT" || return 1
  MOTO_TMP=$(mktemp -d /tmp/intowork-moto.XXXXXX)
  local port tries
  for port in $(seq "$MOTO_FIRST_PORT" $((MOTO_FIRST_PORT + 19))); do
    claim_port "$port" || continue
    port_in_use "$port" && continue
    "$TEST_TOOLS_VENV/bin/moto_server" -H 127.0.0.1 -p "$port" >"$MOTO_TMP/log" 2>&1 &
    MOTO_PID=$!
    for tries in $(seq 1 150); do # up to about 30 s (a cold start imports a lot)
      # It exits at once when another process took the port first: try the next one.
      kill -0 "$MOTO_PID" 2>/dev/null || break
      if http_answers "http://127.0.0.1:$port/moto-api/"; then
        export TEST_S3_ENDPOINT="http://127.0.0.1:$port"
        echo "scripts/test: started moto ($MOTO_REQUIREMENT) on port $port" >&2
        return 0
      fi
      sleep 0.2
    done
    if grep -q "in use" "$MOTO_TMP/log" 2>/dev/null; then
      echo "scripts/test: port $port was taken meanwhile, trying the next one" >&2
    else
      echo "scripts/test: moto_server on port $port did not answer after $tries tries; its log:" >&2
      tail -n 20 "$MOTO_TMP/log" >&2 || true
    fi
    kill "$MOTO_PID" 2>/dev/null || true
    wait "$MOTO_PID" 2>/dev/null || true
    MOTO_PID=
  done
  release_port
  echo "scripts/test: could not start moto_server on any port from $MOTO_FIRST_PORT" >&2
  return 1
}

ensure_moto() {
  if [ -n "${TEST_S3_ENDPOINT:-}" ]; then
    http_answers "$TEST_S3_ENDPOINT" || {
      echo "scripts/test: TEST_S3_ENDPOINT ($TEST_S3_ENDPOINT) does not answer" >&2
      return 1
    }
    echo "scripts/test: S3-compatible server from TEST_S3_ENDPOINT" >&2
    return 0
  fi
  start_moto
}
