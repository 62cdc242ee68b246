#!/usr/bin/env bash
# Worklist rebuild after a restart (issue 3: "a restart with 100,000 open orders serves the full worklist within
# seconds"): a broker (Release, SQLite in a temp folder, loopback, ports 0) is fed N unique ORM^O01 NW orders by the
# load generator, is stopped once its worklist lists them all, and is started again on the same journal. Prints the
# time from the second start to (a) listeners up (ports file written), (b) the worklist "ready" with every item
# (management API /api/modalities: worklist.status, items, rebuildMilliseconds, the rebuild as the worklist actor timed
# it), and the journal's size.
# usage: perf/run-rebuild.sh [--orders 100000] [--connections 32]
#   env KEEP_DATA=1 keeps the temp folder (journal, broker logs)
set -euo pipefail
cd "$(dirname "$0")/.."
ORDERS=100000 CONNECTIONS=32
while [ $# -gt 0 ]; do
  case $1 in
    --orders) ORDERS=$2; shift 2 ;;
    --connections) CONNECTIONS=$2; shift 2 ;;
    -h|--help) sed -n 2,9p "$0"; exit 0 ;;
    *) echo "unknown option $1" >&2; exit 2 ;;
  esac
done
for p in src/ActorBroker.Host perf/ActorBroker.LoadGen; do dotnet build -c Release -nologo -clp:ErrorsOnly "$p" >/dev/null; done
LG=perf/ActorBroker.LoadGen/bin/Release/net10.0/ActorBroker.LoadGen
HOST_DLL=src/ActorBroker.Host/bin/Release/net10.0/ActorBroker.Host.dll
DATA=$(mktemp -d)
BROKER=""
cleanup() {
  [ -n "$BROKER" ] && { kill "$BROKER" 2>/dev/null || true; wait "$BROKER" 2>/dev/null || true; }
  if [ -n "${KEEP_DATA:-}" ]; then echo "# data kept in $DATA"; else rm -rf "$DATA"; fi
}
trap cleanup EXIT
sets=(--set "actor-broker.data-dir=\"$DATA\"" --set actor-broker.hl7.listeners.orders.port=0 --set actor-broker.hl7.listeners.reports.port=0
      --set actor-broker.management.port=0 --set actor-broker.dicom.port=0 --set akka.loglevel=WARNING)
. perf/lib.sh
now_ms() { date +%s%3N; }
start_broker() { # log-file -> sets BROKER, waits for the ports file
  rm -f "$DATA/ports.json"
  dotnet "$HOST_DLL" "${sets[@]}" --ports-file "$DATA/ports.json" > "$1" 2>&1 &
  BROKER=$!
  for _ in $(seq 1 1200); do
    [ -f "$DATA/ports.json" ] && return 0
    kill -0 "$BROKER" 2>/dev/null || { echo "broker exited:"; tail -20 "$1"; exit 3; }
    sleep 0.05
  done
  echo "broker not ready after 60 s"; exit 3
}
worklist() { curl -s "http://127.0.0.1:$(port_of "$DATA/ports.json" management)/api/modalities" | python3 -c 'import json, sys; w = json.load(sys.stdin)["worklist"]; print(w["status"], w["items"], w["rebuildMilliseconds"])' 2>/dev/null || echo "- 0 -"; }
wait_ready() { # expected-items timeout-s -> prints "status items rebuild-ms" once ready with every item
  local expected=$1 deadline=$(( $(date +%s) + $2 )) w status items
  while :; do
    w=$(worklist)
    read -r status items _ <<< "$w"
    if [ "$status" = ready ] && [ "$items" -ge "$expected" ]; then echo "$w"; return 0; fi
    [ "$(date +%s)" -ge "$deadline" ] && { echo "timeout: $w"; return 1; }
    sleep 0.05
  done
}

machine
start_broker "$DATA/broker-1.log"
echo "## feeding $ORDERS orders: $LG --port PORT --connections $CONNECTIONS --messages $ORDERS --warmup 0 --unique-accessions"
"$LG" --port "$(port_of "$DATA/ports.json" hl7:orders)" --connections "$CONNECTIONS" --messages "$ORDERS" --warmup 0 --unique-accessions | grep -E '^(msgs/s|ACKs)'
echo "# worklist after the feed: $(wait_ready "$ORDERS" 600)"
kill "$BROKER"; wait "$BROKER" 2>/dev/null || true; BROKER=""
echo "# journal: $(du -sh "$DATA" | cut -f1) in $DATA ($(ls "$DATA" | tr '\n' ' '))"

echo "## restart on the same journal (load $(cut -d' ' -f1-3 /proc/loadavg))"
t0=$(now_ms)
start_broker "$DATA/broker-2.log"
t1=$(now_ms)
ready=$(wait_ready "$ORDERS" 600)
t2=$(now_ms)
echo "listeners up      $((t1 - t0)) ms after the process started"
echo "worklist ready    $((t2 - t0)) ms after the process started (status, items, rebuild ms as the worklist timed it: $ready)"
