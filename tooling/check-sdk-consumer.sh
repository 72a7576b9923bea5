#!/usr/bin/env bash
# Builds and packs @papi/domain, installs the tarball in a folder outside the workspace and runs
# an outside developer's script against it: proves the SDK works as published (dist + .d.ts).
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
work=$(mktemp -d /tmp/papi-sdk-consumer.XXXXXX)
trap 'rm -rf "$work"' EXIT
(cd "$root/packages/domain" && npx -y pnpm@10 build >/dev/null && npx -y pnpm@10 pack --pack-destination "$work" >/dev/null)
cd "$work"
printf '{ "name": "sdk-consumer", "private": true, "type": "module" }\n' > package.json
npm install --no-audit --no-fund --loglevel=error ./papi-domain-*.tgz >/dev/null
test -f node_modules/@papi/domain/dist/index.d.ts || { echo "the packed SDK has no type declarations" >&2; exit 1; }
cp "$root/tooling/sdk-consumer/consumer.test.mjs" .
node --test consumer.test.mjs
