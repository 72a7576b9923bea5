#!/usr/bin/env bash
# `npx -y pnpm@10 papi …` from the repository root: runs the built command, building first what is
# out of date. `papi tui` thus starts from its bundle (apps/tui/tsup.config.ts) and paints its first
# frame in a fraction of a second, where running the sources through tsx took seconds.
# Asking turbo whether the build is current costs 1–3 s even when it is (it hashes every input), so
# that question is asked only when a file under apps/ or packages/ (or the lockfile) is newer than
# the last build; after a successful build the stamp is touched, so the next start is direct. The
# build's log shows only if it fails.
set -euo pipefail
root="$(cd "$(dirname "$0")/.." && pwd)"
main="$root/apps/cli/dist/main.js"
stamp="$root/node_modules/.cache/papi-cli-built"
changed() {
  [ -f "$main" ] && [ -f "$stamp" ] || return 0
  [ "$root/pnpm-lock.yaml" -nt "$stamp" ] && return 0
  [ -n "$(find "$root/apps" "$root/packages" \( -name node_modules -o -name dist -o -name .turbo -o -name 'test-results' \) -prune \
    -o -newer "$stamp" -type f -print -quit)" ]
}
if changed; then
  log=$(mktemp /tmp/papi-build.XXXXXX)
  if ! (cd "$root" && turbo run build --filter=@papi/cli --output-logs=errors-only >"$log" 2>&1); then
    cat "$log" >&2
    rm -f "$log"
    exit 1
  fi
  rm -f "$log"
  mkdir -p "$(dirname "$stamp")" && touch "$stamp"
fi
exec node "$main" "$@"
