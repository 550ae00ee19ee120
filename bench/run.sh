#!/usr/bin/env bash
# Gatehouse performance acceptance, in one run, Gatehouse and nginx side by side on the same
# origin and the same load generator (wrk). Prints a markdown table with PASS/FAIL per target and
# keeps every raw output under bench/out/. Loopback only; every phase is bounded in time.
#   bench/run.sh            (as root, or with nginx and wrk already installed)
# Knobs (environment): TP_SECONDS (6) TP_ROUNDS (3) LAT_SECONDS (15) SSE_STREAMS (1000) SSE_CHUNKS (40)
#   SSE_INTERVAL_MS (100) RELOAD_ROUTES (10000) RELOAD_REPS (20) WRK_CONNS (64)
#   AI_ROUNDS (4) AI_SECONDS (5): the AI-path latency rounds; AI_JFR=1 records a JFR profile of
#   Gatehouse during the AI throughput phase into bench/out/ai-path.jfr
set -euo pipefail

here=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
root=$(cd "$here/.." && pwd)
out="$here/out"
TP_SECONDS=${TP_SECONDS:-6}
TP_ROUNDS=${TP_ROUNDS:-3}
LAT_SECONDS=${LAT_SECONDS:-15}
WRK_CONNS=${WRK_CONNS:-64}
LAT_CONNS=${LAT_CONNS:-21}
LAT_GAP_MS=${LAT_GAP_MS:-10}
SSE_STREAMS=${SSE_STREAMS:-1000}
SSE_CHUNKS=${SSE_CHUNKS:-40}
SSE_INTERVAL_MS=${SSE_INTERVAL_MS:-100}
RELOAD_ROUTES=${RELOAD_ROUTES:-10000}
RELOAD_REPS=${RELOAD_REPS:-20}
AI_ROUNDS=${AI_ROUNDS:-4}
AI_SECONDS=${AI_SECONDS:-5}
AI_JFR=${AI_JFR:-0}

# Fixed loopback ports.
P_ORIGIN=18081     # nginx: the static 200-byte JSON origin (1 worker)
P_NGINX=18082      # nginx: the reference proxy (2 workers) in front of the origin
P_GATEHOUSE=18080  # Gatehouse in front of the origin (and of the SSE origin)
P_SSE=18083        # the bench tool's SSE origin (stamps every chunk)
JSON_PATH=/data.json
AI_PATH=/v1/chat/completions                # Gatehouse: the AI route (key, limits, token accounting)
PLAIN_POST_PATH=/plain/v1/chat/completions  # Gatehouse: a plain proxy route to the same answer
AI_MODEL=bench-model
AI_BODY='{"model":"'$AI_MODEL'","messages":[{"role":"user","content":"hi"}]}'

log() { printf '[bench %s] %s\n' "$(date +%H:%M:%S)" "$*" >&2; }
started=$(date +%s)
load_before=$(cut -d" " -f1-3 /proc/loadavg)

# ------------------------------------------------------------------ tools
# shellcheck source=lib.sh
source "$here/lib.sh"
bench_need_nginx_wrk
# shellcheck source=../tools/find-jdk.sh
source "$root/tools/find-jdk.sh"
# The launcher builds when the jar is missing or sources changed; do that now, not while timing.
"$root/gatehouse" --version >/dev/null
ulimit -n 65536 2>/dev/null || ulimit -n "$(ulimit -Hn)"
log "fd limit $(ulimit -n); $(nproc) cores; java $("$JAVA_HOME/bin/java" -version 2>&1 | head -1); $(nginx -v 2>&1); $(wrk -v 2>&1 | head -1)"

rm -rf "$out"; mkdir -p "$out"
bench_workdir bench

bench_java() { "$JAVA_HOME/bin/java" --enable-native-access=ALL-UNNAMED -cp "$root/app/target/lib/*" "$here/src/GatehouseBench.java" "$@"; }
# For "bench_java_bg ... &": exec, so that $! is the JVM itself and the EXIT trap can stop it.
bench_java_bg() { exec "$JAVA_HOME/bin/java" --enable-native-access=ALL-UNNAMED -cp "$root/app/target/lib/*" "$here/src/GatehouseBench.java" "$@"; }

# ------------------------------------------------------------------ origin + reference nginx
# A 200-byte JSON body (an OpenAI-style completion padded with "x").
prefix='{"id":"cmpl-bench","object":"chat.completion","model":"bench","usage":{"prompt_tokens":5,"completion_tokens":7},"text":"'
pad=$((200 - ${#prefix} - 2))
body="$prefix$(head -c "$pad" /dev/zero | tr '\0' x)\"}"
echo -n "$body" > "$work/data.json"
# The origin's chat completion (non-streamed, with usage), for the AI route and the plain POST route.
chat=$(bench_chat_answer "$AI_MODEL")

common_nginx() {  # name
  cat <<EOF
daemon off;
master_process on;
pid $work/$1.pid;
error_log $work/$1-error.log warn;
worker_rlimit_nofile 65536;
events { worker_connections 16384; multi_accept on; }
EOF
}
{ common_nginx origin; cat <<EOF
worker_processes 1;
http {
  access_log off;
  client_body_temp_path $work/origin-tmp;
  keepalive_requests 1000000;
  keepalive_timeout 120s;
  server {
    listen 127.0.0.1:$P_ORIGIN reuseport backlog=4096;
    location = $JSON_PATH { default_type application/json; return 200 '$body'; }
    location = $AI_PATH { default_type application/json; return 200 '$chat'; }
    location = $PLAIN_POST_PATH { default_type application/json; return 200 '$chat'; }
    location / { return 404; }
  }
}
EOF
} > "$work/origin.conf"
{ common_nginx proxy; cat <<EOF
worker_processes 2;
http {
  access_log off;
  client_body_temp_path $work/proxy-tmp;
  proxy_temp_path $work/proxy-tmp2;
  keepalive_requests 1000000;
  keepalive_timeout 120s;
  upstream origin { server 127.0.0.1:$P_ORIGIN; keepalive 64; keepalive_requests 1000000; }
  server {
    listen 127.0.0.1:$P_NGINX backlog=4096;
    location / {
      proxy_pass http://origin;
      proxy_http_version 1.1;
      proxy_set_header Connection "";
    }
  }
}
EOF
} > "$work/proxy.conf"
cp "$work/origin.conf" "$work/proxy.conf" "$out/"

nginx -e "$work/origin-boot.log" -p "$work" -c "$work/origin.conf" & pids+=($!)
nginx -e "$work/proxy-boot.log" -p "$work" -c "$work/proxy.conf" & pids+=($!)
bench_java_bg sse-origin "$P_SSE" > "$out/sse-origin.log" 2>&1 & pids+=($!)

# ------------------------------------------------------------------ Gatehouse
# One consumer with a fresh key; the config holds only its salted hash. Limits are high enough never
# to trigger but still checked on every request: 10^9 tokens per minute, the most the config accepts.
keyline=$(bench_java keygen) || { log "GatehouseBench keygen failed"; exit 1; }
ai_key=$(sed -n 's/.*KEY=\([^ ]*\).*/\1/p' <<<"$keyline")
ai_salt=$(sed -n 's/.*SALT=\([^ ]*\).*/\1/p' <<<"$keyline")
ai_sha=$(sed -n 's/.*SHA256=\([^ ]*\).*/\1/p' <<<"$keyline")
[ -n "$ai_key" ] && [ -n "$ai_salt" ] && [ -n "$ai_sha" ] || { log "keygen printed no key: $keyline"; exit 1; }
cat > "$work/gatehouse.json" <<EOF
{
  "listeners": [{"name": "bench", "host": "127.0.0.1", "port": $P_GATEHOUSE}],
  "pools": [
    {"name": "static", "balancer": {"strategy": "round_robin"}, "healthCheck": {"enabled": false},
     "endpoints": [{"host": "127.0.0.1", "port": $P_ORIGIN}]},
    {"name": "sse", "balancer": {"strategy": "round_robin"}, "healthCheck": {"enabled": false},
     "endpoints": [{"host": "127.0.0.1", "port": $P_SSE}]}
  ],
  "routes": [
    {"name": "sse", "priority": 10, "pool": "sse", "match": {"path": {"kind": "prefix", "value": "/sse"}}},
    {"name": "ai-chat", "priority": 20, "pool": "static",
     "match": {"path": {"kind": "exact", "value": "$AI_PATH"}, "methods": ["POST"], "models": ["$AI_MODEL"]},
     "ai": {"requireKey": true, "limits": {"requestsPerMinute": 100000000, "tokensPerMinute": 1000000000}}},
    {"name": "plain-post", "priority": 20, "pool": "static",
     "match": {"path": {"kind": "exact", "value": "$PLAIN_POST_PATH"}, "methods": ["POST"]}},
    {"name": "static", "pool": "static", "match": {"path": {"kind": "prefix", "value": "/"}}}
  ],
  "consumers": [
    {"name": "bench", "keys": [{"salt": "$ai_salt", "sha256": "$ai_sha"}],
     "limits": {"requestsPerMinute": 100000000, "tokensPerMinute": 1000000000,
                "tokensPerDay": 100000000000000, "tokensPerMonth": 100000000000000}}
  ]
}
EOF
cp "$work/gatehouse.json" "$out/"
GATEHOUSE_JAVA_OPTS="-Xmx256m --enable-native-access=ALL-UNNAMED ${BENCH_JVM_OPTS:-}" \
  "$root/gatehouse" serve --config "$work/gatehouse.json" --home "$work/home" --no-access-log \
  --admin-listen 127.0.0.1:18089 > "$out/gatehouse.log" 2>&1 & gh_pid=$!
pids+=($gh_pid)

wait_port $P_ORIGIN 10; wait_port $P_NGINX 10; wait_port $P_SSE 30; wait_port $P_GATEHOUSE 60
# The launcher execs java, so $gh_pid is the JVM.
# Which transport its event loops run, as `serve` prints it just after it listens
# (BENCH_JVM_OPTS=-Dgatehouse.transport=epoll|io_uring|nio picks one).
for ((i = 0; i < 50; i++)); do grep -q '^Sockets: ' "$out/gatehouse.log" && break; sleep 0.1; done
gh_transport=$(sed -n 's/^Sockets: //p' "$out/gatehouse.log" | head -n1)
gh_transport=${gh_transport:-"transport unknown"}
for p in $P_ORIGIN $P_NGINX $P_GATEHOUSE; do
  code=$(curl -s -o "$out/check-$p.json" -w '%{http_code}' "http://127.0.0.1:$p$JSON_PATH")
  [ "$code" = 200 ] && cmp -s "$out/check-$p.json" "$work/data.json" || { log "port $p answered $code, not the origin's body"; exit 1; }
done
# The AI route must answer 200 with the origin's completion (a 401 or 429 here is a broken setup),
# refuse a request without a key (auth is on), and the plain POST route must pass the same answer.
post() {  # url out-file [curl args...]
  local url=$1 file=$2; shift 2
  curl -s -o "$file" -w '%{http_code}' -X POST -H 'Content-Type: application/json' --data-binary "$AI_BODY" "$@" "$url" || true
}
code=$(post "http://127.0.0.1:$P_GATEHOUSE$AI_PATH" "$out/check-ai.json" -H "Authorization: Bearer $ai_key")
grep -q '"total_tokens":11' "$out/check-ai.json" 2>/dev/null && [ "$code" = 200 ] \
  || { log "AI route answered $code, not the origin's completion: $(head -c 300 "$out/check-ai.json")"; exit 1; }
code=$(post "http://127.0.0.1:$P_GATEHOUSE$AI_PATH" "$out/check-ai-nokey.json")
[ "$code" = 401 ] || { log "AI route without a key answered $code, not 401: auth is not on"; exit 1; }
for p in $P_ORIGIN $P_GATEHOUSE; do
  code=$(post "http://127.0.0.1:$p$PLAIN_POST_PATH" "$out/check-plain-post-$p.json" -H "Authorization: Bearer $ai_key")
  [ "$code" = 200 ] && [ "$(cat "$out/check-plain-post-$p.json")" = "$chat" ] \
    || { log "port $p answered $code to the plain POST, not the origin's completion"; exit 1; }
done
log "origin, nginx, SSE origin and Gatehouse (pid $gh_pid, $gh_transport) are up; body ${#body} bytes; AI route and plain POST answer 200"

# ------------------------------------------------------------------ wrk scripts
cat > "$work/report.lua" <<'EOF'
function done(summary, latency, requests)
  local e = summary.errors
  io.write(string.format("WRK requests=%d duration_s=%.3f rps=%.1f p50_us=%.1f p90_us=%.1f p99_us=%.1f p999_us=%.1f max_us=%.1f socket_errors=%d non2xx=%d\n",
    summary.requests, summary.duration / 1e6, summary.requests / (summary.duration / 1e6),
    latency:percentile(50), latency:percentile(90), latency:percentile(99), latency:percentile(99.9), latency.max,
    e.connect + e.read + e.write + e.timeout, e.status))
end
EOF
{ cat "$work/report.lua"; echo "function delay() return $LAT_GAP_MS end"; } > "$work/paced.lua"
# The chat request: the same POST (body, Content-Type, Authorization) to the AI and the plain route.
{ printf 'wrk.method = "POST"\nwrk.body = %s\n' "'$AI_BODY'"
  printf 'wrk.headers["Content-Type"] = "application/json"\nwrk.headers["Authorization"] = "Bearer %s"\n' "$ai_key"
  cat "$work/report.lua"; } > "$work/post.lua"
{ cat "$work/post.lua"; echo "function delay() return $LAT_GAP_MS end"; } > "$work/post-paced.lua"

run_wrk() {  # name url threads conns seconds script
  wrk -t"$2" -c"$3" -d"$4s" --latency -s "$5" "$1" > "$out/$6.txt" 2>&1 || true
  grep '^WRK ' "$out/$6.txt" || { log "wrk $6 printed no summary"; echo "WRK requests=0 rps=0 p50_us=0 p99_us=0 socket_errors=0 non2xx=0"; }
}
field() { sed -n "s/.* $1=\([^ ]*\).*/\1/p" <<<"$2" | head -1; }

# ------------------------------------------------------------------ 1. throughput
log "warm-up: Gatehouse 10 s, nginx 3 s, direct 2 s (JIT, connection pools)"
run_wrk "http://127.0.0.1:$P_GATEHOUSE$JSON_PATH" 2 "$WRK_CONNS" 10 "$work/report.lua" warmup-gatehouse >/dev/null
run_wrk "http://127.0.0.1:$P_NGINX$JSON_PATH" 2 "$WRK_CONNS" 3 "$work/report.lua" warmup-nginx >/dev/null
run_wrk "http://127.0.0.1:$P_ORIGIN$JSON_PATH" 2 "$WRK_CONNS" 2 "$work/report.lua" warmup-direct >/dev/null

cpu_ticks() { local t=0 p; for p in "$@"; do t=$((t + $(awk '{print $14 + $15}' "/proc/$p/stat" 2>/dev/null || echo 0))); done; echo $t; }
median() { tr ' ' '\n' | grep . | sort -g | awk '{v[NR] = $1} END {print (NR % 2) ? v[(NR + 1) / 2] : (v[NR / 2] + v[NR / 2 + 1]) / 2}'; }
nginx_pids="$(cat "$work/proxy.pid") $(pgrep -P "$(cat "$work/proxy.pid")" | tr '\n' ' ')"
log "1. throughput: wrk -t2 -c$WRK_CONNS, keep-alive, $TP_ROUNDS rounds of ${TP_SECONDS}s, nginx and Gatehouse alternating"
tp_direct=$(run_wrk "http://127.0.0.1:$P_ORIGIN$JSON_PATH" 2 "$WRK_CONNS" "$TP_SECONDS" "$work/report.lua" tp-direct)
rps_nginx=""; rps_gh=""; req_nginx=0; req_gh=0; cpu_nginx=0; cpu_gh=0
for ((round = 1; round <= TP_ROUNDS; round++)); do
  c0=$(cpu_ticks $nginx_pids)
  r=$(run_wrk "http://127.0.0.1:$P_NGINX$JSON_PATH" 2 "$WRK_CONNS" "$TP_SECONDS" "$work/report.lua" "tp-nginx-$round")
  cpu_nginx=$((cpu_nginx + $(cpu_ticks $nginx_pids) - c0))
  rps_nginx="$rps_nginx $(field rps "$r")"; req_nginx=$((req_nginx + $(field requests "$r")))
  c0=$(cpu_ticks "$gh_pid")
  r=$(run_wrk "http://127.0.0.1:$P_GATEHOUSE$JSON_PATH" 2 "$WRK_CONNS" "$TP_SECONDS" "$work/report.lua" "tp-gatehouse-$round")
  cpu_gh=$((cpu_gh + $(cpu_ticks "$gh_pid") - c0))
  rps_gh="$rps_gh $(field rps "$r")"; req_gh=$((req_gh + $(field requests "$r")))
  errs_gh=$(( ${errs_gh:-0} + $(field socket_errors "$r") + $(field non2xx "$r") ))
  log "   round $round: nginx $(field rps "$(grep '^WRK' "$out/tp-nginx-$round.txt")") req/s, Gatehouse $(field rps "$r") req/s"
done
# CPU per request of the proxy process(es), user + system, from /proc (10 ms ticks): steadier than req/s
# when other work shares the machine.
us_nginx=$(awk -v c="$cpu_nginx" -v r="$req_nginx" 'BEGIN{printf "%.1f", r ? c * 10000 / r : 0}')
us_gh=$(awk -v c="$cpu_gh" -v r="$req_gh" 'BEGIN{printf "%.1f", r ? c * 10000 / r : 0}')
tp_nginx="WRK rps=$(median <<<"$rps_nginx")"; tp_gh="WRK rps=$(median <<<"$rps_gh")"
log "   direct: $tp_direct"; log "   nginx req/s:$rps_nginx, CPU $us_nginx µs/req"; log "   Gatehouse req/s:$rps_gh, CPU $us_gh µs/req"

# ------------------------------------------------------------------ 2. latency at a constant rate
log "2. latency at ~2000 req/s: wrk -t1 -c$LAT_CONNS, ${LAT_GAP_MS} ms pause per connection, ${LAT_SECONDS}s each path"
lat_direct=$(run_wrk "http://127.0.0.1:$P_ORIGIN$JSON_PATH" 1 "$LAT_CONNS" "$LAT_SECONDS" "$work/paced.lua" lat-direct)
lat_nginx=$(run_wrk "http://127.0.0.1:$P_NGINX$JSON_PATH" 1 "$LAT_CONNS" "$LAT_SECONDS" "$work/paced.lua" lat-nginx)
lat_gh=$(run_wrk "http://127.0.0.1:$P_GATEHOUSE$JSON_PATH" 1 "$LAT_CONNS" "$LAT_SECONDS" "$work/paced.lua" lat-gatehouse)
log "   direct: $lat_direct"; log "   nginx: $lat_nginx"; log "   gatehouse: $lat_gh"

# ------------------------------------------------------------------ 5. the AI path
# AI route (key check, limits, token accounting) vs a plain proxy route answering the same POST
# with the same completion from the origin, so the difference is the AI processing, not the body.
# The throughput phase (wrk -c$WRK_CONNS) doubles as the JIT warm-up of both POST paths.
ai_bad=0
check_ai() {  # name wrk-summary: any socket error or non-2xx on a POST path is a broken setup
  local e=$(( $(field socket_errors "$2") + $(field non2xx "$2") ))
  if [ "$e" -ne 0 ] || [ "$(field requests "$2")" = 0 ]; then
    log "   !!! $1: $e socket errors / non-2xx answers (a 401 or 429 means the bench setup is broken) - see $out/$1.txt"
    ai_bad=$((ai_bad + e + 1))
  fi
}
log "5. AI path: warm-up (AI route and plain POST, 4 s each)"
r=$(run_wrk "http://127.0.0.1:$P_GATEHOUSE$AI_PATH" 2 "$WRK_CONNS" 4 "$work/post.lua" warmup-ai); check_ai warmup-ai "$r"
r=$(run_wrk "http://127.0.0.1:$P_GATEHOUSE$PLAIN_POST_PATH" 2 "$WRK_CONNS" 4 "$work/post.lua" warmup-plain-post); check_ai warmup-plain-post "$r"
log "   throughput: wrk -t2 -c$WRK_CONNS, ${TP_SECONDS}s each, plain POST then AI route"
c0=$(cpu_ticks "$gh_pid")
tp_pp=$(run_wrk "http://127.0.0.1:$P_GATEHOUSE$PLAIN_POST_PATH" 2 "$WRK_CONNS" "$TP_SECONDS" "$work/post.lua" tp-plain-post)
cpu_pp=$(( $(cpu_ticks "$gh_pid") - c0 )); check_ai tp-plain-post "$tp_pp"
if [ "$AI_JFR" = 1 ]; then
  "$JAVA_HOME/bin/jcmd" "$gh_pid" JFR.start name=aipath settings=profile > "$out/jfr-start.txt" 2>&1 || true
fi
c0=$(cpu_ticks "$gh_pid")
tp_ai=$(run_wrk "http://127.0.0.1:$P_GATEHOUSE$AI_PATH" 2 "$WRK_CONNS" "$TP_SECONDS" "$work/post.lua" tp-ai)
cpu_ai=$(( $(cpu_ticks "$gh_pid") - c0 )); check_ai tp-ai "$tp_ai"
if [ "$AI_JFR" = 1 ]; then
  "$JAVA_HOME/bin/jcmd" "$gh_pid" JFR.stop name=aipath filename="$out/ai-path.jfr" > "$out/jfr-stop.txt" 2>&1 || true
fi
us_pp=$(awk -v c="$cpu_pp" -v r="$(field requests "$tp_pp")" 'BEGIN{printf "%.1f", r ? c * 10000 / r : 0}')
us_ai=$(awk -v c="$cpu_ai" -v r="$(field requests "$tp_ai")" 'BEGIN{printf "%.1f", r ? c * 10000 / r : 0}')
log "   plain POST: $tp_pp (CPU $us_pp µs/req)"; log "   AI route: $tp_ai (CPU $us_ai µs/req)"
# Each round: direct POST, then the plain POST and the AI route back to back, in alternating order
# (so neither always runs second); the verdict is on the median of the per-round differences, which
# cancels background load that drifts between rounds.
log "   latency at ~2000 req/s: $AI_ROUNDS rounds of ${AI_SECONDS}s, each: direct POST, then Gatehouse plain POST and AI route (order alternating)"
ai_p50=""; ai_p99=""; pp_p50=""; pp_p99=""; dp_p50=""; dp_p99=""; ai_lrps=""; ai_d50=""
for ((round = 1; round <= AI_ROUNDS; round++)); do
  d=$(run_wrk "http://127.0.0.1:$P_ORIGIN$PLAIN_POST_PATH" 1 "$LAT_CONNS" "$AI_SECONDS" "$work/post-paced.lua" "lat-direct-post-$round")
  if ((round % 2)); then
    pp=$(run_wrk "http://127.0.0.1:$P_GATEHOUSE$PLAIN_POST_PATH" 1 "$LAT_CONNS" "$AI_SECONDS" "$work/post-paced.lua" "lat-plain-post-$round")
    ai=$(run_wrk "http://127.0.0.1:$P_GATEHOUSE$AI_PATH" 1 "$LAT_CONNS" "$AI_SECONDS" "$work/post-paced.lua" "lat-ai-$round")
  else
    ai=$(run_wrk "http://127.0.0.1:$P_GATEHOUSE$AI_PATH" 1 "$LAT_CONNS" "$AI_SECONDS" "$work/post-paced.lua" "lat-ai-$round")
    pp=$(run_wrk "http://127.0.0.1:$P_GATEHOUSE$PLAIN_POST_PATH" 1 "$LAT_CONNS" "$AI_SECONDS" "$work/post-paced.lua" "lat-plain-post-$round")
  fi
  ai_d50="$ai_d50 $(awk -v a="$(field p50_us "$ai")" -v b="$(field p50_us "$pp")" 'BEGIN{print a - b}')"
  check_ai "lat-direct-post-$round" "$d"; check_ai "lat-plain-post-$round" "$pp"; check_ai "lat-ai-$round" "$ai"
  dp_p50="$dp_p50 $(field p50_us "$d")"; dp_p99="$dp_p99 $(field p99_us "$d")"
  pp_p50="$pp_p50 $(field p50_us "$pp")"; pp_p99="$pp_p99 $(field p99_us "$pp")"
  ai_p50="$ai_p50 $(field p50_us "$ai")"; ai_p99="$ai_p99 $(field p99_us "$ai")"
  ai_lrps="$ai_lrps $(field rps "$ai")"
  log "   round $round p50/p99 µs: direct $(field p50_us "$d")/$(field p99_us "$d"), plain POST $(field p50_us "$pp")/$(field p99_us "$pp"), AI $(field p50_us "$ai")/$(field p99_us "$ai") at $(field rps "$ai") req/s"
done
[ "$ai_bad" -eq 0 ] || log "!!! the AI path had errors or non-2xx answers: its rows FAIL (see bench/out/lat-ai-*.txt, tp-ai.txt)"

# ------------------------------------------------------------------ 3. SSE streams
log "3. SSE: warm-up through Gatehouse (200 streams x 20 chunks x 50 ms)"
bench_java sse-client 127.0.0.1 $P_GATEHOUSE 200 20 50 warmup > "$out/sse-warmup.txt" 2>&1 || true
log "   direct: $SSE_STREAMS streams x $SSE_CHUNKS chunks x $SSE_INTERVAL_MS ms"
bench_java sse-client 127.0.0.1 $P_SSE "$SSE_STREAMS" "$SSE_CHUNKS" "$SSE_INTERVAL_MS" direct > "$out/sse-direct.txt" 2>&1 || true
log "   through Gatehouse, pass 1 (heap): the same; a full GC is forced once all streams are open"
bench_java_bg sse-client 127.0.0.1 $P_GATEHOUSE "$SSE_STREAMS" "$SSE_CHUNKS" "$SSE_INTERVAL_MS" gatehouse-heap > "$out/sse-gatehouse-heap.txt" 2>&1 &
sse_client=$!; pids+=($sse_client)
heap_used_mb=NaN; open_conns=0; rss_mb=NaN
for ((i = 0; i < 200; i++)); do
  grep -q ALL_STREAMS_OPEN "$out/sse-gatehouse-heap.txt" 2>/dev/null && break
  kill -0 $sse_client 2>/dev/null || break
  sleep 0.1
done
if grep -q ALL_STREAMS_OPEN "$out/sse-gatehouse-heap.txt" 2>/dev/null; then
  sleep 1
  open_conns=$(ss -Htn state established "( sport = :$P_GATEHOUSE )" | wc -l)
  "$JAVA_HOME/bin/jcmd" "$gh_pid" GC.run > "$out/sse-gc-run.txt" 2>&1 || true
  "$JAVA_HOME/bin/jcmd" "$gh_pid" GC.heap_info > "$out/sse-heap-info.txt" 2>&1 || true
  grep -i VmRSS "/proc/$gh_pid/status" > "$out/sse-rss.txt" || true
  used_k=$(grep -o 'used [0-9]*K' "$out/sse-heap-info.txt" | head -1 | tr -dc 0-9)
  [ -n "$used_k" ] && heap_used_mb=$(awk -v k="$used_k" 'BEGIN{printf "%.1f", k/1024}')
  rss_mb=$(awk '{printf "%.0f", $2/1024}' "$out/sse-rss.txt" 2>/dev/null || echo NaN)
  log "   open client connections on Gatehouse: $open_conns; heap used after GC: ${heap_used_mb} MB; RSS ${rss_mb} MB"
else
  log "   the streams never all opened (see $out/sse-gatehouse-heap.txt)"
fi
wait $sse_client || true
# The forced full GC stalls every stream for its duration, so per-chunk delays come from a
# second pass that nothing disturbs.
log "   through Gatehouse, pass 2 (per-chunk delay): the same, undisturbed"
bench_java sse-client 127.0.0.1 $P_GATEHOUSE "$SSE_STREAMS" "$SSE_CHUNKS" "$SSE_INTERVAL_MS" gatehouse > "$out/sse-gatehouse.txt" 2>&1 || true
sse_heap_pass=$(grep '^SSE ' "$out/sse-gatehouse-heap.txt" || echo "SSE completed=0")
log "   gatehouse (heap pass): $sse_heap_pass"
sse_direct=$(grep '^SSE ' "$out/sse-direct.txt" || echo "SSE completed=0")
sse_gh=$(grep '^SSE ' "$out/sse-gatehouse.txt" || echo "SSE completed=0")
log "   direct: $sse_direct"; log "   gatehouse: $sse_gh"

# ------------------------------------------------------------------ 4. reload
log "4. apply a $RELOAD_ROUTES-route config ($RELOAD_REPS timed repetitions after warm-up)"
bench_java reload "$RELOAD_ROUTES" "$RELOAD_REPS" > "$out/reload.txt" 2>&1 || true
reload=$(grep '^RELOAD ' "$out/reload.txt" || echo "RELOAD median_ms=NaN max_ms=NaN")
log "   $reload"

# ------------------------------------------------------------------ table
num() { local v; v=$(field "$1" "$2"); echo "${v:-NaN}"; }
verdict() { awk -v a="$1" "BEGIN{ if (a ~ /nan/ || a == \"\") {print \"FAIL\"; exit} print (a $2) ? \"PASS\" : \"FAIL\" }"; }
fmt() { awk -v a="$1" 'BEGIN{printf "%.0f", a}'; }
diff_us() { awk -v a="$1" -v b="$2" 'BEGIN{printf "%+.0f", a - b}'; }

rd=$(num rps "$tp_direct"); rn=$(num rps "$tp_nginx"); rg=$(num rps "$tp_gh")
ld50=$(num p50_us "$lat_direct"); ln50=$(num p50_us "$lat_nginx"); lg50=$(num p50_us "$lat_gh")
ld99=$(num p99_us "$lat_direct"); ln99=$(num p99_us "$lat_nginx"); lg99=$(num p99_us "$lat_gh")
lrd=$(num rps "$lat_direct"); lrn=$(num rps "$lat_nginx"); lrg=$(num rps "$lat_gh")
add50=$(awk -v a="$lg50" -v b="$ld50" 'BEGIN{print a - b}')
add99=$(awk -v a="$lg99" -v b="$ld99" 'BEGIN{print a - b}')
sd_ok=$(num completed "$sse_direct"); sg_ok=$(num completed "$sse_gh")
sd50=$(num p50_us "$sse_direct"); sg50=$(num p50_us "$sse_gh")
sd99=$(num p99_us "$sse_direct"); sg99=$(num p99_us "$sse_gh")
sdmax=$(num max_us "$sse_direct"); sgmax=$(num max_us "$sse_gh")
sd1=$(num within_1ms_pct "$sse_direct"); sg1=$(num within_1ms_pct "$sse_gh")
sadd99=$(awk -v a="$sg99" -v b="$sd99" 'BEGIN{print a - b}')
rl_med=$(num median_ms "$reload"); rl_max=$(num max_ms "$reload"); rl_cold=$(num cold_ms "$reload")
m50d=$(median <<<"$dp_p50"); m99d=$(median <<<"$dp_p99")
m50p=$(median <<<"$pp_p50"); m99p=$(median <<<"$pp_p99")
m50a=$(median <<<"$ai_p50"); m99a=$(median <<<"$ai_p99"); mrps_ai=$(median <<<"$ai_lrps")
# The verdict: median over rounds of (AI p50 - plain POST p50), each pair measured back to back.
ai_add50=$(median <<<"$ai_d50")
ai_d50_list=$(for v in $ai_d50; do printf '%+.0f ' "$v"; done)
# Any error or non-2xx on the POST paths makes the AI verdict FAIL, whatever the latency.
[ "$ai_bad" -eq 0 ] || ai_add50=NaN
rps_ai=$(num rps "$tp_ai"); rps_pp=$(num rps "$tp_pp")
ai_errs=$(( $(field socket_errors "$tp_ai") + $(field non2xx "$tp_ai") ))

table=$(cat <<EOF
## Gatehouse performance acceptance — $(date -u +%Y-%m-%dT%H:%MZ), $(nproc) cores, loopback

Origin: nginx $(nginx -v 2>&1 | sed 's/.*nginx\///') (1 worker) answering a ${#body}-byte JSON from memory. Reference: nginx proxy, \`worker_processes 2\` (Gatehouse runs 2 event loops on 2 cores), \`upstream { keepalive 64; }\`, HTTP/1.1 to the upstream. Gatehouse: $gh_transport, -Xmx256m. Load: wrk 4.1, keep-alive, on the same 2 cores.

| # | measure | direct | via nginx | via Gatehouse | target | result |
|---|---|---:|---:|---:|---|---|
| 1 | throughput, req/s, median of $TP_ROUNDS alternating ${TP_SECONDS}s rounds (wrk -t2 -c$WRK_CONNS) | $(fmt "$rd") | $(fmt "$rn") | $(fmt "$rg") | Gatehouse ≥ nginx ($(awk -v a="$rg" -v b="$rn" 'BEGIN{printf "%.0f%%", 100*a/b}')) | $(verdict "$rg" ">= $rn") |
| 1b | proxy CPU per request, µs (user+sys of the proxy processes / requests) | – | $us_nginx | $us_gh | (information) | – |
| 2a | latency p50, µs, at $(fmt "$lrg") req/s (direct $(fmt "$lrd"), nginx $(fmt "$lrn")) | $(fmt "$ld50") | $(fmt "$ln50") ($(diff_us "$ln50" "$ld50")) | $(fmt "$lg50") ($(diff_us "$lg50" "$ld50")) | added < 100 µs | $(verdict "$add50" "< 100") |
| 2b | latency p99, µs, same run | $(fmt "$ld99") | $(fmt "$ln99") ($(diff_us "$ln99" "$ld99")) | $(fmt "$lg99") ($(diff_us "$lg99" "$ld99")) | added < 1000 µs | $(verdict "$add99" "< 1000") |
| 3a | SSE streams held at once, completed / $SSE_STREAMS ($SSE_CHUNKS chunks × $SSE_INTERVAL_MS ms) | $sd_ok | – | $sg_ok ($open_conns open client conns) | $SSE_STREAMS | $(verdict "$sg_ok" "== $SSE_STREAMS") |
| 3b | Gatehouse heap used after full GC with the streams open, MB (RSS $rss_mb MB) | – | – | $heap_used_mb | < 256 MB (and -Xmx256m) | $(verdict "$heap_used_mb" "< 256") |
| 3c | SSE per-chunk delay origin→client p50 / p99, µs | $(fmt "$sd50") / $(fmt "$sd99") | – | $(fmt "$sg50") / $(fmt "$sg99") (p50 $(diff_us "$sg50" "$sd50"), p99 $(diff_us "$sg99" "$sd99")) | added p99 < 1000 µs | $(verdict "$sadd99" "< 1000") |
| 3d | SSE chunks arriving within 1 ms of the origin's send, % (max delay µs) | $sd1 ($(fmt "$sdmax")) | – | $sg1 ($(fmt "$sgmax")) | every chunk: 100 % | $(verdict "$sg1" ">= 100") |
| 4 | apply a $RELOAD_ROUTES-route config, ms (median / max of $RELOAD_REPS; first cold apply $rl_cold) | – | – | $rl_med / $rl_max | < 200 ms | $(verdict "$rl_max" "< 200") |
| 5a | AI path latency p50, µs: POST $AI_PATH on the AI route (key, limits, token accounting) vs the same POST on a plain route, at $(fmt "$mrps_ai") req/s, median of $AI_ROUNDS alternating ${AI_SECONDS}s rounds (plain GET: $(fmt "$lg50"), row 2a) | $(fmt "$m50d") (POST) | – | plain POST $(fmt "$m50p") ($(diff_us "$m50p" "$m50d")); AI $(fmt "$m50a") (AI − plain POST per round: ${ai_d50_list% }; median **$(awk -v a="$ai_add50" 'BEGIN{printf "%+.0f", a}')**; $(diff_us "$m50a" "$lg50") over GET) | AI adds < 200 µs p50 over the plain POST | $(verdict "$ai_add50" "< 200") |
| 5b | AI path latency p99, µs, same rounds (plain GET: $(fmt "$lg99"), row 2b) | $(fmt "$m99d") (POST) | – | plain POST $(fmt "$m99p") ($(diff_us "$m99p" "$m99d")); AI $(fmt "$m99a") ($(diff_us "$m99a" "$m99p") over plain POST) | (information) | – |
| 5c | AI path throughput, req/s, wrk -t2 -c$WRK_CONNS, ${TP_SECONDS}s (Gatehouse CPU µs/req) | – | – | AI $(fmt "$rps_ai") ($us_ai µs); plain POST $(fmt "$rps_pp") ($us_pp µs); AI non-2xx + socket errors: $ai_errs | (information) | $([ "$ai_bad" -eq 0 ] && echo "– (all 2xx)" || echo "FAIL (errors)") |

Gatehouse errors during the throughput rounds (socket errors + non-2xx): $errs_gh. Load average before the run: $load_before (other work on the machine shares its 2 cores and shows as noise). Raw outputs: bench/out/. Run took $(( $(date +%s) - started )) s.
EOF
)
echo "$table" | tee "$out/table.md"
# A broken AI setup (401/429/errors) is a failed run, not just a FAIL row.
[ "$ai_bad" -eq 0 ] || { log "the AI path answered errors or non-2xx: the bench setup is broken"; exit 1; }
