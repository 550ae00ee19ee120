#!/usr/bin/env bash
# Does every request land in the access log under load? `gatehouse serve` (telemetry and the SQLite
# access log on, as shipped) in front of an nginx origin, driven by wrk on its AI route (token
# accounting, model, consumer): first paced at about 10,000 req/s, then flat out. After each phase the
# admin API says how many records the store wrote and dropped; the telemetry says how many requests the
# gateway finished. Loopback only; bounded in time; stops what it started.
#   bench/records.sh
# Knobs (environment): PACED_SECONDS (30) PACED_CONNS (140) GAP_MS (10) FLAT_SECONDS (15) FLAT_CONNS (64)
#   BUILD (1): 0 reuses app/target/lib as built last time.
set -euo pipefail

here=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
root=$(cd "$here/.." && pwd)
out="$here/out/records"
PACED_SECONDS=${PACED_SECONDS:-30}
PACED_CONNS=${PACED_CONNS:-140}
GAP_MS=${GAP_MS:-10}
FLAT_SECONDS=${FLAT_SECONDS:-15}
FLAT_CONNS=${FLAT_CONNS:-64}
BUILD=${BUILD:-1}
P_ORIGIN=18381; P_GATEHOUSE=18380; P_ADMIN=18390
AI_PATH=/v1/chat/completions
AI_BODY='{"model":"bench-model","messages":[{"role":"user","content":"hi"}]}'

log() { printf '[records-bench %s] %s\n' "$(date +%H:%M:%S)" "$*" >&2; }
# shellcheck source=lib.sh
source "$here/lib.sh"
bench_need_nginx_wrk
# shellcheck source=../tools/find-jdk.sh
source "$root/tools/find-jdk.sh"
[ "$BUILD" = 1 ] && "$root/gatehouse" --version >/dev/null
rm -rf "$out"; mkdir -p "$out"
bench_workdir records-bench
bench_chat_origin $P_ORIGIN $AI_PATH bench-model
cat > "$work/gatehouse.json" <<EOF
{
  "listeners": [{"name": "bench", "host": "127.0.0.1", "port": $P_GATEHOUSE}],
  "pools": [{"name": "origin", "healthCheck": {"enabled": false}, "endpoints": [{"host": "127.0.0.1", "port": $P_ORIGIN}]}],
  "routes": [{"name": "chat", "pool": "origin", "match": {"path": {"kind": "exact", "value": "$AI_PATH"}, "models": ["bench-model"]},
              "ai": {"requireKey": false}}]
}
EOF
GATEHOUSE_JAVA_OPTS="-Xmx256m" "$root/gatehouse" serve --config "$work/gatehouse.json" --home "$work/home" \
  --admin-listen "127.0.0.1:$P_ADMIN" > "$out/gatehouse.log" 2>&1 & pids+=($!)
wait_port $P_ORIGIN 10; wait_port $P_GATEHOUSE 60; wait_port $P_ADMIN 10
token=$(cat "$work/home/config/admin.token")
admin() { curl -s -H "Authorization: Bearer $token" "http://127.0.0.1:$P_ADMIN$1"; }

cat > "$work/post.lua" <<EOF
wrk.method = "POST"
wrk.body = '$AI_BODY'
wrk.headers["Content-Type"] = "application/json"
function done(summary, latency, requests)
  io.write(string.format("WRK requests=%d rps=%.1f p50_us=%.1f p99_us=%.1f errors=%d non2xx=%d\n",
    summary.requests, summary.requests / (summary.duration / 1e6), latency:percentile(50), latency:percentile(99),
    summary.errors.connect + summary.errors.read + summary.errors.write + summary.errors.timeout, summary.errors.status))
end
EOF
{ cat "$work/post.lua"; echo "function delay() return $GAP_MS end"; } > "$work/paced.lua"

# The store's and telemetry's counts, once the store has caught up: every request the gateway
# finished is written or counted as dropped (at most 60 s; the time it took is printed: a store that
# keeps up is done at once). The queue's depth alone is not enough: the writer's current batch has
# left the queue but is not committed yet.
counts() {
  local i stats metrics
  for ((i = 0; i < 600; i++)); do
    stats=$(admin /admin/logs/store); metrics=$(admin /admin/metrics)
    python3 -c 'import json,sys; s,m=json.loads(sys.argv[1]),json.loads(sys.argv[2]); sys.exit(0 if s["written"]+s["dropped"] >= m["total"]["requests"] else 1)' \
      "$stats" "$metrics" && break
    sleep 0.1
  done
  python3 - "$stats" "$metrics" "$i" <<'PY'
import json, sys
store, metrics = json.loads(sys.argv[1]), json.loads(sys.argv[2])
print(f"recorded_requests={metrics['total']['requests']} written={store['written']} dropped={store['dropped']}"
      f" db_bytes={store['databaseBytes']} queue={store['queueDepth']} drain_s={int(sys.argv[3]) / 10}")
PY
}

log "warm-up 10 s"
wrk -t2 -c32 -d10s -s "$work/post.lua" "http://127.0.0.1:$P_GATEHOUSE$AI_PATH" > "$out/warmup.txt" 2>&1 || true
counts > "$out/after-warmup.txt"
log "paced: $PACED_CONNS connections, $GAP_MS ms between requests, $PACED_SECONDS s"
wrk -t2 -c"$PACED_CONNS" -d"${PACED_SECONDS}s" --latency -s "$work/paced.lua" "http://127.0.0.1:$P_GATEHOUSE$AI_PATH" > "$out/paced.txt" 2>&1 || true
paced_wrk=$(grep '^WRK' "$out/paced.txt"); paced_counts=$(counts)
log "flat out: $FLAT_CONNS connections, $FLAT_SECONDS s"
wrk -t2 -c"$FLAT_CONNS" -d"${FLAT_SECONDS}s" --latency -s "$work/post.lua" "http://127.0.0.1:$P_GATEHOUSE$AI_PATH" > "$out/flat.txt" 2>&1 || true
flat_wrk=$(grep '^WRK' "$out/flat.txt"); flat_counts=$(counts)

# Totals are cumulative: each phase's figures are differences from the one before.
python3 - "$(cat "$out/after-warmup.txt")" "$paced_wrk" "$paced_counts" "$flat_wrk" "$flat_counts" <<'PY' | tee "$out/table.md"
import sys
def kv(line): return {k: float(v) for k, v in (p.split("=") for p in line.split() if "=" in p)}
base, pw, pc, fw, fc = (kv(a) for a in sys.argv[1:])
print("| phase | wrk req/s | wrk requests | gateway finished | records written | dropped | store caught up after | wrk errors / non-2xx |")
print("| --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: |")
for name, w, before, after in (("paced ~10k/s", pw, base, pc), ("flat out", fw, pc, fc)):
    req = after["recorded_requests"] - before["recorded_requests"]
    written = after["written"] - before["written"]
    dropped = after["dropped"] - before["dropped"]
    print(f"| {name} | {w['rps']:,.0f} | {w['requests']:,.0f} | {req:,.0f} | {written:,.0f} | {dropped:,.0f}"
          f" | {after['drain_s']:.1f} s | {w['errors']:.0f} / {w['non2xx']:.0f} |")
print(f"\naccess log database after both phases: {fc['db_bytes'] / 1e6:.1f} MB")
PY
