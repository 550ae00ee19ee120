#!/usr/bin/env bash
# The access log store's benchmark: sustained ingest rate, then query timings (median, p95, max
# over RUNS runs) over a database of RECORDS records spread over one day. Prints markdown and
# keeps the outputs in bench/out/log-store/.
#   bench/log-store.sh                      ingest 15 s, fill 5,000,000 records, query 15 runs
#   RECORDS=1000000 RUNS=9 bench/log-store.sh
#   KEEP_DB=1 bench/log-store.sh            reuse the filled database of the last run (query only)
# Knobs: INGEST_SECONDS (15) RECORDS (5000000) RUNS (15) LOG_DB (bench/out/log-store/log.db)
set -euo pipefail

here=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
root=$(cd "$here/.." && pwd)
out="$here/out/log-store"
INGEST_SECONDS=${INGEST_SECONDS:-15}
RECORDS=${RECORDS:-5000000}
RUNS=${RUNS:-15}
LOG_DB=${LOG_DB:-$out/log.db}
KEEP_DB=${KEEP_DB:-0}

log() { printf '[log-store %s] %s\n' "$(date +%H:%M:%S)" "$*" >&2; }
# shellcheck source=../tools/find-jdk.sh
source "$root/tools/find-jdk.sh"
# The launcher builds when the jars are missing or sources changed; do that now, not while timing.
"$root/gatehouse" --version >/dev/null
mkdir -p "$out"
bench() { "$JAVA_HOME/bin/java" --enable-native-access=ALL-UNNAMED -Xmx2g -cp "$root/app/target/lib/*" \
  "$here/src/LogStoreBench.java" "$@"; }
load_before=$(cut -d" " -f1-3 /proc/loadavg)
log "$(nproc) cores; load average $load_before; java $("$JAVA_HOME/bin/java" -version 2>&1 | head -1)"

log "ingest for ${INGEST_SECONDS}s into a fresh database"
bench ingest "$out/ingest.db" "$INGEST_SECONDS" | tee "$out/ingest.txt"
rm -f "$out/ingest.db" "$out/ingest.db-wal" "$out/ingest.db-shm"

if [ "$KEEP_DB" = 1 ] && [ -f "$LOG_DB" ]; then
  log "reusing $LOG_DB"
else
  log "filling $LOG_DB with $RECORDS records over one day"
  bench fill "$LOG_DB" "$RECORDS" | tee "$out/fill.txt"
fi
log "queries, $RUNS runs each after 2 warm-up runs"
bench query "$LOG_DB" "$RUNS" | tee "$out/query.md"
echo
echo "Load average before the run: $load_before (other work on the machine shares its $(nproc) cores; the figures are pessimistic when it is busy)."
