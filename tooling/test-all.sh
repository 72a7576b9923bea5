#!/usr/bin/env bash
# Runs the linter and every test of papi — unit, API on PGlite and on a real PostgreSQL server, browser end-to-end —
# on a fresh machine. Installs what is missing (Debian's postgresql and chromium) when run as root,
# starts a private PostgreSQL cluster on 127.0.0.1 for the run and stops it afterwards.
# A missing PostgreSQL server or browser is a failure, never a skip (PAPI_REQUIRE_POSTGRES=1,
# PAPI_REQUIRE_BROWSER=1).
set -euo pipefail
cd "$(dirname "$0")/.."

say() { printf '\n== %s\n' "$*" >&2; }

pg_bin() { ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -n 1; }

missing=()
[ -n "$(pg_bin)" ] || missing+=(postgresql)
[ -x /usr/bin/chromium ] || missing+=(chromium fonts-liberation)
# The TUI's end-to-end run: a real terminal (tmux) and the real OpenSSH client.
command -v tmux >/dev/null || missing+=(tmux)
command -v ssh >/dev/null || missing+=(openssh-client)
if [ ${#missing[@]} -gt 0 ]; then
  if [ "$(id -u)" -ne 0 ]; then
    echo "test-all: missing ${missing[*]}; install them (apt-get install ${missing[*]}) or run as root" >&2
    exit 1
  fi
  say "installing ${missing[*]}"
  apt-get update -qq
  DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
fi

if [ -z "${DATABASE_URL:-}" ]; then
  bin=$(pg_bin)
  port=${PAPI_TEST_PG_PORT:-54329}
  pgdata=$(mktemp -d /tmp/papi-pg.XXXXXX)
  run_pg() { if [ "$(id -u)" -eq 0 ]; then su postgres -s /bin/bash -c "$*"; else bash -c "$*"; fi; }
  [ "$(id -u)" -eq 0 ] && chown postgres "$pgdata"
  say "starting a private PostgreSQL cluster on 127.0.0.1:$port"
  run_pg "'$bin/initdb' -D '$pgdata' -A trust -U postgres -E UTF8 --locale=C.UTF-8" >/dev/null
  run_pg "'$bin/pg_ctl' -D '$pgdata' -o \"-h 127.0.0.1 -p $port -k '$pgdata'\" -l '$pgdata/server.log' -w start" >/dev/null
  stop_pg() { run_pg "'$bin/pg_ctl' -D '$pgdata' -m fast stop" >/dev/null 2>&1 || true; rm -rf "$pgdata"; }
  trap stop_pg EXIT
  export DATABASE_URL="postgres://postgres@127.0.0.1:$port/postgres"
fi

export PAPI_REQUIRE_POSTGRES=1
export PAPI_REQUIRE_BROWSER=1
# Long checks run whole here; a plain `turbo run test` runs their bounded quick forms (see each suite).
export PAPI_TEST_FULL=1
export CHROMIUM_PATH=${CHROMIUM_PATH:-/usr/bin/chromium}

log=$(mktemp /tmp/papi-test-all.XXXXXX)
trap 'rm -f "$log"; declare -F stop_pg >/dev/null && stop_pg' EXIT

say "lint and format check (biome check, tooling/biome-config.jsonc): a warning or an unformatted file fails the run, as an error does"
npx -y pnpm@10 exec turbo run lint --concurrency=2 --output-logs=errors-only 2>&1 | tee "$log"

say "running every test"
npx -y pnpm@10 exec turbo run test typecheck --concurrency=2 "$@" 2>&1 | tee -a "$log"

say "the admin TUI in a real terminal and over SSH"
bash tooling/tui-e2e.sh 2>&1 | tee -a "$log"

say "the SDK as an outside developer installs it"
bash tooling/check-sdk-consumer.sh 2>&1 | tee -a "$log"

say "the typed client as an outside developer installs it, against a started server"
bash tooling/check-client-consumer.sh 2>&1 | tee -a "$log"

say "the benchmark suite, quick (small datasets on PostgreSQL and PGlite, about two minutes): it runs and records every figure"
# Figures are ratios to floors measured in the same run; no time is asserted (CI machines are noisy).
bench_out=$(mktemp -d /tmp/papi-bench.XXXXXX)
timeout 600 npx -y pnpm@10 bench --quick --label ci --out "$bench_out/results.json" 2>&1 | tee -a "$log"
node bench/src/check-results.mjs "$bench_out/results.json" 2>&1 | tee -a "$log"
rm -rf "$bench_out"

# One closing line over every runner: Vitest's "Tests  N passed" per package and node:test's "# pass N".
sed 's/\x1b\[[0-9;]*m//g' "$log" | awk '
  / Tests +[0-9]+ passed/ { for (i = 1; i <= NF; i++) if ($(i + 1) ~ /^passed/) passed += $i }
  / Tests .*[0-9]+ failed/ { for (i = 1; i <= NF; i++) if ($(i + 1) ~ /^failed/) failed += $i }
  /^# pass [0-9]+/ { passed += $3 }
  /^# fail [0-9]+/ { failed += $3 }
  END { printf "tests: %d passed, %d failed\n", passed, failed }'
