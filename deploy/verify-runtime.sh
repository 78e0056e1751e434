#!/usr/bin/env bash
# Proves the runtime stage of Dockerfile.railway without a Docker engine (issue 7):
#
#   1. builds the binary as the builder stage does (`cargo build --release --locked -p intowork-server`);
#   2. makes a minimal Debian root file system of the runtime image's release with debootstrap (the
#      bare tarball is cached in deploy/.cache, so reruns skip the download), with the slim image's
#      apt sources;
#   3. runs the runtime stage's own RUN command in it (apt-get install of the pinned packages, the
#      non-root user, /data owned by it), read from the Dockerfile rather than copied here;
#   4. copies the binary where the Dockerfile puts it, checks that every library it links resolves,
#      runs the pre-deploy command (`intowork migrate`), then starts `intowork serve` as the image's
#      user with the image's ENV plus only DATABASE_URL, PORT and NEXTAUTH_SECRET, against a fresh
#      PostgreSQL database;
#   5. waits for /health/ready (probed with `intowork healthcheck` from inside the root), checks the
#      process's uid, stops it with SIGTERM and expects exit status 0; then drops the database and
#      removes the root file system.
#
# Usage (as root: debootstrap and chroot need it):
#   deploy/verify-runtime.sh
# Environment:
#   CARGO_TARGET_DIR      reuse a release target directory (default: the workspace's target/)
#   VERIFY_SKIP_BUILD=1   use the binary already in $CARGO_TARGET_DIR/release (no cargo build)
#   VERIFY_PG_ADMIN_URL   PostgreSQL server to create the throwaway database on
#                         (default postgres://postgres@127.0.0.1:5432/postgres)
#   VERIFY_MIRROR         Debian mirror (default http://deb.debian.org/debian)
set -euo pipefail
cd "$(dirname "$0")/.."
repo=$(pwd)
dockerfile=$repo/Dockerfile.railway
cache=$repo/deploy/.cache
started=$(date +%s)

say() { printf '[verify-runtime %4ss] %s\n' "$(($(date +%s) - started))" "$*"; }
fail() { say "FAILED: $*" >&2; exit 1; }

[ "$(id -u)" = 0 ] || fail "run as root (debootstrap and chroot need it)"
[ -f "$dockerfile" ] || fail "no $dockerfile"

# --- What the Dockerfile says -----------------------------------------------------------------
# The runtime stage, with line continuations joined so that each instruction is one line.
runtime_stage=$(sed -n '/^FROM debian:/,$p' "$dockerfile" | sed -e ':a' -e '/\\$/N; s/\\\n//; ta')
[ -n "$runtime_stage" ] || fail "no 'FROM debian:' runtime stage in Dockerfile.railway"
runtime_release=$(sed -n 's/^FROM debian:\([a-z]*\)-slim.*/\1/p' "$dockerfile" | head -n 1)
builder_release=$(sed -n 's/^FROM rust:[0-9.]*-\([a-z]*\) .*/\1/p' "$dockerfile" | head -n 1)
[ -n "$runtime_release" ] || fail "cannot read the runtime stage's Debian release"
[ "$runtime_release" = "$builder_release" ] ||
  fail "runtime release '$runtime_release' differs from the builder's '$builder_release'"
host_release=$(sed -n 's/^VERSION_CODENAME=//p' /etc/os-release 2>/dev/null || true)
[ "$host_release" = "$runtime_release" ] ||
  say "warning: this machine runs Debian '$host_release', the image's builder '$builder_release'; the binary built here links this machine's libraries"
run_cmd=$(printf '%s\n' "$runtime_stage" | sed -n 's/^RUN //p')
[ "$(printf '%s\n' "$run_cmd" | grep -c .)" = 1 ] || fail "expected exactly one RUN in the runtime stage"
mapfile -t image_env < <(printf '%s\n' "$runtime_stage" | sed -n 's/^ENV //p' | tr -s ' ' '\n' | grep '=')
user_spec=$(printf '%s\n' "$runtime_stage" | sed -n 's/^USER //p')
workdir=$(printf '%s\n' "$runtime_stage" | sed -n 's/^WORKDIR //p')
binary_dest=$(printf '%s\n' "$runtime_stage" | sed -n 's/^COPY --from=builder [^ ]* //p')
[ -n "$user_spec" ] && [ -n "$binary_dest" ] && [ -n "$workdir" ] ||
  fail "cannot read USER, WORKDIR or the binary's COPY from the runtime stage"
uid=${user_spec%%:*}
say "Dockerfile.railway: runtime debian:$runtime_release-slim, USER $user_spec, WORKDIR $workdir, binary $binary_dest"
say "image ENV: ${image_env[*]}"

# --- 1. The binary --------------------------------------------------------------------------------
target_dir=${CARGO_TARGET_DIR:-$repo/target}
if [ "${VERIFY_SKIP_BUILD:-0}" != 1 ]; then
  say "building: cargo build --release --locked -p intowork-server (CARGO_TARGET_DIR=$target_dir)"
  build_started=$(date +%s)
  CARGO_TARGET_DIR=$target_dir cargo build --release --locked -p intowork-server
  say "build took $(($(date +%s) - build_started))s"
fi
binary=$target_dir/release/intowork
[ -x "$binary" ] || fail "no binary at $binary"
say "binary: $binary ($(du -h "$binary" | cut -f1))"

# --- 2. The root file system ----------------------------------------------------------------------
work=$(mktemp -d /tmp/intowork-verify-runtime.XXXXXX)
root=$work/rootfs
server_pid=
database=
proc_mounted=0
admin_url=${VERIFY_PG_ADMIN_URL:-postgres://postgres@127.0.0.1:5432/postgres}

cleanup() {
  local status=$?
  if [ -n "$server_pid" ] && kill -0 "$server_pid" 2>/dev/null; then
    kill -KILL "$server_pid" 2>/dev/null || true
    wait "$server_pid" 2>/dev/null || true
  fi
  # Anything else still running inside this run's own root file system (nothing else can be there).
  local p
  for p in /proc/[0-9]*; do
    case "$(readlink "$p/root" 2>/dev/null)" in
      "$root" | "$root"/*) kill -KILL "${p#/proc/}" 2>/dev/null || true ;;
    esac
  done
  if [ "$proc_mounted" = 1 ]; then umount "$root/proc" 2>/dev/null || true; fi
  if [ -n "$database" ]; then
    psql "$admin_url" -Atqc "DROP DATABASE IF EXISTS \"$database\" WITH (FORCE)" >/dev/null 2>&1 ||
      echo "verify-runtime: could not drop database $database" >&2
  fi
  # Never follow a mount point out of the root file system.
  if ! grep -q " $work/" /proc/mounts; then rm -rf "$work"; fi
  exit "$status"
}
trap cleanup EXIT

tarball=$cache/debian-$runtime_release-minbase-amd64.tar
if [ ! -s "$tarball" ]; then
  if ! command -v debootstrap >/dev/null 2>&1; then
    say "installing debootstrap with apt"
    export DEBIAN_FRONTEND=noninteractive
    apt-get update -qq >/dev/null && apt-get install -y -qq debootstrap >/dev/null
  fi
  mirror=${VERIFY_MIRROR:-http://deb.debian.org/debian}
  say "debootstrap --variant=minbase $runtime_release (from $mirror; cached afterwards in $tarball)"
  boot_started=$(date +%s)
  debootstrap --variant=minbase --arch=amd64 "$runtime_release" "$work/bootstrap" "$mirror" >"$work/debootstrap.log" 2>&1 ||
    { tail -n 20 "$work/debootstrap.log" >&2; fail "debootstrap failed"; }
  mkdir -p "$cache"
  tar -C "$work/bootstrap" -cf "$tarball.tmp" . && mv "$tarball.tmp" "$tarball"
  rm -rf "$work/bootstrap"
  say "debootstrap took $(($(date +%s) - boot_started))s"
else
  say "using the cached root file system $tarball"
fi
mkdir -p "$root"
tar -C "$root" -xf "$tarball"

# The slim image's apt sources: the release, its updates and its security archive.
rm -f "$root/etc/apt/sources.list"
mkdir -p "$root/etc/apt/sources.list.d"
cat >"$root/etc/apt/sources.list.d/debian.sources" <<EOF
Types: deb
URIs: http://deb.debian.org/debian
Suites: $runtime_release $runtime_release-updates
Components: main
Signed-By: /usr/share/keyrings/debian-archive-keyring.gpg

Types: deb
URIs: http://deb.debian.org/debian-security
Suites: $runtime_release-security
Components: main
Signed-By: /usr/share/keyrings/debian-archive-keyring.gpg
EOF
cp /etc/resolv.conf "$root/etc/resolv.conf"

# --- 3. The runtime stage's RUN -------------------------------------------------------------------
say "RUN (from the Dockerfile): $run_cmd"
mount -t proc proc "$root/proc" && proc_mounted=1
run_started=$(date +%s)
chroot "$root" /usr/bin/env -i PATH=/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin \
  DEBIAN_FRONTEND=noninteractive /bin/sh -c "$run_cmd" >"$work/run.log" 2>&1 ||
  { tail -n 30 "$work/run.log" >&2; fail "the runtime stage's RUN failed in the root file system"; }
# shellcheck disable=SC2016 # dpkg-query's own ${field} syntax
say "RUN took $(($(date +%s) - run_started))s; installed: $(chroot "$root" dpkg-query -W -f '${Package}=${Version} ' ca-certificates libpq5 libssl3)"

# COPY --from=builder /out/intowork <dest>
install -D -m 0755 "$binary" "$root$binary_dest"
missing=$(chroot "$root" ldd "$binary_dest" | grep 'not found' || true)
[ -z "$missing" ] || fail "libraries missing from the runtime image: $missing"
say "every library the binary links resolves in the root file system ($(chroot "$root" ldd "$binary_dest" | grep -c '=>') entries)"
say "owner of $workdir: $(stat -c '%u:%g %a' "$root$workdir"); of /data/uploads: $(stat -c '%u:%g %a' "$root/data/uploads")"

# --- 4. A fresh database, the pre-deploy command, then the server ---------------------------------
database="intowork_verify_$$_$(date +%s)"
psql "$admin_url" -Atqc "CREATE DATABASE \"$database\"" >/dev/null || fail "cannot create a database on $admin_url"
base_url=${admin_url%/*}
database_url=$base_url/$database
port=$((20000 + RANDOM % 20000))
while (exec 3<>"/dev/tcp/127.0.0.1/$port") 2>/dev/null; do port=$((port + 1)); done
secret=$(head -c 32 /dev/urandom | od -An -tx1 | tr -d ' \n')

# Exactly what the container would get: the image's ENV plus the three variables Railway provides.
# PATH is the one the debian image sets.
container_env=(PATH=/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin "${image_env[@]}"
  "DATABASE_URL=$database_url" "PORT=$port" "NEXTAUTH_SECRET=$secret")
# Runs a command in the root file system as the image's user, in WORKDIR. Every step execs the next
# (chroot, env, sh, the command), so a background run's $! is the command's own process.
# shellcheck disable=SC2016 # expanded by the inner shell: WORKDIR, then the command
in_container=(chroot --userspec="$user_spec" "$root" /usr/bin/env -i "${container_env[@]}"
  /bin/sh -c 'cd "$0" && exec "$@"' "$workdir")
say "container environment: $(printf '%s\n' "${container_env[@]}" | sed 's/^\(NEXTAUTH_SECRET\)=.*/\1=<64 hex characters>/; s#^\(DATABASE_URL=[^:]*://\).*/#\1...@127.0.0.1/#' | tr '\n' ' ')"

say "pre-deploy: intowork migrate"
"${in_container[@]}" intowork migrate | sed 's/^/    /'

say "start: intowork serve (as $user_spec, port $port)"
serve_started=$(date +%s)
"${in_container[@]}" intowork serve >"$work/server.log" 2>&1 &
server_pid=$!

ready=0
for _ in $(seq 1 120); do
  kill -0 "$server_pid" 2>/dev/null || { cat "$work/server.log" >&2; fail "the server exited before it was ready"; }
  if "${in_container[@]}" intowork healthcheck --path /health/ready >/dev/null 2>&1; then ready=1; break; fi
  sleep 0.5
done
[ "$ready" = 1 ] || { tail -n 20 "$work/server.log" >&2; fail "/health/ready did not answer 200 within 60 s"; }
say "ready after $(($(date +%s) - serve_started))s: intowork healthcheck --path /health/ready exited 0"
say "GET /health/ready -> $(curl -s -w ' (HTTP %{http_code})' "http://127.0.0.1:$port/health/ready")"
say "GET /health       -> $(curl -s -w ' (HTTP %{http_code})' "http://127.0.0.1:$port/health")"
"${in_container[@]}" intowork healthcheck || fail "the image's HEALTHCHECK command (intowork healthcheck) failed"
say "HEALTHCHECK CMD [\"intowork\", \"healthcheck\"] exited 0"

process_uid=$(stat -c %u "/proc/$server_pid")
process_user=$(chroot "$root" getent passwd "$process_uid" | cut -d: -f1)
[ "$process_uid" = "$uid" ] && [ "$process_uid" != 0 ] ||
  fail "the server runs as uid $process_uid, expected $uid (non-root)"
say "server process $server_pid runs as uid $process_uid ($process_user), gid $(stat -c %g "/proc/$server_pid"), root $(readlink "/proc/$server_pid/root")"
applied=$(psql "$base_url/$database" -Atqc 'SELECT count(*) FROM __diesel_schema_migrations')
say "migrations recorded in the fresh database: $applied"

# --- 5. Stop -----------------------------------------------------------------------------------
say "stop: SIGTERM"
stop_started=$(date +%s)
kill -TERM "$server_pid"
set +e
wait "$server_pid"
exit_status=$?
set -e
server_pid=
say "server exited with status $exit_status after $(($(date +%s) - stop_started))s"
say "server log (last lines):"
tail -n 6 "$work/server.log" | sed 's/^/    /'
[ "$exit_status" = 0 ] || fail "expected exit status 0 after SIGTERM"
say "OK: the runtime stage works (debian:$runtime_release-slim, uid $uid, /health/ready 200, clean stop)"
