#!/usr/bin/env bash
# What telemetry costs per request, measured with and without it. Two parts:
#   1. the sink alone: ns per realistic access record handed to Telemetry by 1 and 2 threads at once,
#      against a no-op sink; then the periodic work (snapshot, 1 s sample, Prometheus text);
#   2. end to end (needs nginx and wrk, skipped with E2E=0): two gateways on the same nginx origin, one
#      with telemetry (sampled, snapshotted and rendered every second) and one without any sink, loaded in
#      turns by wrk on the AI route (key check, limits, token accounting); req/s and CPU per request.
#   bench/telemetry.sh
# Knobs (environment): SINK_SECONDS (2) SINK_ROUNDS (5) E2E (1) E2E_SECONDS (6) E2E_ROUNDS (4) WRK_CONNS (32)
#   BUILD (1): 0 reuses app/target/lib as built last time.
# Prints markdown-ready lines; raw outputs go to bench/out/telemetry/.
set -euo pipefail

here=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
root=$(cd "$here/.." && pwd)
out="$here/out/telemetry"
SINK_SECONDS=${SINK_SECONDS:-2}
SINK_ROUNDS=${SINK_ROUNDS:-5}
E2E=${E2E:-1}
E2E_SECONDS=${E2E_SECONDS:-6}
E2E_ROUNDS=${E2E_ROUNDS:-4}
WRK_CONNS=${WRK_CONNS:-32}
BUILD=${BUILD:-1}
P_ORIGIN=18181; P_ON=18180; P_OFF=18182
AI_PATH=/v1/chat/completions
AI_MODEL=bench-model
AI_BODY='{"model":"'$AI_MODEL'","messages":[{"role":"user","content":"hi"}]}'

log() { printf '[telemetry-bench %s] %s\n' "$(date +%H:%M:%S)" "$*" >&2; }
# shellcheck source=../tools/find-jdk.sh
source "$root/tools/find-jdk.sh"
if [ "$BUILD" = 1 ] || [ ! -d "$root/app/target/lib" ]; then
  log "building (package, no tests, nothing installed)"
  "$root/mvnw" -q -B -DskipTests -pl app -am package
fi
rm -rf "$out"; mkdir -p "$out"
jvm=("$JAVA_HOME/bin/java" --enable-native-access=ALL-UNNAMED --sun-misc-unsafe-memory-access=allow
     -Dio.netty.noUnsafe=false -cp "$root/app/target/lib/*")
log "$(nproc) cores, load $(cut -d' ' -f1-3 /proc/loadavg); java $("$JAVA_HOME/bin/java" -version 2>&1 | head -1)"

# ------------------------------------------------------------------ 1. the sink alone
log "1. sink: ${SINK_ROUNDS} rounds of ${SINK_SECONDS} s per thread count"
"${jvm[@]}" -Xmx512m "$here/src/TelemetryBench.java" sink "$SINK_SECONDS" "$SINK_ROUNDS" | tee "$out/sink.txt"

[ "$E2E" = 1 ] || exit 0
command -v nginx >/dev/null && command -v wrk >/dev/null || { log "no nginx or wrk: end-to-end part skipped"; exit 0; }

# ------------------------------------------------------------------ 2. end to end
# shellcheck source=lib.sh
source "$here/lib.sh"
bench_workdir telemetry-bench
bench_chat_origin $P_ORIGIN $AI_PATH "$AI_MODEL"

keyline=$("${jvm[@]}" "$here/src/GatehouseBench.java" keygen)
ai_key=$(sed -n 's/.*KEY=\([^ ]*\).*/\1/p' <<<"$keyline")
ai_salt=$(sed -n 's/.*SALT=\([^ ]*\).*/\1/p' <<<"$keyline")
ai_sha=$(sed -n 's/.*SHA256=\([^ ]*\).*/\1/p' <<<"$keyline")
[ -n "$ai_key" ] || { log "keygen printed no key: $keyline"; exit 1; }
config() {  # port
  cat <<EOF2
{
  "listeners": [{"name": "bench", "host": "127.0.0.1", "port": $1}],
  "pools": [{"name": "origin", "balancer": {"strategy": "round_robin"}, "healthCheck": {"enabled": false},
             "endpoints": [{"host": "127.0.0.1", "port": $P_ORIGIN}]}],
  "routes": [{"name": "ai-chat", "pool": "origin",
              "match": {"path": {"kind": "exact", "value": "$AI_PATH"}, "methods": ["POST"], "models": ["$AI_MODEL"]},
              "ai": {"requireKey": true, "limits": {"requestsPerMinute": 100000000, "tokensPerMinute": 1000000000}}}],
  "consumers": [{"name": "bench", "keys": [{"salt": "$ai_salt", "sha256": "$ai_sha"}]}]
}
EOF2
}
config $P_ON > "$work/on.json"; config $P_OFF > "$work/off.json"
"${jvm[@]}" -Xmx256m "$here/src/TelemetryBench.java" gateway "$work/on.json" on > "$out/gateway-on.log" 2>&1 & pid_on=$!; pids+=($pid_on)
"${jvm[@]}" -Xmx256m "$here/src/TelemetryBench.java" gateway "$work/off.json" off > "$out/gateway-off.log" 2>&1 & pid_off=$!; pids+=($pid_off)
wait_port $P_ORIGIN 10; wait_port $P_ON 60; wait_port $P_OFF 60

{ printf 'wrk.method = "POST"\nwrk.body = %s\n' "'$AI_BODY'"
  printf 'wrk.headers["Content-Type"] = "application/json"\nwrk.headers["Authorization"] = "Bearer %s"\n' "$ai_key"
  cat <<'EOF2'
function done(summary, latency, requests)
  io.write(string.format("WRK requests=%d rps=%.1f p50_us=%.1f p99_us=%.1f errors=%d non2xx=%d\n",
    summary.requests, summary.requests / (summary.duration / 1e6), latency:percentile(50), latency:percentile(99),
    summary.errors.connect + summary.errors.read + summary.errors.write + summary.errors.timeout, summary.errors.status))
end
EOF2
} > "$work/post.lua"
for p in $P_ON $P_OFF; do
  code=$(curl -s -o "$out/check-$p.json" -w '%{http_code}' -X POST -H 'Content-Type: application/json' \
    -H "Authorization: Bearer $ai_key" --data-binary "$AI_BODY" "http://127.0.0.1:$p$AI_PATH" || true)
  [ "$code" = 200 ] || { log "gateway on port $p answered $code: $(head -c 300 "$out/check-$p.json")"; exit 1; }
done

run_wrk() {  # port seconds name
  wrk -t2 -c"$WRK_CONNS" -d"$2s" -s "$work/post.lua" "http://127.0.0.1:$1$AI_PATH" > "$out/$3.txt" 2>&1 || true
  grep '^WRK ' "$out/$3.txt" || echo "WRK requests=0 rps=0 p50_us=0 p99_us=0 errors=0 non2xx=0"
}
field() { sed -n "s/.* $1=\([^ ]*\).*/\1/p" <<<"$2" | head -1; }
cpu_ticks() { awk '{print $14 + $15}' "/proc/$1/stat"; }
median() { tr ' ' '\n' | grep . | sort -g | awk '{v[NR] = $1} END {print (NR % 2) ? v[(NR + 1) / 2] : (v[NR / 2] + v[NR / 2 + 1]) / 2}'; }

log "2. end to end: warm-up 8 s each, then $E2E_ROUNDS rounds of ${E2E_SECONDS} s, with and without telemetry in turns"
run_wrk $P_ON 8 warmup-on >/dev/null; run_wrk $P_OFF 8 warmup-off >/dev/null
rps_on=""; rps_off=""; us_on=""; us_off=""; req_on=0; bad=0
for ((round = 1; round <= E2E_ROUNDS; round++)); do
  for side in off on; do
    if [ $side = on ]; then port=$P_ON; pid=$pid_on; else port=$P_OFF; pid=$pid_off; fi
    c0=$(cpu_ticks "$pid")
    r=$(run_wrk "$port" "$E2E_SECONDS" "$side-$round")
    ticks=$(( $(cpu_ticks "$pid") - c0 ))
    n=$(field requests "$r")
    us=$(awk -v c="$ticks" -v n="$n" 'BEGIN{printf "%.2f", n ? c * 10000 / n : 0}')
    bad=$((bad + $(field errors "$r") + $(field non2xx "$r")))
    if [ $side = on ]; then rps_on="$rps_on $(field rps "$r")"; us_on="$us_on $us"; req_on=$((req_on + n))
    else rps_off="$rps_off $(field rps "$r")"; us_off="$us_off $us"; fi
    log "   round $round $side: $(field rps "$r") req/s, p50 $(field p50_us "$r") us, p99 $(field p99_us "$r") us, CPU $us us/req"
  done
done
sleep 1.5
counted=$(grep '^COUNTED' "$out/gateway-on.log" | tail -1)
m_rps_on=$(median <<<"$rps_on"); m_rps_off=$(median <<<"$rps_off")
m_us_on=$(median <<<"$us_on"); m_us_off=$(median <<<"$us_off")
echo "E2E off: median ${m_rps_off} req/s, CPU ${m_us_off} us/req (rounds:${rps_off} req/s;${us_off} us/req)"
echo "E2E on:  median ${m_rps_on} req/s, CPU ${m_us_on} us/req (rounds:${rps_on} req/s;${us_on} us/req)"
echo "E2E added CPU per request: $(awk -v a="$m_us_on" -v b="$m_us_off" 'BEGIN{printf "%.2f", a - b}') us (target < 20 us);" \
  "socket errors + non-2xx: $bad; telemetry's own count: $counted (wrk sent $req_on timed + warm-up + 1 check)"
log "load after: $(cut -d' ' -f1-3 /proc/loadavg); raw output in $out"
