# Shared by the perf/run-*.sh scripts (sourced from the repository root, not run). PY: the Python to use (default python3).

# A free TCP port on 127.0.0.1 (for a peer the script starts itself).
free_port() { "${PY:-python3}" -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1]); s.close()'; }

# port_of PORTS-FILE KEY: the port the broker bound for KEY (hl7:orders, dicom, management, ...) in its --ports-file.
port_of() { "${PY:-python3}" -c 'import json, sys; print(json.load(open(sys.argv[1]))[sys.argv[2]].rsplit(":", 1)[1])' "$1" "$2"; }

# The header line of each measurement: when, on what machine, under what load.
machine() { echo "# $(date -u +%FT%TZ) $(nproc) cores, $(uname -m), $(sed -n 's/^model name[[:space:]]*: //p' /proc/cpuinfo | head -1), load $(cut -d' ' -f1-3 /proc/loadavg)"; }
