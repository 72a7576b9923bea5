#!/usr/bin/env bash
# Checks @papi/client as an outside developer gets it: builds and packs it, installs the tarball
# with npm in a folder outside the workspace (with TypeScript and @types/node, nothing of papi's),
# type-checks the README's examples (shipped in the package's examples/) and the mistakes its
# types must catch (tooling/client-consumer/types.ts) with tsc under module=nodenext, and runs
# the examples against a real papi server started here on its embedded database with the demo
# data, on a free port of PAPI_CLIENT_CHECK_PORTS (8860-8869).
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
work=$(mktemp -d /tmp/papi-client-consumer.XXXXXX)
server_pid=
cleanup() {
  # setsid made the server the leader of its own process group: end tsx and the node under it.
  if [ -n "$server_pid" ]; then kill -TERM -- "-$server_pid" 2>/dev/null || true; wait "$server_pid" 2>/dev/null || true; fi
  rm -rf "$work"
}
trap cleanup EXIT

port_in_use() { (exec 3<>"/dev/tcp/127.0.0.1/$1") 2>/dev/null; }
range=${PAPI_CLIENT_CHECK_PORTS:-8860-8869}
port=
for p in $(seq "${range%-*}" "${range#*-}"); do
  if ! port_in_use "$p"; then port=$p && break; fi
done
[ -n "$port" ] || { echo "check-client-consumer: no free port in $range" >&2; exit 1; }
url="http://127.0.0.1:$port"

# The server seeds the demo while the client builds and installs. PGlite, never the run's
# PostgreSQL: a fresh data folder gives the examples the demo exactly as `pnpm start` has it.
admin_password=$(od -An -tx1 -N12 /dev/urandom | tr -d ' \n')
env -u DATABASE_URL HOST=127.0.0.1 PORT="$port" PAPI_DATA_DIR="$work/data" PAPI_ADMIN_PASSWORD="$admin_password" \
  PAPI_LOG_LEVEL=silent PAPI_WEB_DIST="$work/no-web" \
  setsid "$root/apps/api/node_modules/.bin/tsx" --conditions=source "$root/apps/api/src/server.ts" >"$work/server.log" 2>&1 &
server_pid=$!

(cd "$root/packages/client" && npx -y pnpm@10 build >/dev/null && npx -y pnpm@10 pack --pack-destination "$work" >/dev/null)

mkdir "$work/consumer" && cd "$work/consumer"
printf '{ "name": "client-consumer", "private": true, "type": "module" }\n' >package.json
typescript=$(node -p "require('$root/node_modules/typescript/package.json').version")
npm install --no-audit --no-fund --loglevel=error "$work"/papi-client-*.tgz "typescript@$typescript" "@types/node@20" >/dev/null
test -f node_modules/@papi/client/dist/index.d.ts || { echo "the packed client has no type declarations" >&2; exit 1; }
deps=$(node -p "Object.keys(require('./node_modules/@papi/client/package.json').dependencies ?? {}).join(' ')")
[ "$deps" = "openapi-fetch" ] || { echo "the packed client depends on '$deps', not only openapi-fetch" >&2; exit 1; }

cp -r node_modules/@papi/client/examples .
# And the mistakes its types must catch (each line marked @ts-expect-error).
cp "$root/tooling/client-consumer/types.ts" .
cat >tsconfig.json <<'EOF'
{
  "compilerOptions": {
    "target": "ES2022",
    "lib": ["ES2023"],
    "module": "NodeNext",
    "moduleResolution": "NodeNext",
    "types": ["node"],
    "strict": true,
    "noUncheckedIndexedAccess": true,
    "outDir": "out",
    "rootDir": "."
  },
  "include": ["examples", "types.ts"]
}
EOF
node_modules/.bin/tsc -p tsconfig.json
echo "check-client-consumer: packed, installed and type-checked in ${SECONDS} s" >&2

for _ in $(seq 1 240); do
  grep -q 'papi: listening on' "$work/server.log" && break
  kill -0 "$server_pid" 2>/dev/null || break
  sleep 0.5
done
grep -q 'papi: listening on' "$work/server.log" || {
  echo "check-client-consumer: the server did not start on $url" >&2
  cat "$work/server.log" >&2
  exit 1
}
echo "check-client-consumer: the server answers on $url after ${SECONDS} s" >&2

# Each example is one test of node:test ("# pass N"), one at a time.
PAPI_URL=$url node --test --test-concurrency=1 out/examples/*.js
echo "check-client-consumer: done in ${SECONDS} s" >&2
