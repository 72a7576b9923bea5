#!/usr/bin/env bash
# End to end for the admin TUI, as an admin uses it: a real API server (PGlite in a temp folder),
# `papi tui` in a real terminal (tmux, 80×24), then `papi ssh-serve` reached with the real OpenSSH
# client. Both run as users run them: built (turbo, so a fresh clone builds first) — the TUI from
# its bundle, whose first frame is checked against Node's own start-up in the same run. Prints
# "# pass N" / "# fail N" for test-all's closing line. Needs tmux and ssh (test-all installs them).
# Ports: API 8845, SSH 2245 (override with PAPI_E2E_PORT / PAPI_E2E_SSH_PORT).
set -uo pipefail
cd "$(dirname "$0")/.."
# As CI machines set it (Ink then draws only the last frame unless papi tells it otherwise): a
# local run sees what CI sees.
export CI=true
API_PORT=${PAPI_E2E_PORT:-8845}
SSH_PORT=${PAPI_E2E_SSH_PORT:-2245}
WORK=$(mktemp -d /tmp/papi-tui-e2e.XXXXXX)
T="tmux -L papi-tui-e2e-$$"
pass=0
fail=0
cleanup() { $T kill-server 2>/dev/null; rm -rf "$WORK"; }
trap cleanup EXIT

ok() { pass=$((pass + 1)); echo "ok - $1"; }
not_ok() { fail=$((fail + 1)); echo "not ok - $1"; $T capture-pane -t "$2" -p 2>/dev/null | sed 's/^/#   /'; }
# wait_for SESSION TEXT [seconds]
wait_for() { for _ in $(seq 1 $((${3:-60} * 4))); do $T capture-pane -t "$1" -p 2>/dev/null | grep -qF -- "$2" && return 0; sleep 0.25; done; return 1; }
keys() { $T send-keys -t "$1" "${@:2}"; sleep 0.4; }
check() { if wait_for "$1" "$2" "${4:-30}"; then ok "$3"; else not_ok "$3" "$1"; fi; }

# The command and the server as shipped: built by turbo (each build waits for its dependencies').
if ! npx -y pnpm@10 exec turbo run build --filter=@papi/cli --filter=@papi/server --output-logs=errors-only >"$WORK/build.log" 2>&1; then
  cat "$WORK/build.log"
  echo "not ok - papi and its server build"
  echo "# pass 0"
  echo "# fail 1"
  exit 1
fi
PAPI="node apps/cli/dist/main.js"

# --- the launcher behind `npx -y pnpm@10 papi`: asks turbo (1–3 s) only when a source is newer
# than the last build, and marks each build it ran by touching its stamp. Run as users run it.
stamp=node_modules/.cache/papi-cli-built
touch apps/cli/src/main.ts; sleep 1
touch "$WORK/before-first"
npx -y pnpm@10 papi --help > "$WORK/launcher.out" 2>&1
touch "$WORK/before-second"; sleep 1
npx -y pnpm@10 papi --help >> "$WORK/launcher.out" 2>&1
if [ "$stamp" -nt "$WORK/before-first" ] && ! [ "$stamp" -nt "$WORK/before-second" ] && [ "$(grep -c 'ssh-serve' "$WORK/launcher.out")" -ge 2 ]; then
  ok 'the papi launcher builds after a source changed, then starts the built command directly'
else
  echo "# built on the first start: $([ "$stamp" -nt "$WORK/before-first" ] && echo yes || echo no) (want yes); on the second: $([ "$stamp" -nt "$WORK/before-second" ] && echo yes || echo no) (want no)"
  sed 's/^/#   /' "$WORK/launcher.out"
  fail=$((fail + 1)); echo 'not ok - the papi launcher builds after a source changed, then starts the built command directly'
fi
export PAPI_SSH_SECRET=e2e-gateway-secret-$$
$T new-session -d -s api -x 200 -y 50 "PORT=$API_PORT PAPI_DATA_DIR=$WORK/data PAPI_ADMIN_PASSWORD=e2e-admin-pass PAPI_LOG_LEVEL=silent node apps/api/dist/server.js > $WORK/api.log 2>&1"
for _ in $(seq 1 240); do grep -q 'listening on' "$WORK/api.log" 2>/dev/null && break; sleep 0.5; done
grep -q 'listening on' "$WORK/api.log" && ok 'the API starts' || { not_ok 'the API starts' api; cat "$WORK/api.log"; echo "# pass $pass"; echo "# fail $((fail))"; exit 1; }
URL=http://127.0.0.1:$API_PORT

# Whether SESSION's terminal is back to normal: the alternate screen left and the cursor shown.
restored() { [ "$($T display -p -t "$1" '#{alternate_on}#{cursor_flag}')" = 01 ]; }

# --- the first frame, as a ratio to Node's own start-up measured the same way in the same run
# (an absolute time would say more about the machine's load than about papi).
# paint_ms COMMAND TEXT: milliseconds from starting COMMAND in a fresh 80×24 window to TEXT on it.
paint_ms() {
  local s=paint$RANDOM t0
  t0=$(date +%s%N)
  $T new-session -d -s "$s" -x 80 -y 24 "$1; sleep 60"
  for _ in $(seq 1 3000); do $T capture-pane -t "$s" -p | grep -qF -- "$2" && break; sleep 0.01; done
  echo $((($(date +%s%N) - t0) / 1000000))
  $T kill-session -t "$s"
}
median() { printf '%s\n' "$@" | sort -n | sed -n "$((($# + 1) / 2))p"; }
floors=() frames=()
for _ in 1 2 3; do
  floors+=("$(paint_ms "node -e \"process.stdout.write('papi-floor')\"" papi-floor)")
  frames+=("$(paint_ms "PAPI_URL=http://127.0.0.1:$API_PORT $PAPI tui" 'Tên đăng nhập')")
done
floor=$(median "${floors[@]}") frame=$(median "${frames[@]}")
echo "# first frame of papi tui: ${frame} ms; node -e 0: ${floor} ms (ratio $((frame * 10 / floor / 10)).$((frame * 10 / floor % 10)))"
# The issue asks for the first full frame in under 1 s; `node -e` paints in 40–50 ms here when the
# machine is quiet (80–100 ms under load), so 1 s is 10–25× it. Run from sources through tsx the
# TUI took 10–19×; unbundled, 6–11×; bundled, 2.5–4.5× under load and 6.6–7× on a quiet machine
# (Ink's own layout engine and React are most of it). 10× keeps it well inside the 1 s.
if [ "$frame" -le $((floor * 10)) ]; then ok 'papi tui paints its first frame within 10× the start-up of node itself'; else
  not_ok 'papi tui paints its first frame within 10× the start-up of node itself' api
fi

# --- papi tui in a real terminal
$T new-session -d -s tui -x 80 -y 24 "PAPI_URL=$URL $PAPI tui; echo TUI-EXIT=\$?; sleep 600"
check tui 'Tên đăng nhập' 'papi tui asks for the user name' 60
keys tui admin Enter
wait_for tui 'Mật khẩu' 10; keys tui e2e-admin-pass; keys tui Enter
# Signed in: the header names the account's role (the 'Đã đăng nhập' status line is soon replaced).
check tui 'Quản trị hệ thống' 'signs in by prompt'
wait_for tui 'UBND tỉnh An Giang' 20 || wait_for tui 'dòng' 20
sleep 1
keys tui n; wait_for tui 'Mã đơn vị cha' 10
keys tui P91@2025 Enter; wait_for tui 'Mã' 10
keys tui E2E-01 Enter; wait_for tui 'Tên' 10
keys tui 'Phòng Thử nghiệm Đầu cuối' Enter; wait_for tui 'Cấp' 10
keys tui Down; keys tui Enter; wait_for tui 'Loại' 10
keys tui Down; keys tui Enter
check tui 'Xong. E2E-01' 'creates a unit with its keys'
# The demo holds Huế's plan already: its document with one task reworded is a revision of it,
# shown task by task before anything is written, then confirmed.
sed 's/triển khai thực hiện tốt cơ chế một cửa/triển khai thực hiện thật tốt cơ chế một cửa/' \
  packages/documents/fixtures/seeds/thua-thien-hue-2024-papi-news.txt > "$WORK/hue-sua.txt"
import_hue() {
  keys tui i; wait_for tui 'Đường dẫn tệp' 10
  keys tui "$WORK/hue-sua.txt" Enter
  wait_for tui 'phạm vi' 10; keys tui P46 Enter
}
keys tui 3; import_hue
check tui 'Xem trước:' 'shows the plan import preview with its warnings' 60
check tui '0 thêm, 1 sửa, 0 bỏ' 'shows what re-importing a stored plan changes, before writing' 10
keys tui Escape
check tui 'Đã hủy.' 'writes nothing when the revision is not confirmed' 20
import_hue; wait_for tui '1 sửa' 60
keys tui Enter
check tui 'Đã sửa kế hoạch' 'stores the revision once it is confirmed' 60
keys tui 7
check tui 'Phòng Thử nghiệm Đầu cuối' 'the audit log lists the new unit' 20
keys tui 2; sleep 1; keys tui /; keys tui admin; keys tui Enter; keys tui s
wait_for tui 'Thêm khóa' 10; keys tui Enter; wait_for tui 'Khóa công khai' 10
ssh-keygen -q -t ed25519 -N '' -f "$WORK/id_admin" -C admin@e2e
ssh-keygen -q -t ed25519 -N '' -f "$WORK/id_stranger" -C stranger@e2e
$T send-keys -t tui -l "$(cat "$WORK/id_admin.pub")"; sleep 0.4; keys tui Enter
check tui 'Xong. SHA256:' 'registers an SSH key to the admin'
keys tui C-c
check tui 'TUI-EXIT=0' 'Ctrl-C quits cleanly'
if restored tui && ! $T capture-pane -t tui -p | grep -qF 'ctrl+c/ctrl+q'; then ok 'Ctrl-C leaves the alternate screen and shows the cursor'; else
  not_ok 'Ctrl-C leaves the alternate screen and shows the cursor' tui
fi

# --- the same over papi ssh-serve with OpenSSH
$T new-session -d -s sshd -x 200 -y 50 "echo \$\$ > $WORK/sshd.pid; exec $PAPI ssh-serve --port $SSH_PORT --url $URL --host-key $WORK/host_key > $WORK/sshd.log 2>&1"
for _ in $(seq 1 120); do grep -q 'ssh://' "$WORK/sshd.log" 2>/dev/null && break; sleep 0.5; done
[ -s "$WORK/host_key" ] && ok 'ssh-serve generates and keeps its host key' || not_ok 'ssh-serve generates and keeps its host key' sshd
SSH=(ssh -o IdentitiesOnly=yes -o StrictHostKeyChecking=no -o UserKnownHostsFile="$WORK/known_hosts" -o BatchMode=yes -p "$SSH_PORT")
$T new-session -d -s ssh -x 80 -y 24 "${SSH[*]} -tt -i $WORK/id_admin admin@127.0.0.1; echo SSH-EXIT=\$?; sleep 600"
check ssh 'Quản trị hệ thống' 'ssh -tt with a registered key opens the TUI as that user' 60
keys ssh 7
check ssh 'ssh-key' 'the audit log over SSH shows the key being added' 20
$T resize-window -t ssh -x 110 -y 30; sleep 1.5
if $T capture-pane -t ssh -p | head -1 | grep -q 'Tình hình báo cáo'; then ok 'a window-size change reaches the TUI'; else not_ok 'a window-size change reaches the TUI' ssh; fi
keys ssh C-c
check ssh 'SSH-EXIT=0' 'Ctrl-C ends the SSH session'
# What the user's terminal shows after: the shell again, not the TUI's last frame.
if restored ssh && ! $T capture-pane -t ssh -p | grep -qF 'ctrl+c/ctrl+q'; then ok 'over SSH, Ctrl-C leaves the alternate screen and shows the cursor'; else
  not_ok 'over SSH, Ctrl-C leaves the alternate screen and shows the cursor' ssh
fi
# The link drops (the client's ~. escape): ssh-serve ends that TUI instead of keeping it running.
$T new-session -d -s drop -x 80 -y 24 "${SSH[*]} -tt -i $WORK/id_admin admin@127.0.0.1; echo SSH-EXIT=\$?; sleep 600"
wait_for drop 'Quản trị hệ thống' 60
keys drop Enter; keys drop '~.'
for _ in $(seq 1 40); do grep -q 'ended (disconnected' "$WORK/sshd.log" && break; sleep 0.25; done
grep -q 'ended (disconnected' "$WORK/sshd.log" && ok 'a dropped SSH link ends its TUI on the server' || not_ok 'a dropped SSH link ends its TUI on the server' drop
refused=$("${SSH[@]}" -i "$WORK/id_stranger" admin@127.0.0.1 true </dev/null 2>&1)
if [[ $refused == *'Permission denied'* ]]; then ok 'an unknown key is refused'; else not_ok 'an unknown key is refused' sshd; echo "#   ssh said: $refused"; fi
grep -q 'refused key' "$WORK/sshd.log" && ok 'the refused key is logged' || { not_ok 'the refused key is logged' sshd; cat "$WORK/sshd.log"; }
if "${SSH[@]}" -i "$WORK/id_admin" admin@127.0.0.1 cat /etc/passwd </dev/null 2>&1 | grep -q 'root:'; then not_ok 'exec is refused' sshd; else ok 'exec is refused'; fi

# ssh-serve stops (SIGTERM) while a user is in the TUI: their terminal is restored, their ssh ends.
$T new-session -d -s stop -x 80 -y 24 "${SSH[*]} -tt -i $WORK/id_admin admin@127.0.0.1; echo SSH-EXIT=\$?; sleep 600"
wait_for stop 'Quản trị hệ thống' 60
kill -TERM "$(cat "$WORK/sshd.pid")"
check stop 'SSH-EXIT=0' 'stopping ssh-serve ends an open session as Ctrl-C would'
if restored stop && ! $T capture-pane -t stop -p | grep -qF 'ctrl+c/ctrl+q'; then ok 'stopping ssh-serve restores the user’s terminal'; else
  not_ok 'stopping ssh-serve restores the user’s terminal' stop
fi

echo "# pass $pass"
echo "# fail $fail"
[ "$fail" -eq 0 ]
