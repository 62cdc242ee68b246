# Shared by the perf/run-*.sh scripts (sourced from the repository root, not run). PY: the Python to use (default python3).

# A free TCP port on 127.0.0.1 (for a peer the script starts itself).
free_port() { "${PY:-python3}" -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1]); s.close()'; }

# port_of PORTS-FILE KEY: the port the broker bound for KEY (hl7:orders, dicom, management, ...) in its --ports-file.
port_of() { "${PY:-python3}" -c 'import json, sys; print(json.load(open(sys.argv[1]))[sys.argv[2]].rsplit(":", 1)[1])' "$1" "$2"; }

# The header line of each measurement: when, on what machine, under what load.
machine() { echo "# $(date -u +%FT%TZ) $(nproc) cores, $(uname -m), $(sed -n 's/^model name[[:space:]]*: //p' /proc/cpuinfo | head -1), load $(cut -d' ' -f1-3 /proc/loadavg)"; }

# cpu_ticks PID: utime + stime of a process so far, in clock ticks (0 once it has gone).
cpu_ticks() { awk '{print $14 + $15}' "/proc/$1/stat" 2>/dev/null || echo 0; }

# count_measured_phase BROKER_PID DIR: passes `loadgen mpps` output (stdout and progress) through; from its
# "MPPS: N pairs over" progress line (the
# measured phase begins) to its "END TO END" line it counts the broker's and the generator's CPU and, when perf can
# count system calls here, the broker's context switches and system calls; then prints them per pair ("COUNTS ...").
count_measured_phase() {
  local broker=$1 dir=$2 pairs=0 lg="" b0=0 l0=0 stat_pid="" line
  local events='context-switches,syscalls:sys_enter_futex,syscalls:sys_enter_pwrite64,syscalls:sys_enter_sched_yield'
  while IFS= read -r line; do
    echo "$line"
    if [[ $line =~ MPPS:\ ([0-9]+)\ pairs\ over ]]; then
      pairs=${BASH_REMATCH[1]}
      lg=$(pgrep -f "ActorBroker.LoadGen mpps" | head -1 || true)
      b0=$(cpu_ticks "$broker"); l0=$(cpu_ticks "${lg:-0}")
      if command -v perf > /dev/null && perf stat -e "$events" -x, -o /dev/null -- true 2> /dev/null; then
        perf stat -e "$events" -x, -p "$broker" -o "$dir/counts.csv" 2> /dev/null &
        stat_pid=$!
      fi
    elif [[ $line == "END TO END"* && $pairs -gt 0 ]]; then
      local b1 l1 tck per
      b1=$(cpu_ticks "$broker"); l1=$(cpu_ticks "${lg:-0}"); tck=$(getconf CLK_TCK)
      per="broker CPU $(awk -v d=$((b1 - b0)) -v t="$tck" -v n="$pairs" 'BEGIN{printf "%.3f", d * 1000 / t / n}') ms/pair"
      per+=", generator CPU $(awk -v d=$((l1 - l0)) -v t="$tck" -v n="$pairs" 'BEGIN{printf "%.3f", d * 1000 / t / n}') ms/pair"
      if [ -n "$stat_pid" ]; then
        kill -INT "$stat_pid" 2> /dev/null || true
        wait "$stat_pid" 2> /dev/null || true
        per+=$(awk -F, -v n="$pairs" '/^[0-9]/ { name = $3; sub(/^syscalls:sys_enter_/, "", name); printf ", %s %.1f", name, $1 / n }' "$dir/counts.csv")
        per+=" per pair (broker)"
      fi
      echo "COUNTS      $per"
      pairs=0
    fi
  done
}
