#!/usr/bin/env bash
# The log explorer's steps over a store of RECORDS records (default 5,000,000 over one day): open
# (first page + histogram), apply a filter, scroll to the next page; the console's view model over
# the real store behind EmbeddedGatewayControl, timed as median, p95 and max over RUNS runs (after
# 2 warm-up runs). Prints markdown; keeps the output in bench/out/log-explorer/.
#   bench/log-explorer.sh                 reuse bench/out/log-store/log.db if there is one, else fill it
#   FRESH=1 bench/log-explorer.sh         fill a new database first (LogStoreBench fill, ~3 minutes)
# Knobs: RECORDS (5000000) RUNS (15) LOG_DB (bench/out/log-store/log.db, shared with log-store.sh)
set -euo pipefail

here=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
root=$(cd "$here/.." && pwd)
out="$here/out/log-explorer"
RECORDS=${RECORDS:-5000000}
RUNS=${RUNS:-15}
LOG_DB=${LOG_DB:-$here/out/log-store/log.db}
FRESH=${FRESH:-0}

log() { printf '[log-explorer %s] %s\n' "$(date +%H:%M:%S)" "$*" >&2; }
# shellcheck source=../tools/find-jdk.sh
source "$root/tools/find-jdk.sh"
# The launcher builds when the jars are missing or sources changed; do that now, not while timing.
"$root/gatehouse" --version >/dev/null
mkdir -p "$out" "$(dirname "$LOG_DB")"
java_run() { "$JAVA_HOME/bin/java" --enable-native-access=ALL-UNNAMED -Xmx2g -cp "$root/app/target/lib/*" "$@"; }
load_before=$(cut -d" " -f1-3 /proc/loadavg)
log "$(nproc) cores; load average $load_before; java $("$JAVA_HOME/bin/java" -version 2>&1 | head -1)"

if [ "$FRESH" = 1 ] || [ ! -f "$LOG_DB" ]; then
  log "filling $LOG_DB with $RECORDS records over one day (the log-store bench's fill)"
  java_run "$here/src/LogStoreBench.java" fill "$LOG_DB" "$RECORDS" | tee "$out/fill.txt"
else
  log "reusing $LOG_DB"
fi
log "explorer steps, $RUNS runs each after 2 warm-up runs"
java_run "$here/src/LogExplorerBench.java" "$LOG_DB" "$RUNS" | tee "$out/steps.md"
echo
echo "Load average before the run: $load_before (other work on the machine shares its $(nproc) cores; the figures are pessimistic when it is busy)."
