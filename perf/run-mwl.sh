#!/usr/bin/env bash
# Modality Worklist C-FIND end to end: the broker against dcmtk's wlmscpfs on the same generated items, in one run.
#   1. generates N items (4 modalities, 2 stations each, 7 days around 20261128, UTF-8 names; --seed): as HL7
#      ORM^O01 for the broker and as dcmtk dumps turned into wlmscpfs worklist files by dump2dcm (cached in
#      ${TMPDIR:-/tmp}/ab-mwl-perf/<N>-<seed>-<date>, reused by the next run);
#   2. starts a fresh broker (Release, temp data folder, loopback, ports 0; stations CT01..CR02 with station rules)
#      and sends the orders over MLLP (4 connections, each send-and-wait for AA), waits until the worklist lists them;
#   3. starts wlmscpfs on a free port (-dfp the cached folder, -csk);
#   4. per query kind (modality + date, station + date) and per server: one findscu -W association with
#      --repeat (warm-up + Q for the broker, 1 + W for wlmscpfs; the warm-up queries are not counted); per-query
#      latency = "Sending Find Request" -> "Received Final Find Response" from findscu's own log timestamps
#      (microseconds), so process start and association setup are not counted, findscu's handling of each
#      response is (but not a log line per response: see find_run); matches from one separate fully logged
#      query per server; reports matches per query, p50/p95/p99/max, mean and queries/s (one query at a time);
#   5. the same with our own SCU (perf/ActorBroker.Benchmarks --worklist-wire), 1 and 2 associations at once.
# usage: perf/run-mwl.sh [--items 10000] [--queries 200] [--wlm-queries 20] [--warmup 20] [--seed 3] [--date 20261128]
#   env KEEP_DATA=1 keeps the broker's temp folder; BROKER_SET="k=v ..." adds --set options to the broker
# needs: dotnet, dcmtk (findscu, wlmscpfs, dump2dcm), /usr/bin/python3 (stdlib only)
set -euo pipefail
cd "$(dirname "$0")/.."
ITEMS=10000 QUERIES=200 WLM_QUERIES=20 WARMUP=20 SEED=3 DAY=20261128
while [ $# -gt 0 ]; do
  case $1 in
    --items) ITEMS=$2; shift 2 ;;
    --queries) QUERIES=$2; shift 2 ;;
    --wlm-queries) WLM_QUERIES=$2; shift 2 ;;
    --warmup) WARMUP=$2; shift 2 ;;
    --seed) SEED=$2; shift 2 ;;
    --date) DAY=$2; shift 2 ;;
    -h|--help) sed -n 2,18p "$0"; exit 0 ;;
    *) echo "unknown option $1" >&2; exit 2 ;;
  esac
done
for t in findscu wlmscpfs dump2dcm; do command -v $t >/dev/null || { echo "$t not found (Debian package dcmtk)" >&2; exit 2; }; done
PY=/usr/bin/python3
export TCP_NODELAY=1 # Debian's dcmtk leaves Nagle on otherwise: ~40 ms stalls per exchange

dotnet build -c Release -nologo -clp:ErrorsOnly src/ActorBroker.Host >/dev/null
HOST_DLL=src/ActorBroker.Host/bin/Release/net10.0/ActorBroker.Host.dll
dotnet build -c Release -nologo -clp:ErrorsOnly perf/ActorBroker.Benchmarks >/dev/null
BENCH_DLL=perf/ActorBroker.Benchmarks/bin/Release/net10.0/ActorBroker.Benchmarks.dll
. perf/lib.sh

DATA=$(mktemp -d)
CACHE=${TMPDIR:-/tmp}/ab-mwl-perf/$ITEMS-$SEED-$DAY
BROKER="" WLM=""
cleanup() {
  [ -n "$WLM" ] && { kill "$WLM" 2>/dev/null || true; wait "$WLM" 2>/dev/null || true; }
  [ -n "$BROKER" ] && { kill "$BROKER" 2>/dev/null || true; wait "$BROKER" 2>/dev/null || true; }
  if [ -n "${KEEP_DATA:-}" ]; then echo "# broker data kept in $DATA"; else rm -rf "$DATA"; fi
}
trap cleanup EXIT

# 1. The items, both ways. Deterministic for (items, seed, date).
mkdir -p "$CACHE/WLMPERF" "$CACHE/dumps"
$PY - "$ITEMS" "$SEED" "$DAY" "$CACHE" <<'PYEOF'
import datetime, json, os, random, sys
n, seed, day, out = int(sys.argv[1]), int(sys.argv[2]), sys.argv[3], sys.argv[4]
rnd = random.Random(seed)
base = datetime.datetime.strptime(day, "%Y%m%d").date()
stations = {"CT": ["CT01", "CT02"], "MR": ["MR01", "MR02"], "US": ["US01", "US02"], "CR": ["CR01", "CR02"]}
desc = {"CT": ("CTHEAD", "CT HEAD WO CONTRAST"), "MR": ("MRBRAIN", "MR BRAIN"), "US": ("USABD", "US ABDOMEN"), "CR": ("CRCHEST", "XR CHEST PA AND LAT")}
family = ["Núñez", "Müller", "García", "Øster", "Dvořák", "SMITH", "O'Brien", "Lefèvre", "Çelik", "JOHANSSON", "Nguyễn", "BROWN"]
given = ["José", "Jürgen", "María", "Åse", "Antonín", "JOHN", "Siobhán", "Gaëlle", "Ömer", "BJÖRN", "Thảo", "EMILY"]
hl7, expected = [], {}
for i in range(n):
    mod = rnd.choice(list(stations)); ae = rnd.choice(stations[mod]); code, text = desc[mod]
    d = (base + datetime.timedelta(days=rnd.randint(-3, 3))).strftime("%Y%m%d")
    t = "%02d%02d00" % (rnd.randint(7, 18), rnd.choice([0, 15, 30, 45]))
    name = rnd.choice(family) + "^" + rnd.choice(given)
    birth = (datetime.date(1930, 1, 1) + datetime.timedelta(days=rnd.randint(0, 33000))).strftime("%Y%m%d")
    acc, pid, uid = "W%08d" % i, "Q%07d" % i, "1.2.826.0.1.3680043.10.543.9.%d" % (i + 1)
    start, sent = d + t + "-0600", "20261125080000-0600"
    obr = [""] * 28
    obr[0:5] = ["OBR", "1", "PL%s^EPC" % acc, "%s^EPC" % acc, "%s^%s^EAP" % (code, text)]
    obr[7], obr[18], obr[19], obr[20], obr[24], obr[27] = sent, acc, "R" + acc, "S" + acc, mod, "^^^%s^^R" % start
    hl7.append("\r".join([
        "MSH|^~\\&|EPIC|MAINHOSP|ACTORBROKER|RAD|%s||ORM^O01|M%s|P|2.5.1|||AL|NE||UNICODE UTF-8" % (sent, acc),
        "PID|1||%s^^^EPI^MR||%s||%s|%s" % (pid, name, birth, rnd.choice("MFO")),
        "PV1|1|O|%s^^^MAINHOSP" % ae,   # point of care = station: the broker's station rules map it back
        "ORC|NW|PL%s^EPC|%s^EPC||SC||^^^%s^^R||%s" % (acc, acc, start, sent),
        "|".join(obr),
        "ZDS|%s^EPIC^Application^DICOM" % uid]) + "\r")
    for k in (("modality+date", mod, d), ("station+date", ae, d)):
        expected[k[0] + ":" + k[1] + ":" + k[2]] = expected.get(k[0] + ":" + k[1] + ":" + k[2], 0) + 1
    dump = os.path.join(out, "dumps", "item%06d.dump" % i)
    if not os.path.exists(dump):
        with open(dump, "w", encoding="utf-8") as f:
            f.write("\n".join([
                "(0008,0005) CS [ISO_IR 192]", "(0008,0050) SH [%s]" % acc, "(0008,0090) PN []", "(0010,0010) PN [%s]" % name,
                "(0010,0020) LO [%s]" % pid, "(0010,0021) LO [EPI]", "(0010,0030) DA [%s]" % birth, "(0010,0040) CS [O]",
                "(0020,000d) UI [%s]" % uid, "(0032,1060) LO [%s]" % text,
                "(0032,1064) SQ", "(fffe,e000) -", "(0008,0100) SH [%s]" % code, "(0008,0102) SH [EAP]", "(0008,0104) LO [%s]" % text,
                "(fffe,e00d) -", "(fffe,e0dd) -",
                "(0040,0100) SQ", "(fffe,e000) -", "(0008,0060) CS [%s]" % mod, "(0040,0001) AE [%s]" % ae, "(0040,0002) DA [%s]" % d,
                "(0040,0003) TM [%s]" % t, "(0040,0007) LO [%s]" % text, "(0040,0009) SH [S%s]" % acc, "(0040,0020) CS [SCHEDULED]",
                "(fffe,e00d) -", "(fffe,e0dd) -", "(0040,1001) SH [R%s]" % acc, "(0040,1003) SH [ROUTINE]", ""]))
with open(os.path.join(out, "orders.hl7"), "w", encoding="utf-8", newline="") as f:
    f.write("\n".join(hl7))
with open(os.path.join(out, "expected.json"), "w") as f:
    json.dump(expected, f)
PYEOF
touch "$CACHE/WLMPERF/lockfile"
if [ ! -f "$CACHE/WLMPERF/.complete" ]; then
  # dump2dcm costs ~60 ms a file (a process each): fine for 10,000 items, an hour for 100,000. Past
  # DUMP2DCM_MAX items the dumps are written as the same DICOM files by the few lines of Python below
  # (Explicit VR Little Endian, undefined-length sequences as in the dumps, PS3.10 meta header); the first
  # file is also made by dump2dcm and both are read back with dcmdump to check they carry the same data set.
  if [ "$ITEMS" -le "${DUMP2DCM_MAX:-20000}" ]; then
    echo "# dump2dcm: $ITEMS worklist files into $CACHE/WLMPERF (once; cached)"
    ls "$CACHE/dumps" | sed 's/\.dump$//' | xargs -P "$(nproc)" -I{} sh -c '[ -f "$1/WLMPERF/$2.wl" ] || dump2dcm -q +te "$1/dumps/$2.dump" "$1/WLMPERF/$2.wl"' _ "$CACHE" {}
  else
    echo "# writing $ITEMS worklist files into $CACHE/WLMPERF (once; cached)"
    $PY - "$CACHE" <<'PYEOF'
import os, re, struct, sys
cache = sys.argv[1]
LONG = {"OB", "OW", "OF", "SQ", "UT", "UN", "UC", "UR"}
def element(tag, vr, value):
    g, e = (int(x, 16) for x in tag)
    if vr == "SQ":
        return struct.pack("<HH2sHI", g, e, b"SQ", 0, 0xFFFFFFFF)
    data = value.encode("utf-8")
    if len(data) % 2: data += b"\0" if vr == "UI" else b" "
    if vr in LONG: return struct.pack("<HH2sHI", g, e, vr.encode(), 0, len(data)) + data
    return struct.pack("<HH2sH", g, e, vr.encode(), len(data)) + data
def dataset(lines):
    out = bytearray()
    for l in lines:
        m = re.match(r"\((\w{4}),(\w{4})\) (\S+)(?: \[(.*)\])?$", l)
        if not m: continue
        tag, vr, value = (m.group(1), m.group(2)), m.group(3), m.group(4) or ""
        if tag[0] == "fffe":   # item, item delimiter, sequence delimiter: no VR
            out += struct.pack("<HHI", 0xFFFE, int(tag[1], 16), 0xFFFFFFFF if tag[1] == "e000" else 0)
        else:
            out += element(tag, vr, value)
    return bytes(out)
def meta(instance):
    body = struct.pack("<HH2sHI", 2, 1, b"OB", 0, 2) + b"\0\1"
    body += element(("0002", "0002"), "UI", "1.2.840.10008.5.1.4.31") + element(("0002", "0003"), "UI", instance)
    body += element(("0002", "0010"), "UI", "1.2.840.10008.1.2.1") + element(("0002", "0012"), "UI", "1.2.826.0.1.3680043.10.543.1")
    return b"\0" * 128 + b"DICM" + struct.pack("<HH2sHI", 2, 0, b"UL", 4, len(body)) + body
for name in sorted(os.listdir(os.path.join(cache, "dumps"))):
    target = os.path.join(cache, "WLMPERF", name[:-5] + ".wl")
    if os.path.exists(target): continue
    lines = open(os.path.join(cache, "dumps", name), encoding="utf-8").read().splitlines()
    with open(target, "wb") as f:
        f.write(meta("1.2.826.0.1.3680043.10.543.2." + str(int(name[4:10]) + 1)) + dataset(lines))
PYEOF
    first=item000000   # (ls | head would end ls with SIGPIPE, fatal under pipefail)
    dump2dcm -q +te "$CACHE/dumps/$first.dump" "$DATA/check.wl"
    # Same elements and values (sequence and item lengths may be explicit in one, undefined in the other).
    same() { dcmdump -q "$1" | grep -v -e '^#' -e '(0002,' -e '(fffe,' | sed -e 's/ *#.*//' -e 's/SQ (Sequence.*/SQ/'; }
    diff <(same "$DATA/check.wl") <(same "$CACHE/WLMPERF/$first.wl") >/dev/null \
      || { echo "the written worklist file differs from dump2dcm's:" >&2; diff <(dcmdump "$DATA/check.wl") <(dcmdump "$CACHE/WLMPERF/$first.wl") >&2; exit 3; }
  fi
  [ "$(ls "$CACHE/WLMPERF" | grep -c '\.wl$')" -eq "$ITEMS" ] || { echo "did not write $ITEMS worklist files" >&2; exit 3; }
  touch "$CACHE/WLMPERF/.complete"
fi

# 2. The broker, fed the orders over MLLP.
sets=(--set "actor-broker.data-dir=\"$DATA\"" --set actor-broker.hl7.listeners.orders.port=0 --set actor-broker.hl7.listeners.reports.port=0
      --set actor-broker.management.port=0 --set actor-broker.dicom.port=0 --set akka.loglevel=WARNING)
rules=()
for m in CT MR US CR; do for n in 01 02; do
  sets+=(--set "actor-broker.sites.MAINHOSP.modalities.$m$n.modality=$m")
  rules+=("{ modality = $m, location = $m$n, ae-title = $m$n }")
done; done
sets+=(--set "actor-broker.sites.MAINHOSP.station-rules = [$(IFS=,; echo "${rules[*]}")]")
for kv in ${BROKER_SET:-}; do sets+=(--set "$kv"); done
dotnet "$HOST_DLL" "${sets[@]}" --ports-file "$DATA/ports.json" > "$DATA/broker.log" 2>&1 &
BROKER=$!
for _ in $(seq 1 120); do
  [ -f "$DATA/ports.json" ] && break
  kill -0 "$BROKER" 2>/dev/null || { echo "broker exited:"; tail -20 "$DATA/broker.log"; exit 3; }
  sleep 0.5
done
[ -f "$DATA/ports.json" ] || { echo "broker not ready after 60 s:"; tail -20 "$DATA/broker.log"; exit 3; }
HL7_PORT=$(port_of "$DATA/ports.json" hl7:orders)
DICOM_PORT=$(port_of "$DATA/ports.json" dicom)
machine
$PY - "$HL7_PORT" "$CACHE/orders.hl7" <<'PYEOF'
import socket, sys, threading, time
port, path = int(sys.argv[1]), sys.argv[2]
msgs = [m.encode("utf-8") for m in open(path, encoding="utf-8", newline="").read().split("\n") if m]
failed, lock = [], threading.Lock()
def worker(part):
    s = socket.create_connection(("127.0.0.1", port)); buf = b""
    for m in part:
        s.sendall(b"\x0b" + m + b"\x1c\x0d")
        while b"\x1c\x0d" not in buf:
            chunk = s.recv(65536)
            if not chunk: raise SystemExit("connection closed by the broker")
            buf += chunk
        ack, buf = buf.split(b"\x1c\x0d", 1)
        if b"MSA|AA" not in ack:
            with lock: failed.append(ack[:200])
    s.close()
t0 = time.monotonic()
threads = [threading.Thread(target=worker, args=(msgs[k::4],)) for k in range(4)]
for t in threads: t.start()
for t in threads: t.join()
dt = time.monotonic() - t0
print("# sent %d ORM^O01 over 4 MLLP connections in %.1f s (%.0f msgs/s), %d not AA" % (len(msgs), dt, len(msgs) / dt, len(failed)))
if failed: print(failed[:3]); sys.exit(3)
PYEOF

# 3. wlmscpfs on the same items.
WLM_PORT=$(free_port)
wlmscpfs -csk -dfp "$CACHE" "$WLM_PORT" > "$DATA/wlmscpfs.log" 2>&1 &
WLM=$!

# 4. The queries. findscu's log carries microsecond timestamps; one association per (server, query kind).
cat > "$DATA/findscu-log.cfg" <<'EOF'
log4cplus.rootLogger = INFO, console
log4cplus.appender.console = log4cplus::ConsoleAppender
log4cplus.appender.console.ImmediateFlush = true
log4cplus.appender.console.layout = log4cplus::PatternLayout
log4cplus.appender.console.layout.ConversionPattern = %D{%s.%Q} %m%n
EOF
# The timed associations log no line per pending response: findscu writing (and flushing) one line per match cost
# it ~25 us a match, more than the broker takes to answer one, so the figures measured findscu's console. Each
# response is still received, parsed and handled by findscu; the matches are counted by a separate query per
# server with every line logged (the "matches" column).
cp "$DATA/findscu-log.cfg" "$DATA/findscu-quiet.cfg"
cat >> "$DATA/findscu-quiet.cfg" <<'EOF'
log4cplus.appender.console.filters.1 = log4cplus::spi::StringMatchFilter
log4cplus.appender.console.filters.1.StringToMatch = (Pending)
log4cplus.appender.console.filters.1.AcceptOnMatch = false
EOF
LOGCFG="$DATA/findscu-log.cfg"
find_run() { # port called-ae repeat key=value... -> findscu log
  local port=$1 aec=$2 repeat=$3; shift 3
  local args=(-sr -lc "$LOGCFG" -W -aet CT01 -aec "$aec" --repeat "$repeat" -k SpecificCharacterSet=ISO_IR\ 192
    -k AccessionNumber= -k PatientName= -k PatientID= -k PatientBirthDate= -k StudyInstanceUID= -k RequestedProcedureID=
    -k RequestedProcedureDescription= -k '(0040,0100)[0].ScheduledProcedureStepStartTime=' -k '(0040,0100)[0].ScheduledProcedureStepID='
    -k '(0040,0100)[0].ScheduledProcedureStepDescription=')
  for kv in "$@"; do args+=(-k "$kv"); done
  findscu "${args[@]}" 127.0.0.1 "$port" 2>&1
}
summary() { # label findscu-log warm-up-queries matches-log -> one table row (the warm-up queries are left out)
  $PY - "$1" "$2" "$3" "$4" <<'PYEOF'
import re, sys
label, lines, warmup = sys.argv[1], open(sys.argv[2], encoding="utf-8", errors="replace").read().splitlines(), int(sys.argv[3])
counted = len(re.findall(r" Received Find Response \d+ \(Pending\)", open(sys.argv[4], encoding="utf-8", errors="replace").read()))
ts = lambda l: float(l.split(" ", 1)[0].rsplit(".", 1)[0] + l.split(" ", 1)[0].rsplit(".", 1)[1])
lat, n, start, matches, bad = [], 0, None, [], 0
for l in lines:
    if " Sending Find Request" in l: start, n = ts(l), 0
    elif re.search(r" Received Find Response \d+ \(Pending\)", l): n += 1
    elif " Received Final Find Response" in l:
        if "(Success)" not in l: bad += 1
        lat.append((ts(l) - start) * 1000); matches.append(n)
lat, matches = lat[warmup:], [counted] * len(lat[warmup:])
if not lat: print("| %s | no queries answered |" % label); sys.exit(0)
s = sorted(lat); p = lambda q: s[min(len(s) - 1, int(round(q / 100 * (len(s) - 1))))]
span = sum(lat) / 1000
print("| %s | %d | %s | %.2f | %.2f | %.2f | %.2f | %.2f | %.0f |%s" % (label, len(lat), "/".join(sorted({str(m) for m in matches})),
      p(50), p(95), p(99), s[-1], sum(lat) / len(lat), len(lat) / span, " %d not Success" % bad if bad else ""))
PYEOF
}
expected_of() { $PY -c 'import json, sys; print(json.load(open(sys.argv[1])).get(sys.argv[2], 0))' "$CACHE/expected.json" "$1"; }

EXP=$(expected_of "modality+date:CT:$DAY")
printf '# waiting for the broker to list the %s CT items of %s ' "$EXP" "$DAY"
for _ in $(seq 1 240); do
  got=$(find_run "$DICOM_PORT" ACTORBROKER 1 "(0040,0100)[0].Modality=CT" "(0040,0100)[0].ScheduledProcedureStepStartDate=$DAY" | grep -c 'Received Find Response [0-9]* (Pending)' || true)
  [ "$got" = "$EXP" ] && break
  printf '.'; sleep 0.5
done
echo " $got"
[ "$got" = "$EXP" ] || { echo "the broker lists $got, expected $EXP"; exit 3; }
for _ in $(seq 1 100); do $PY -c 'import socket,sys; socket.create_connection(("127.0.0.1", int(sys.argv[1])), 1)' "$WLM_PORT" 2>/dev/null && break; sleep 0.1; done

machine
echo "items: $ITEMS (seed $SEED, 7 days around $DAY); queries per association: broker $WARMUP warm-up + $QUERIES, wlmscpfs 1 + $WLM_QUERIES"
echo
echo "| server, query | queries | matches | p50 ms | p95 ms | p99 ms | max ms | mean ms | queries/s |"
echo "|---|---:|---:|---:|---:|---:|---:|---:|---:|"
for kind in "modality+date:CT" "station+date:CT01"; do
  key=${kind%%:*} value=${kind#*:}
  if [ "$key" = modality+date ]; then k="(0040,0100)[0].Modality=$value" s="(0040,0100)[0].ScheduledStationAETitle="
  else k="(0040,0100)[0].ScheduledStationAETitle=$value" s="(0040,0100)[0].Modality="; fi
  d="(0040,0100)[0].ScheduledProcedureStepStartDate=$DAY"
  LOGCFG="$DATA/findscu-log.cfg"
  find_run "$DICOM_PORT" ACTORBROKER 1 "$k" "$s" "$d" > "$DATA/broker-$key-matches.log"
  find_run "$WLM_PORT" WLMPERF 1 "$k" "$s" "$d" > "$DATA/wlmscpfs-$key-matches.log"
  LOGCFG="$DATA/findscu-quiet.cfg"
  find_run "$DICOM_PORT" ACTORBROKER "$((QUERIES + WARMUP))" "$k" "$s" "$d" > "$DATA/broker-$key.log"
  summary "broker, $key ($value, expect $(expected_of "$key:$value:$DAY"))" "$DATA/broker-$key.log" "$WARMUP" "$DATA/broker-$key-matches.log"
  find_run "$WLM_PORT" WLMPERF "$((WLM_QUERIES + 1))" "$k" "$s" "$d" > "$DATA/wlmscpfs-$key.log"
  summary "wlmscpfs, $key ($value)" "$DATA/wlmscpfs-$key.log" 1 "$DATA/wlmscpfs-$key-matches.log"
done

# 5. The same queries from our own SCU (DicomClient, every response parsed into a data set), one and two
#    associations at once: the server's side without findscu's per-response cost.
echo
echo "Our SCU (perf/ActorBroker.Benchmarks --worklist-wire), same keys, $WARMUP warm-up queries per association:"
echo
echo "| server, query, associations | queries | matches | p50 ms | p95 ms | p99 ms | max ms | mean ms | queries/s |"
echo "|---|---:|---:|---:|---:|---:|---:|---:|---:|"
for kind in "Modality=CT" "ScheduledStationAETitle=CT01"; do
  for assoc in 1 2; do
    dotnet "$BENCH_DLL" --worklist-wire 127.0.0.1 "$DICOM_PORT" ACTORBROKER "broker, $kind, $assoc" "$assoc" "$((QUERIES / assoc))" "$WARMUP" "$kind" "ScheduledProcedureStepStartDate=$DAY"
  done
  dotnet "$BENCH_DLL" --worklist-wire 127.0.0.1 "$WLM_PORT" WLMPERF "wlmscpfs, $kind, 1" 1 "$WLM_QUERIES" 1 "$kind" "ScheduledProcedureStepStartDate=$DAY"
done
echo
echo "# after: load $(cut -d' ' -f1-3 /proc/loadavg); broker log warnings/errors: $(grep -c -iE 'warn|error|exception' "$DATA/broker.log" || true)"
