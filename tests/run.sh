#!/usr/bin/env bash
# Runs every test of E-péče:
#   1. unit tests and the API suite (native host, SQLite and PostgreSQL),
#   2. the app's wasm-bindgen tests in headless Chromium,
#   3. the end-to-end browser test against the built app.
# PostgreSQL: EPECE_TEST_POSTGRES_URL names a server to create test databases on; when it is
# unset, a throwaway server is started from the installed PostgreSQL binaries on a free port
# (EPECE_TEST_POSTGRES_PORT picks one); if it fails to start, its log is printed.
set -euo pipefail
repo=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
cd "$repo"
target_dir=${CARGO_TARGET_DIR:-$repo/target}

if [ -z "${EPECE_TEST_POSTGRES_URL:-}" ]; then
  pg_bin=$(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -n 1)
  if [ -z "$pg_bin" ]; then
    echo "PostgreSQL is not installed (Debian: apt-get install postgresql), and EPECE_TEST_POSTGRES_URL is not set." >&2
    exit 1
  fi
  # A port nobody listens on, unless EPECE_TEST_POSTGRES_PORT names one.
  free_port() {
    local port
    for _ in $(seq 50); do
      port=$((20000 + RANDOM % 40000))
      # Nobody answers there: bash's /dev/tcp fails to connect.
      if ! (exec 3<>"/dev/tcp/127.0.0.1/$port") 2>/dev/null; then
        echo "$port"
        return
      fi
    done
    echo 55432
  }
  pg_port=${EPECE_TEST_POSTGRES_PORT:-$(free_port)}
  pg_dir=$(mktemp -d)
  as_pg=()
  if [ "$(id -u)" = 0 ]; then
    chown postgres:postgres "$pg_dir"
    as_pg=(runuser -u postgres --)
  fi
  "${as_pg[@]}" "$pg_bin/initdb" -D "$pg_dir/data" -U postgres -A trust -E UTF8 --no-sync >/dev/null
  if ! "${as_pg[@]}" "$pg_bin/pg_ctl" -D "$pg_dir/data" -l "$pg_dir/server.log" -w -t 30 \
    -o "-c listen_addresses=127.0.0.1 -p $pg_port -k $pg_dir -c fsync=off -c synchronous_commit=off -c max_connections=300" \
    start >/dev/null; then
    echo "PostgreSQL did not start on port $pg_port (set EPECE_TEST_POSTGRES_PORT to choose another). Its log:" >&2
    cat "$pg_dir/server.log" >&2 || true
    rm -rf "$pg_dir"
    exit 1
  fi
  stop_postgres() {
    "${as_pg[@]}" "$pg_bin/pg_ctl" -D "$pg_dir/data" -m immediate stop >/dev/null 2>&1 || true
    rm -rf "$pg_dir"
  }
  trap stop_postgres EXIT
  export EPECE_TEST_POSTGRES_URL="postgres://postgres@127.0.0.1:$pg_port/postgres"
fi

echo "== unit tests and API tests (SQLite and PostgreSQL)"
cargo test --workspace --exclude app

echo "== app: native view-state tests and wasm-bindgen tests in headless Chromium"
cargo test -p app
cargo test -p app --target wasm32-unknown-unknown

echo "== end to end: the built app in headless Chromium"
bash app/build.sh
cargo build -p epece-tests --bin epece-host
(
  cd tests/e2e
  npm ci --no-audit --no-fund --loglevel=error
  # One file at a time: each starts a host and a browser, and the machine has two cores.
  EPECE_HOST_BIN="$target_dir/debug/epece-host" node --test --test-concurrency=1
)
