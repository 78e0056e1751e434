# Sourced by scripts/test: makes TEST_REDIS_URL point at a Redis server the tests may use (each
# test uses keys of its own), and REDIS_SERVER at a redis-server binary for the tests that start
# private instances (outage and recovery; CONTRACT 9.20: fault tests never touch a shared server).
# Order:
#   1. TEST_REDIS_URL, else REDIS_URL, if set (it must answer);
#   2. the local server on 127.0.0.1:6379 if it answers;
#   3. a private redis-server on the first free port from 56379, stopped by stop_redis.
# redis-server (with redis-cli) is installed with apt when missing. Never skips: if none of these
# works, the run fails.

REDIS_FIRST_PORT=56379

install_redis() {
  local sudo=()
  [ "$(id -u)" = 0 ] || sudo=(sudo)
  if ! command -v apt-get >/dev/null 2>&1; then
    echo "scripts/test: redis-server is missing and apt-get is not available to install it" >&2
    return 1
  fi
  echo "scripts/test: installing redis-server with apt" >&2
  export DEBIAN_FRONTEND=noninteractive
  "${sudo[@]}" apt-get update -qq >/dev/null && "${sudo[@]}" apt-get install -y -qq redis-server >/dev/null
}

redis_answers() { # url
  [ "$(redis-cli -u "$1" ping 2>/dev/null)" = PONG ]
}

# A lock per port, held for the whole run, so two runs starting together never share a private
# server (the same scheme as scripts/lib/moto.sh).
claim_redis_port() { # port
  command -v flock >/dev/null 2>&1 || return 0
  release_redis_port
  exec {REDIS_LOCK_FD}>"/tmp/intowork-redis-$1.lock"
  flock -n "$REDIS_LOCK_FD" || { release_redis_port; return 1; }
}

release_redis_port() {
  if [ -n "${REDIS_LOCK_FD:-}" ]; then
    exec {REDIS_LOCK_FD}>&-
    REDIS_LOCK_FD=
  fi
}

stop_redis() {
  if [ -n "${REDIS_PID:-}" ]; then
    kill "$REDIS_PID" 2>/dev/null || true
    wait "$REDIS_PID" 2>/dev/null || true
    REDIS_PID=
    unset TEST_REDIS_URL
  fi
  if [ -n "${REDIS_TMP:-}" ]; then
    rm -rf "$REDIS_TMP"
    REDIS_TMP=
  fi
  release_redis_port
}

start_private_redis() {
  REDIS_TMP=$(mktemp -d /tmp/intowork-redis.XXXXXX)
  local port tries
  for port in $(seq "$REDIS_FIRST_PORT" $((REDIS_FIRST_PORT + 19))); do
    claim_redis_port "$port" || continue
    (exec 3<>"/dev/tcp/127.0.0.1/$port") 2>/dev/null && continue
    redis-server --port "$port" --bind 127.0.0.1 --save '' --appendonly no \
      --dir "$REDIS_TMP" >"$REDIS_TMP/log" 2>&1 &
    REDIS_PID=$!
    for tries in $(seq 1 100); do # up to about 10 s
      kill -0 "$REDIS_PID" 2>/dev/null || break
      if redis_answers "redis://127.0.0.1:$port"; then
        export TEST_REDIS_URL="redis://127.0.0.1:$port"
        echo "scripts/test: started a private Redis on port $port" >&2
        return 0
      fi
      sleep 0.1
    done
    echo "scripts/test: redis-server on port $port did not answer after $tries tries; its log:" >&2
    tail -n 20 "$REDIS_TMP/log" >&2 || true
    kill "$REDIS_PID" 2>/dev/null || true
    wait "$REDIS_PID" 2>/dev/null || true
    REDIS_PID=
  done
  release_redis_port
  echo "scripts/test: could not start redis-server on any port from $REDIS_FIRST_PORT" >&2
  return 1
}

ensure_redis() {
  if ! command -v redis-server >/dev/null 2>&1 || ! command -v redis-cli >/dev/null 2>&1; then
    install_redis || return 1
  fi
  REDIS_SERVER=$(command -v redis-server)
  export REDIS_SERVER
  local given=${TEST_REDIS_URL:-${REDIS_URL:-}}
  if [ -n "$given" ]; then
    redis_answers "$given" || { echo "scripts/test: TEST_REDIS_URL/REDIS_URL does not answer" >&2; return 1; }
    export TEST_REDIS_URL=$given
    echo "scripts/test: Redis from TEST_REDIS_URL/REDIS_URL" >&2
    return 0
  fi
  if redis_answers "redis://127.0.0.1:6379"; then
    export TEST_REDIS_URL="redis://127.0.0.1:6379"
    echo "scripts/test: Redis on 127.0.0.1:6379" >&2
    return 0
  fi
  start_private_redis
}
