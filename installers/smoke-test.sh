#!/usr/bin/env bash
# Smoke test of a built Gatehouse app-image (CI runs it after linux.sh app-image): the packaged
# launcher starts headless (`serve --demo`, free loopback ports, a temporary home), a chat
# completion goes through it with curl, its SQLite and io_uring (else epoll) libraries come from
# the image's native/ folder (nothing extracted at run time), and SIGTERM stops it within a bound.
#   installers/smoke-test.sh [LAUNCHER]    default: installers/target/app-image/Gatehouse/bin/Gatehouse
set -euo pipefail
here=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
launcher=${1:-$here/target/app-image/Gatehouse/bin/Gatehouse}
start_bound=60 stop_bound=20
log() { echo "smoke-test: $*" >&2; }
fail() { log "FAILED: $*"; [ -f "$work/out" ] && sed 's/^/  | /' "$work/out" >&2; exit 1; }

[ -x "$launcher" ] || { log "no launcher at $launcher (build it: installers/linux.sh app-image)"; exit 1; }
# Under installers/target, not /tmp: other jobs on a shared machine tidy /tmp/gatehouse-* away.
mkdir -p "$here/target"
work=$(mktemp -d "$here/target/smoke-test.XXXXXX")
pid=
cleanup() {
  if [ -n "$pid" ] && kill -0 "$pid" 2>/dev/null; then kill -9 "$pid" 2>/dev/null || true; fi
  rm -rf "$work"
}
trap cleanup EXIT

started=$SECONDS
"$launcher" serve --demo --listen 127.0.0.1:0 --admin-listen 127.0.0.1:0 --home "$work/home" > "$work/out" 2>&1 &
pid=$!
url=
for ((i = 0; i < start_bound * 10; i++)); do
  url=$(sed -n 's|^Gatehouse gateway listening on \(http://[^ ]*\).*|\1|p' "$work/out" | head -n1)
  [ -n "$url" ] && grep -q '^Press Ctrl+C to stop' "$work/out" && break
  kill -0 "$pid" 2>/dev/null || fail "the launcher exited before it was ready"
  sleep 0.1
done
[ -n "$url" ] || fail "not listening after $start_bound s"
log "serving on $url after $((SECONDS - started)) s"

answer=$(curl -sS --max-time 20 "$url/v1/chat/completions" -H 'Content-Type: application/json' \
  -d '{"model":"qwen-72b","messages":[{"role":"user","content":"Hello"}]}') || fail "the chat completion request failed"
case "$answer" in
  *'"object":"chat.completion"'*'"content":"'*'"total_tokens":'*) log "chat completion answered: ${answer:0:80}..." ;;
  *) fail "unexpected answer: $answer" ;;
esac
stream=$(curl -sS -N --max-time 20 "$url/v1/chat/completions" -H 'Content-Type: application/json' \
  -d '{"model":"qwen-72b","stream":true,"messages":[{"role":"user","content":"Hello"}]}') || fail "the streamed request failed"
[[ "$stream" == *'data: [DONE]'* ]] || fail "the stream did not end with data: [DONE]: ${stream:0:200}"
log "streamed chat completion ended with [DONE]"

# The access log is open by now (the demo records every request): its SQLite library, and the
# native library of the transport the gateway says it runs (io_uring where the kernel allows it,
# else epoll), must be the image's own copies, not ones extracted to a temporary directory. Both
# transports' libraries must be in the image: one missing would make the gateway fall back unnoticed.
image_dir=$(cd "$(dirname "$launcher")/.." && pwd)
for library in libnetty_transport_native_io_uring libnetty_transport_native_epoll; do
  compgen -G "$image_dir/lib/app/native/$library*" >/dev/null || fail "$library is missing from $image_dir/lib/app/native"
done
transport=$(sed -n 's|^Sockets: \([a-z_]*\).*|\1|p' "$work/out" | head -n1)
case "$transport" in
  io_uring|epoll) ;;
  *) fail "the gateway runs on '${transport:-an unnamed transport}', not io_uring or epoll" ;;
esac
for library in libsqlitejdbc.so "libnetty_transport_native_$transport"; do
  mapped=$(grep -o "/[^ ]*$library[^ ]*" "/proc/$pid/maps" | head -n1 || true)
  [[ "$mapped" == "$image_dir/lib/app/native/"* ]] || fail "$library is mapped from ${mapped:-nowhere}, not from $image_dir/lib/app/native"
done
log "gateway on $transport; SQLite and $transport libraries loaded from the image's native/ folder"

stopping=$SECONDS
kill -TERM "$pid"
for ((i = 0; i < stop_bound * 10; i++)); do
  kill -0 "$pid" 2>/dev/null || break
  sleep 0.1
done
kill -0 "$pid" 2>/dev/null && fail "still running $stop_bound s after SIGTERM"
status=0
wait "$pid" || status=$?
pid=
# 143 = terminated by SIGTERM after the shutdown hook ran (the JVM's usual exit for a signal).
[ "$status" = 0 ] || [ "$status" = 143 ] || fail "exit status $status after SIGTERM"
grep -q '^Gatehouse: stopped' "$work/out" || fail "no shutdown message after SIGTERM"
log "stopped cleanly $((SECONDS - stopping)) s after SIGTERM (exit $status); whole test $((SECONDS - started)) s"
