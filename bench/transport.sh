#!/usr/bin/env bash
# The gateway on two socket transports side by side (default epoll and io_uring): two Gatehouse
# instances in front of the same nginx origin, loaded in turns by the same wrk, so background load
# on a shared machine hits both alike. Per round: req/s flat out (wrk -t2 -c64), the gateway's CPU
# per request, the whole machine's CPU per request (everything but idle, from /proc/stat: it also
# counts kernel work that a transport might leave to other threads or to softirq time), then
# latency p50/p99 at about 2,000 req/s (bench/run.sh's pacing), then bench/run.sh's 1,000 SSE streams
# (40 chunks 100 ms apart) directly and through each gateway: per-chunk delay p50/p99 and the share
# of chunks within 1 ms. Prints the medians over the rounds as markdown.
#   bench/transport.sh                       (run it under flock /tmp/bench.lock on a shared machine)
# Knobs (environment): TRANSPORTS ("epoll io_uring") ROUNDS (5) TP_SECONDS (6) LAT_SECONDS (6) WRK_CONNS (64)
#   SSE_STREAMS (1000; 0 skips the SSE part) BENCH_JVM_OPTS (extra JVM flags for both gateways)
set -euo pipefail

here=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
root=$(cd "$here/.." && pwd)
out="$here/out/transport"
read -r -a transports <<<"${TRANSPORTS:-epoll io_uring}"
ROUNDS=${ROUNDS:-5}
TP_SECONDS=${TP_SECONDS:-6}
LAT_SECONDS=${LAT_SECONDS:-6}
WRK_CONNS=${WRK_CONNS:-64}
SSE_STREAMS=${SSE_STREAMS:-1000}
P_ORIGIN=18281
P_SSE=18280
JSON_PATH=/data.json

log() { printf '[transport-bench %s] %s\n' "$(date +%H:%M:%S)" "$*" >&2; }
# shellcheck source=lib.sh
source "$here/lib.sh"
bench_need_nginx_wrk
# shellcheck source=../tools/find-jdk.sh
source "$root/tools/find-jdk.sh"
"$root/gatehouse" --version >/dev/null  # builds now if sources changed, not while timing
rm -rf "$out"; mkdir -p "$out"
bench_workdir transport-bench
log "$(nproc) cores, load $(cut -d' ' -f1-3 /proc/loadavg); transports: ${transports[*]}"

cat > "$work/origin.conf" <<EOF
daemon off;
master_process on;
pid $work/origin.pid;
error_log $work/origin-error.log warn;
worker_processes 1;
events { worker_connections 4096; }
http {
  access_log off;
  keepalive_requests 1000000;
  server {
    listen 127.0.0.1:$P_ORIGIN backlog=4096;
    location = $JSON_PATH { default_type application/json; return 200 '{"id":"cmpl-bench","object":"chat.completion","text":"$(head -c 140 /dev/zero | tr '\0' x)"}'; }
  }
}
EOF
nginx -e "$work/origin-boot.log" -p "$work" -c "$work/origin.conf" & pids+=($!)
bench_java() { "$JAVA_HOME/bin/java" --enable-native-access=ALL-UNNAMED -cp "$root/app/target/lib/*" "$here/src/GatehouseBench.java" "$@"; }
# exec, so that $! is the JVM itself and the EXIT trap stops it.
(exec "$JAVA_HOME/bin/java" --enable-native-access=ALL-UNNAMED -cp "$root/app/target/lib/*" "$here/src/GatehouseBench.java" \
  sse-origin $P_SSE > "$out/sse-origin.log" 2>&1) & pids+=($!)

declare -A port gh_pid
next=18282
for t in "${transports[@]}"; do
  port[$t]=$next; next=$((next + 1))
  cat > "$work/gatehouse-$t.json" <<EOF
{
  "listeners": [{"name": "bench", "host": "127.0.0.1", "port": ${port[$t]}}],
  "pools": [{"name": "origin", "balancer": {"strategy": "round_robin"}, "healthCheck": {"enabled": false},
             "endpoints": [{"host": "127.0.0.1", "port": $P_ORIGIN}]},
            {"name": "sse", "balancer": {"strategy": "round_robin"}, "healthCheck": {"enabled": false},
             "endpoints": [{"host": "127.0.0.1", "port": $P_SSE}]}],
  "routes": [{"name": "sse", "priority": 10, "pool": "sse", "match": {"path": {"kind": "prefix", "value": "/sse"}}},
             {"name": "all", "pool": "origin", "match": {"path": {"kind": "prefix", "value": "/"}}}]
}
EOF
  GATEHOUSE_JAVA_OPTS="-Xmx256m -Dgatehouse.transport=$t ${BENCH_JVM_OPTS:-}" "$root/gatehouse" serve --config "$work/gatehouse-$t.json" \
    --home "$work/home-$t" --no-access-log --admin-listen "127.0.0.1:$next" > "$out/gatehouse-$t.log" 2>&1 &
  gh_pid[$t]=$!; pids+=($!); next=$((next + 1))
done
wait_port $P_ORIGIN 10; wait_port $P_SSE 30
for t in "${transports[@]}"; do wait_port "${port[$t]}" 60; done

cat > "$work/report.lua" <<'EOF'
function done(summary, latency, requests)
  io.write(string.format("WRK requests=%d rps=%.1f p50_us=%.1f p99_us=%.1f errors=%d\n",
    summary.requests, summary.requests / (summary.duration / 1e6), latency:percentile(50), latency:percentile(99),
    summary.errors.connect + summary.errors.read + summary.errors.write + summary.errors.timeout + summary.errors.status))
end
EOF
{ cat "$work/report.lua"; echo "function delay() return 10 end"; } > "$work/paced.lua"
field() { sed -n "s/.* $1=\([^ ]*\).*/\1/p" <<<"$2" | head -1; }
proc_ticks() { awk '{print $14 + $15}' "/proc/$1/stat"; }
busy_ticks() { awk '/^cpu / {print $2 + $3 + $4 + $7 + $8 + $9}' /proc/stat; }  # all but idle and iowait
median() { tr ' ' '\n' | grep . | sort -g | awk '{v[NR] = $1} END {print (NR % 2) ? v[(NR + 1) / 2] : (v[NR / 2] + v[NR / 2 + 1]) / 2}'; }
tick_us=$((1000000 / $(getconf CLK_TCK)))

log "warm-up: 10 s per gateway"
for t in "${transports[@]}"; do
  wrk -t2 -c"$WRK_CONNS" -d10s -s "$work/report.lua" "http://127.0.0.1:${port[$t]}$JSON_PATH" > "$out/warmup-$t.txt" 2>&1
done

declare -A rps gh_cpu all_cpu p50 p99 sse50 sse99 sse1ms
for ((round = 1; round <= ROUNDS; round++)); do
  # Alternate which transport goes first, so neither always follows the other.
  order=("${transports[@]}"); ((round % 2 == 0)) && order=($(printf '%s\n' "${transports[@]}" | tac))
  for t in "${order[@]}"; do
    g0=$(proc_ticks "${gh_pid[$t]}"); m0=$(busy_ticks)
    line=$(wrk -t2 -c"$WRK_CONNS" -d"${TP_SECONDS}s" -s "$work/report.lua" "http://127.0.0.1:${port[$t]}$JSON_PATH" \
      | tee "$out/tp-$t-$round.txt" | grep '^WRK ')
    g1=$(proc_ticks "${gh_pid[$t]}"); m1=$(busy_ticks)
    n=$(field requests "$line")
    rps[$t]+=" $(field rps "$line")"
    gh_cpu[$t]+=" $(awk -v d=$((g1 - g0)) -v n="$n" -v u=$tick_us 'BEGIN {printf "%.1f", d * u / n}')"
    all_cpu[$t]+=" $(awk -v d=$((m1 - m0)) -v n="$n" -v u=$tick_us 'BEGIN {printf "%.1f", d * u / n}')"
    line=$(wrk -t1 -c21 -d"${LAT_SECONDS}s" -s "$work/paced.lua" "http://127.0.0.1:${port[$t]}$JSON_PATH" \
      | tee "$out/lat-$t-$round.txt" | grep '^WRK ')
    p50[$t]+=" $(field p50_us "$line")"; p99[$t]+=" $(field p99_us "$line")"
    log "round $round $t: $(field rps "$(cat "$out/tp-$t-$round.txt")") req/s, gateway ${gh_cpu[$t]##* } µs/req, machine ${all_cpu[$t]##* } µs/req; paced p50 ${p50[$t]##* } p99 ${p99[$t]##* } µs"
  done
done

if [ "$SSE_STREAMS" -gt 0 ]; then
  log "SSE: warm-up, 200 streams through each gateway"
  for t in "${transports[@]}"; do bench_java sse-client 127.0.0.1 "${port[$t]}" 200 20 50 warmup > "$out/sse-warmup-$t.txt" 2>&1 || true; done
  for ((round = 1; round <= ROUNDS; round++)); do
    order=(direct "${transports[@]}"); ((round % 2 == 0)) && order=($(printf '%s\n' "${order[@]}" | tac))
    for t in "${order[@]}"; do
      target=$P_SSE; [ "$t" = direct ] || target=${port[$t]}
      line=$(bench_java sse-client 127.0.0.1 "$target" "$SSE_STREAMS" 40 100 "$t" | tee "$out/sse-$t-$round.txt" | grep '^SSE ' || echo "SSE completed=0")
      sse50[$t]+=" $(field p50_us "$line")"; sse99[$t]+=" $(field p99_us "$line")"; sse1ms[$t]+=" $(field within_1ms_pct "$line")"
      log "SSE round $round $t: completed $(field completed "$line"), p50 ${sse50[$t]##* } p99 ${sse99[$t]##* } µs, ${sse1ms[$t]##* } % within 1 ms"
    done
  done
fi

{
  echo "| transport | req/s (median of $ROUNDS) | gateway CPU µs/req | machine CPU µs/req | p50 µs at ~2,000 req/s | p99 µs |"
  echo "|---|---:|---:|---:|---:|---:|"
  for t in "${transports[@]}"; do
    echo "| $t | $(median <<<"${rps[$t]}") | $(median <<<"${gh_cpu[$t]}") | $(median <<<"${all_cpu[$t]}") | $(median <<<"${p50[$t]}") | $(median <<<"${p99[$t]}") |"
  done
  if [ "$SSE_STREAMS" -gt 0 ]; then
    echo
    echo "| SSE, $SSE_STREAMS streams x 40 chunks x 100 ms | per-chunk delay p50 µs | p99 µs | within 1 ms % |"
    echo "|---|---:|---:|---:|"
    for t in direct "${transports[@]}"; do
      echo "| $t | $(median <<<"${sse50[$t]}") | $(median <<<"${sse99[$t]}") | $(median <<<"${sse1ms[$t]}") |"
    done
  fi
  echo
  echo "Per round (req/s; gateway µs/req; machine µs/req; p50; p99; SSE p99):"
  for t in "${transports[@]}"; do
    echo "- $t:${rps[$t]};${gh_cpu[$t]};${all_cpu[$t]};${p50[$t]};${p99[$t]};${sse99[$t]:-}"
  done
  echo
  echo "Load average before: see the log; after: $(cut -d' ' -f1-3 /proc/loadavg)."
} | tee "$out/table.md"
