#!/usr/bin/env bash
# MPPS end to end: a fresh broker (Release, SQLite in a temp folder, loopback, ports 0) whose EHR destination
# is the in-process EHR receiver of `loadgen mpps`, which sends one ORM^O01 NW per pair, then MPPS N-CREATE
# (IN PROGRESS) + N-SET (COMPLETED) per pair, and waits until the EHR has ORC-5 IP and CM for every accession;
# with --reports on, then one ORU^R01 F per order to the report listener, until the EHR has an ORU^R01 F per accession.
# usage: perf/run-mpps.sh [loadgen mpps options...]      e.g. perf/run-mpps.sh --pairs 2000 --associations 8
#        perf/run-mpps.sh --pairs 1000 --reports on              MPPS, then reports
#        perf/run-mpps.sh --pairs 1000 --reports on --mpps off   orders, then reports only
#   (the script sets --dicom-port, --hl7-port, --reports-port and --ehr-port; see `loadgen mpps --help` for the rest)
#   env BROKER_SET="key=value ..." adds --set options to the broker (e.g. actor-broker.hl7.destinations.ehr.max-in-flight=8)
#   env BROKER_ENV="NAME=value ..." sets environment variables for the broker process only (e.g. DOTNET_gcServer=1)
#   env MPPS_ECHO=1 then runs the same pairs against `loadgen mpps-echo` (no broker: the client/socket/EHR-leg ceiling)
#   env KEEP_DATA=1 keeps the broker's temp folder (journal, broker.log) and prints where it is
#   env COUNTS=1 adds, for the measured phase, what depends less on the VM's speed than pairs/s: CPU per pair of the
#     broker and of the generator (/proc/PID/stat) and, when `perf` can count system calls, the broker's context
#     switches, futex, pwrite and sched_yield calls per pair (a line "COUNTS ..." after END TO END)
set -euo pipefail
cd "$(dirname "$0")/.."
for p in src/ActorBroker.Host perf/ActorBroker.LoadGen; do dotnet build -c Release -nologo -clp:ErrorsOnly "$p" >/dev/null; done
LG=perf/ActorBroker.LoadGen/bin/Release/net10.0/ActorBroker.LoadGen
HOST_DLL=src/ActorBroker.Host/bin/Release/net10.0/ActorBroker.Host.dll
. perf/lib.sh

DATA=$(mktemp -d)
BROKER=""
ECHO_PID=""
cleanup() {
  [ -n "$ECHO_PID" ] && { kill "$ECHO_PID" 2>/dev/null || true; wait "$ECHO_PID" 2>/dev/null || true; }
  [ -n "$BROKER" ] && { kill "$BROKER" 2>/dev/null || true; wait "$BROKER" 2>/dev/null || true; }
  if [ -n "${KEEP_DATA:-}" ]; then echo "# broker data kept in $DATA"; else rm -rf "$DATA"; fi
}
trap cleanup EXIT

EHR_PORT=$(free_port)
sets=(--set "actor-broker.data-dir=\"$DATA\"" --set actor-broker.hl7.listeners.orders.port=0 --set actor-broker.hl7.listeners.reports.port=0
      --set actor-broker.management.port=0
      --set actor-broker.dicom.port=0 --set "actor-broker.hl7.destinations.ehr.port=$EHR_PORT" --set akka.loglevel=WARNING)
for kv in ${BROKER_SET:-}; do sets+=(--set "$kv"); done
env ${BROKER_ENV:-} dotnet "$HOST_DLL" "${sets[@]}" --ports-file "$DATA/ports.json" > "$DATA/broker.log" 2>&1 &
BROKER=$!
for _ in $(seq 1 120); do
  [ -f "$DATA/ports.json" ] && break
  kill -0 "$BROKER" 2>/dev/null || { echo "broker exited:"; tail -20 "$DATA/broker.log"; exit 3; }
  sleep 0.5
done
[ -f "$DATA/ports.json" ] || { echo "broker not ready after 60 s:"; tail -20 "$DATA/broker.log"; exit 3; }
HL7_PORT=$(port_of "$DATA/ports.json" hl7:orders)
DICOM_PORT=$(port_of "$DATA/ports.json" dicom)
REPORTS_PORT=$(port_of "$DATA/ports.json" hl7:reports)

machine
echo "## broker (SQLite journal): $LG mpps --dicom-port $DICOM_PORT --hl7-port $HL7_PORT --reports-port $REPORTS_PORT --ehr-port $EHR_PORT $*"
rc=0
if [ -n "${COUNTS:-}" ]; then
  "$LG" mpps --dicom-port "$DICOM_PORT" --hl7-port "$HL7_PORT" --reports-port "$REPORTS_PORT" --ehr-port "$EHR_PORT" "$@" 2>&1 \
    | count_measured_phase "$BROKER" "$DATA" || rc=$?
else
  "$LG" mpps --dicom-port "$DICOM_PORT" --hl7-port "$HL7_PORT" --reports-port "$REPORTS_PORT" --ehr-port "$EHR_PORT" "$@" || rc=$?
fi
echo "# after: load $(cut -d' ' -f1-3 /proc/loadavg); broker log warnings/errors: $(grep -c -iE 'warn|error|exception' "$DATA/broker.log" || true)"
kill "$BROKER"; wait "$BROKER" 2>/dev/null || true
BROKER=""

if [ -n "${MPPS_ECHO:-}" ]; then
  DP=$(free_port); EP=$(free_port)
  "$LG" mpps-echo --port "$DP" --ehr-port "$EP" > "$DATA/mpps-echo.log" 2>&1 &
  ECHO_PID=$!
  sleep 1
  machine
  echo "## mpps-echo (no broker: answers 0000 at once, IP/CM to the EHR send-and-wait): --orders-first off"
  "$LG" mpps --dicom-port "$DP" --ehr-port "$EP" "$@" --orders-first off --mpps on --reports off || true
fi
exit $rc
