#!/usr/bin/env bash
# The dashboard under load, as a user runs it: the console (./gatehouse, engine embedded, access
# log on) in a real X server (Xvfb), its Dashboard page open, while wrk drives about 5,000 chat
# requests a second through the embedded gateway to an nginx origin. A flight recording times
# every dashboard update on the FX thread (dev.gatehouse.DashboardUpdate events: applying a poll,
# and the CSS/layout pass of each pulse); the console's heap after a full GC and its RSS are read
# once a minute (class data sharing is off: the JVM records no flight while it writes its archive). Prints markdown; raw outputs in bench/out/dashboard/. Loopback only; bounded.
#   bench/dashboard.sh                 10 minutes at ~5,000 req/s
#   MINUTES=2 bench/dashboard.sh
# Knobs (environment): MINUTES (10) CONNS (52) GAP_MS (10): wrk connections and the pause each
#   takes between requests (52 x ~97/s = ~5,000 req/s); BUILD (1): 0 reuses the last build.
set -euo pipefail

here=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
root=$(cd "$here/.." && pwd)
out="$here/out/dashboard"
MINUTES=${MINUTES:-10}
CONNS=${CONNS:-52}
GAP_MS=${GAP_MS:-10}
BUILD=${BUILD:-1}
P_ORIGIN=18481; P_GATEHOUSE=18480; DISPLAY_NO=97
AI_PATH=/v1/chat/completions
AI_BODY='{"model":"bench-model","messages":[{"role":"user","content":"hi"}]}'

log() { printf '[dashboard-bench %s] %s\n' "$(date +%H:%M:%S)" "$*" >&2; }
# shellcheck source=lib.sh
source "$here/lib.sh"
bench_need_nginx_wrk
command -v Xvfb >/dev/null 2>&1 || bench_apt_install xvfb
# shellcheck source=../tools/find-jdk.sh
source "$root/tools/find-jdk.sh"
[ "$BUILD" = 1 ] && "$root/gatehouse" --version >/dev/null
rm -rf "$out"; mkdir -p "$out"
bench_workdir dashboard-bench
bench_chat_origin $P_ORIGIN $AI_PATH bench-model

# The console's home: a config of its own (so not the demo) and the Dashboard as the last page seen.
mkdir -p "$work/home/config" "$work/home/state"
cat > "$work/home/config/gateway.json" <<JSON
{
  "listeners": [{"name": "bench", "host": "127.0.0.1", "port": $P_GATEHOUSE}],
  "pools": [{"name": "origin", "healthCheck": {"enabled": false}, "endpoints": [{"host": "127.0.0.1", "port": $P_ORIGIN}]}],
  "routes": [{"name": "chat", "pool": "origin", "match": {"path": {"kind": "exact", "value": "$AI_PATH"}, "models": ["bench-model"]},
              "ai": {"requireKey": false}}]
}
JSON
printf 'x=0\ny=0\nwidth=1440\nheight=900\nmaximized=false\npage=dashboard\n' > "$work/home/state/console-window.properties"

Xvfb ":$DISPLAY_NO" -screen 0 1440x900x24 -nolisten tcp > "$out/xvfb.log" 2>&1 & pids+=($!)
for ((i = 0; i < 50; i++)); do [ -e "/tmp/.X11-unix/X$DISPLAY_NO" ] && break; sleep 0.1; done
DISPLAY=":$DISPLAY_NO" GATEHOUSE_JAVA_OPTS="-Xshare:off -XX:FlightRecorderOptions:stackdepth=256 -XX:StartFlightRecording=name=bench,settings=default" \
  "$root/gatehouse" --home "$work/home" > "$out/console.log" 2>&1 & console=$!; pids+=($console)
wait_port $P_ORIGIN 10; wait_port $P_GATEHOUSE 90
for ((i = 0; i < 300; i++)); do grep -q "console open" "$out/console.log" && break; sleep 0.1; done
grep "console open" "$out/console.log" >&2 || { log "the console did not open"; cat "$out/console.log" >&2; exit 1; }

cat > "$work/paced.lua" <<LUA
wrk.method = "POST"
wrk.body = '$AI_BODY'
wrk.headers["Content-Type"] = "application/json"
function delay() return $GAP_MS end
function done(summary, latency, requests)
  io.write(string.format("WRK requests=%d rps=%.1f p99_us=%.1f errors=%d non2xx=%d\n",
    summary.requests, summary.requests / (summary.duration / 1e6), latency:percentile(99),
    summary.errors.connect + summary.errors.read + summary.errors.write + summary.errors.timeout, summary.errors.status))
end
LUA

# Heap used after a full GC, and RSS, of the console: once before the load and once a minute during it.
memory() {  # label
  "$JAVA_HOME/bin/jcmd" "$console" GC.run > /dev/null
  local heap rss
  heap=$("$JAVA_HOME/bin/jcmd" "$console" GC.heap_info | grep -o 'used [0-9]*K' | head -1 | grep -o '[0-9]*')
  rss=$(awk '/VmRSS/ {print $2}' "/proc/$console/status")
  echo "$1 heap_kb=$heap rss_kb=$rss" | tee -a "$out/memory.txt" >&2
}
memory "minute=0"
log "load: $CONNS connections, $GAP_MS ms between requests, $MINUTES min"
wrk -t2 -c"$CONNS" -d"${MINUTES}m" --latency -s "$work/paced.lua" "http://127.0.0.1:$P_GATEHOUSE$AI_PATH" > "$out/wrk.txt" 2>&1 & wrk_pid=$!; pids+=($wrk_pid)
for ((m = 1; m <= MINUTES; m++)); do
  sleep 60
  memory "minute=$m"
done
wait "$wrk_pid" || true
log "load average during the run: $(cut -d' ' -f1-3 /proc/loadavg) on $(nproc) cores"
DISPLAY=":$DISPLAY_NO" import -window root "$out/screen.png" 2>/dev/null || true
"$JAVA_HOME/bin/jcmd" "$console" JFR.dump name=bench filename="$out/dashboard.jfr" > /dev/null
"$JAVA_HOME/bin/jfr" print --json --events dev.gatehouse.DashboardUpdate "$out/dashboard.jfr" > "$out/updates.json"
"$JAVA_HOME/bin/jfr" print --json --events jdk.GarbageCollection "$out/dashboard.jfr" > "$out/gc.json"

python3 - "$out/updates.json" "$out/memory.txt" "$(grep '^WRK' "$out/wrk.txt")" "$MINUTES" "$out/gc.json" <<'PY' | tee "$out/table.md"
import json, re, sys
from datetime import datetime
def seconds(iso):  # PT0.001234S
    m = re.fullmatch(r"PT(?:(\d+)M)?([\d.]+)S", iso)
    return (int(m.group(1) or 0) * 60 + float(m.group(2))) if m else 0.0
def start(e):
    return datetime.fromisoformat(e["values"]["startTime"]).timestamp()
events = json.load(open(sys.argv[1]))["recording"]["events"]
wrk = {k: float(v) for k, v in (p.split("=") for p in sys.argv[3].split() if "=" in p)}
applies = sorted((e for e in events if e["values"]["phase"] == "apply"), key=start)
layouts = sorted((e for e in events if e["values"]["phase"] == "layout"), key=start)
def cpu(e):
    v = e["values"].get("cpuNanos", 0)
    return seconds(v) if isinstance(v, str) else v / 1e9
# One update: applying a poll plus the layout pass of the first pulse after it; wall and CPU time.
updates, j = [], 0
for a in applies:
    end = start(a) + seconds(a["values"]["duration"])
    while j < len(layouts) and start(layouts[j]) < end:
        j += 1
    after = layouts[j] if j < len(layouts) else None
    updates.append((seconds(a["values"]["duration"]), seconds(after["values"]["duration"]) if after else 0.0,
                    cpu(a), cpu(after) if after else 0.0))
def pct(values, p):
    values = sorted(values)
    return values[min(len(values) - 1, int(round(p / 100 * (len(values) - 1))))] * 1000 if values else float("nan")
print(f"load: {wrk['rps']:,.0f} req/s for {sys.argv[4]} min ({wrk['requests']:,.0f} requests, "
      f"{wrk['errors']:.0f} socket errors, {wrk['non2xx']:.0f} non-2xx)\n")
# Steady state: after the first minute (the JIT compiles the update's code meanwhile), and not the
# update right after each full GC that this script forces once a minute to read the heap.
forced = [datetime.fromisoformat(g["values"]["startTime"]).timestamp()
          for g in json.load(open(sys.argv[5]))["recording"]["events"] if g["values"].get("cause") == "Diagnostic Command"]
first = start(applies[0]) if applies else 0
steady = [u for a, u in zip(applies, updates)
          if start(a) - first >= 60 and not any(0 <= start(a) - f < 3 for f in forced)]
print("| per dashboard update on the FX thread | updates | wall p50 ms | wall p99 ms | wall max ms | CPU p50 ms | CPU p99 ms | CPU max ms |")
print("| --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: |")
for label, chosen in (("all", updates), ("steady state", steady)):
    for name, wall, cpus in (("apply the poll", [u[0] for u in chosen], [u[2] for u in chosen]),
                             ("CSS + layout pass after it", [u[1] for u in chosen], [u[3] for u in chosen]),
                             ("the whole update", [u[0] + u[1] for u in chosen], [u[2] + u[3] for u in chosen])):
        print(f"| {label}: {name} | {len(wall):,} | {pct(wall, 50):.2f} | {pct(wall, 99):.2f} | {pct(wall, 100):.2f}"
              f" | {pct(cpus, 50):.2f} | {pct(cpus, 99):.2f} | {pct(cpus, 100):.2f} |")
for label, chosen in (("all", updates), ("steady state", steady)):
    print(f"\n{label}: updates over 5 ms: {sum(1 for u in chosen if u[0] + u[1] > 0.005)} of {len(chosen)} by wall time, "
          f"{sum(1 for u in chosen if u[2] + u[3] > 0.005)} by CPU time")
print()
print("| minute | heap after full GC (MB) | RSS (MB) |")
print("| ---: | ---: | ---: |")
for line in open(sys.argv[2]):
    kv = dict(p.split("=") for p in line.split())
    print(f"| {kv['minute']} | {int(kv['heap_kb']) / 1024:.1f} | {int(kv['rss_kb']) / 1024:.1f} |")
PY
