#!/usr/bin/env bash
# End-to-end HL7 intake measurement: a fresh broker (Release, SQLite in a temp folder, loopback)
# and the load generator, both on this machine; then the bare ACK-only echo server with the same
# load (the ceiling of the socket path) for comparison.
# usage: perf/run-e2e.sh [loadgen options...]     e.g. perf/run-e2e.sh --connections 32 --messages 50000
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
