#!/usr/bin/env bash
# `npx -y pnpm@10 papi …` from the repository root: builds what the papi command needs (turbo; a
# replay from its cache when nothing changed) and runs the built command. `papi tui` thus starts
# from its bundle (apps/tui/tsup.config.ts) and paints its first frame in a fraction of a second,
# where running the sources through tsx took seconds. The build's log shows only if it fails.
set -euo pipefail
root="$(cd "$(dirname "$0")/.." && pwd)"
log=$(mktemp /tmp/papi-build.XXXXXX)
if ! (cd "$root" && turbo run build --filter=@papi/cli --output-logs=errors-only >"$log" 2>&1); then
  cat "$log" >&2
  rm -f "$log"
  exit 1
fi
rm -f "$log"
exec node "$root/apps/cli/dist/main.js" "$@"
