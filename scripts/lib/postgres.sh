# Sourced by scripts/test: makes TEST_DATABASE_URL point at a PostgreSQL server the tests may use
# (they create and drop their own databases on it). Order (CONTRACT 9.20):
#   1. TEST_DATABASE_URL if set;
#   2. the local server on 127.0.0.1:5432 if it answers;
#   3. a throwaway cluster on a private port, installing PostgreSQL with apt if it is missing.
# Never skips: if none of these works, the run fails.

pg_bin() {
  local name=$1 dir
  if command -v "$name" >/dev/null 2>&1; then command -v "$name"; return 0; fi
  for dir in /usr/lib/postgresql/*/bin; do
    [ -x "$dir/$name" ] && { echo "$dir/$name"; return 0; }
  done
  return 1
}

pg_answers() { # url
  local psql
  psql=$(pg_bin psql) || return 1
  "$psql" "$1" -Atqc 'select 1' >/dev/null 2>&1
}

install_postgres() {
  echo "scripts/test: installing PostgreSQL with apt" >&2
  export DEBIAN_FRONTEND=noninteractive
  apt-get update -qq >/dev/null
  apt-get install -y -qq postgresql >/dev/null
}

start_throwaway_postgres() {
  local initdb pg_ctl port=55432 runas=()
  if ! initdb=$(pg_bin initdb) || ! pg_ctl=$(pg_bin pg_ctl) || ! pg_bin psql >/dev/null; then
    install_postgres
    initdb=$(pg_bin initdb); pg_ctl=$(pg_bin pg_ctl)
  fi
  PG_TMP=$(mktemp -d /tmp/intowork-pg.XXXXXX)
  if [ "$(id -u)" = 0 ]; then
    # initdb refuses to run as root.
    id postgres >/dev/null 2>&1 || useradd --system --no-create-home postgres
    chown postgres "$PG_TMP"
    runas=(runuser -u postgres --)
  fi
  "${runas[@]}" "$initdb" -D "$PG_TMP/data" -U postgres --auth=trust -E UTF8 >/dev/null
  "${runas[@]}" "$pg_ctl" -D "$PG_TMP/data" -l "$PG_TMP/log" -w \
    -o "-p $port -k $PG_TMP -c listen_addresses=127.0.0.1 -c max_connections=300 -c fsync=off" start >/dev/null
  PG_STOP=("${runas[@]}" "$pg_ctl" -D "$PG_TMP/data" -m immediate stop)
  export TEST_DATABASE_URL="postgres://postgres@127.0.0.1:$port/postgres"
  echo "scripts/test: started a throwaway PostgreSQL on port $port" >&2
}

stop_throwaway_postgres() {
  if [ -n "${PG_TMP:-}" ]; then
    "${PG_STOP[@]}" >/dev/null 2>&1 || true
    rm -rf "$PG_TMP"
  fi
}

ensure_postgres() {
  if [ -n "${TEST_DATABASE_URL:-}" ]; then
    pg_answers "$TEST_DATABASE_URL" || { echo "scripts/test: TEST_DATABASE_URL does not answer" >&2; return 1; }
    echo "scripts/test: PostgreSQL from TEST_DATABASE_URL" >&2
    return 0
  fi
  local local_url="postgres://postgres@127.0.0.1:5432/postgres"
  if pg_answers "$local_url"; then
    export TEST_DATABASE_URL=$local_url
    echo "scripts/test: PostgreSQL on 127.0.0.1:5432" >&2
    return 0
  fi
  start_throwaway_postgres
  pg_answers "$TEST_DATABASE_URL" || { echo "scripts/test: throwaway PostgreSQL did not start" >&2; return 1; }
}
