#!/usr/bin/env bash
# End-to-end HL7 intake measurement: a fresh broker (Release, SQLite in a temp folder, loopback)
# and the load generator, both on this machine; then the bare ACK-only echo server with the same
# load (the ceiling of the socket path) for comparison.
# usage: perf/run-e2e.sh [loadgen options...]     e.g. perf/run-e2e.sh --connections 32 --messages 50000
# After the load it waits for the broker's backlog (messages ACKed but not yet applied to their orders) to empty,
# and prints how long that took.
#   env BROKER_SET="key=value ..." adds --set options to the broker (e.g. apply-concurrency=0)
#   env SKIP_ECHO=1 skips the echo baseline
set -euo pipefail
cd "$(dirname "$0")/.."
for p in src/ActorBroker.Host perf/ActorBroker.LoadGen; do dotnet build -c Release -nologo -clp:ErrorsOnly "$p" >/dev/null; done
LG=perf/ActorBroker.LoadGen/bin/Release/net10.0/ActorBroker.LoadGen
HOST_DLL=src/ActorBroker.Host/bin/Release/net10.0/ActorBroker.Host.dll
. perf/lib.sh
DATA=$(mktemp -d)
trap 'kill $BROKER 2>/dev/null || true; wait $BROKER 2>/dev/null || true; rm -rf "$DATA"' EXIT
sets=(--set "actor-broker.data-dir=\"$DATA\"" --set actor-broker.hl7.listeners.orders.port=0 --set actor-broker.hl7.listeners.reports.port=0 --set actor-broker.management.port=0 --set actor-broker.dicom.port=0 --set akka.loglevel=WARNING)
for kv in ${BROKER_SET:-}; do sets+=(--set "$kv"); done
dotnet "$HOST_DLL" "${sets[@]}" --ports-file "$DATA/ports.json" > "$DATA/broker.log" 2>&1 &
BROKER=$!
for _ in $(seq 1 120); do [ -f "$DATA/ports.json" ] && break; sleep 0.5; done
PORT=$(port_of "$DATA/ports.json" hl7:orders)
machine
echo "## broker (SQLite journal, ACK after the inbound log write): $LG --port PORT $*"
"$LG" --port "$PORT" "$@" || true
# The ACK comes once a message is in the inbound log; its order is applied after. Wait until the listener's backlog
# (ACKed, not yet applied: `abctl interface show orders`) is empty and say how long that took after the last ACK.
MGMT=$(port_of "$DATA/ports.json" management)
"${PY:-python3}" - "$MGMT" <<'PYEOF' || true
import json, sys, time, urllib.request
url = f"http://127.0.0.1:{sys.argv[1]}/api/interfaces/orders"
start = time.time(); first = None
while time.time() - start < 600:
    view = json.load(urllib.request.urlopen(url, timeout=10))
    depth = view.get("queueDepth") or 0
    first = depth if first is None else first
    if depth == 0:
        break
    time.sleep(0.2)
took = time.time() - start
print(f"applied     backlog {first} at the last ACK, empty {took:.1f} s later ({view.get('applied')} applied in all)")
PYEOF
kill $BROKER; wait $BROKER 2>/dev/null || true
if [ -z "${SKIP_ECHO:-}" ]; then
  EP=${ECHO_PORT:-2590}
  "$LG" echo --port "$EP" > /dev/null 2>&1 &
  ECHO=$!
  sleep 1
  echo "## echo (ACK-only MLLP server, the socket ceiling)"
  "$LG" --port "$EP" "$@" || true
  kill $ECHO 2>/dev/null || true
fi
