# Sourced by scripts/test: a real SMTP server for the mail tests (CONTRACT 9.20). Exports
#   TEST_SMTP_PORT  the port of an SMTP server on 127.0.0.1 (plain SMTP, no auth)
#   TEST_SMTP_DIR   the directory where each received message lands (smtp_capture.py's format)
# Order:
#   1. TEST_SMTP_PORT and TEST_SMTP_DIR if both are set (the server must answer);
#   2. aiosmtpd from the pinned test-tools virtualenv, with the handler scripts/lib/smtp_capture.py,
#      on the first free port from 55920, stopped by stop_smtp.
# Never skips: if neither works, the run fails.

# shellcheck source=scripts/lib/python-tools.sh
. "$(dirname "${BASH_SOURCE[0]}")/python-tools.sh"

SMTP_REQUIREMENT='aiosmtpd==1.4.6'
SMTP_FIRST_PORT=55920
SMTP_LIB_DIR=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)

smtp_port_in_use() { # port on 127.0.0.1
  (exec 3<>"/dev/tcp/127.0.0.1/$1") 2>/dev/null
}

smtp_answers() { # port: the server's greeting starts with 220
  "$TEST_TOOLS_VENV/bin/python" - "$1" <<'EOF' 2>/dev/null
import socket, sys
with socket.create_connection(("127.0.0.1", int(sys.argv[1])), timeout=2) as s:
    sys.exit(0 if s.recv(64).startswith(b"220") else 1)
EOF
}

# Two runs starting together must not both take one port: a lock per port, held for the run.
smtp_claim_port() { # port
  command -v flock >/dev/null 2>&1 || return 0
  smtp_release_port
  exec {SMTP_LOCK_FD}>"/tmp/intowork-smtp-$1.lock"
  flock -n "$SMTP_LOCK_FD" || { smtp_release_port; return 1; }
}

smtp_release_port() {
  if [ -n "${SMTP_LOCK_FD:-}" ]; then
    exec {SMTP_LOCK_FD}>&-
    SMTP_LOCK_FD=
  fi
}

stop_smtp() {
  if [ -n "${SMTP_PID:-}" ]; then
    kill "$SMTP_PID" 2>/dev/null || true
    wait "$SMTP_PID" 2>/dev/null || true
    SMTP_PID=
  fi
  if [ -n "${SMTP_TMP:-}" ]; then
    rm -rf "$SMTP_TMP"
    SMTP_TMP=
  fi
  smtp_release_port
}

start_smtp() {
  test_tools_install "$SMTP_REQUIREMENT" || return 1
  SMTP_TMP=$(mktemp -d /tmp/intowork-smtp.XXXXXX)
  mkdir -p "$SMTP_TMP/mail"
  local port tries
  for port in $(seq "$SMTP_FIRST_PORT" $((SMTP_FIRST_PORT + 19))); do
    smtp_claim_port "$port" || continue
    smtp_port_in_use "$port" && continue
    TEST_SMTP_DIR="$SMTP_TMP/mail" PYTHONPATH="$SMTP_LIB_DIR" \
      "$TEST_TOOLS_VENV/bin/python" -m aiosmtpd -n -l "127.0.0.1:$port" -c smtp_capture.Capture \
      >"$SMTP_TMP/log" 2>&1 &
    SMTP_PID=$!
    for tries in $(seq 1 100); do # up to about 20 s
      # It exits at once when another process took the port first: try the next one.
      kill -0 "$SMTP_PID" 2>/dev/null || break
      if smtp_answers "$port"; then
        export TEST_SMTP_PORT="$port" TEST_SMTP_DIR="$SMTP_TMP/mail"
        echo "scripts/test: started aiosmtpd ($SMTP_REQUIREMENT) on port $port" >&2
        return 0
      fi
      sleep 0.2
    done
    echo "scripts/test: aiosmtpd on port $port did not answer after $tries tries; its log:" >&2
    tail -n 20 "$SMTP_TMP/log" >&2 || true
    kill "$SMTP_PID" 2>/dev/null || true
    wait "$SMTP_PID" 2>/dev/null || true
    SMTP_PID=
  done
  smtp_release_port
  echo "scripts/test: could not start aiosmtpd on any port from $SMTP_FIRST_PORT" >&2
  return 1
}

ensure_smtp() {
  if [ -n "${TEST_SMTP_PORT:-}" ]; then
    [ -n "${TEST_SMTP_DIR:-}" ] && [ -d "$TEST_SMTP_DIR" ] || {
      echo "scripts/test: TEST_SMTP_PORT is set but TEST_SMTP_DIR is not a directory" >&2
      return 1
    }
    smtp_port_in_use "$TEST_SMTP_PORT" || {
      echo "scripts/test: nothing listens on TEST_SMTP_PORT ($TEST_SMTP_PORT)" >&2
      return 1
    }
    echo "scripts/test: SMTP server from TEST_SMTP_PORT" >&2
    return 0
  fi
  start_smtp
}
