#!/usr/bin/env bash
# Installs the third-party peers the interop tests drive: dcmtk (findscu, echoscu, storescu,
# wlmscpfs), python3-hl7 (mllp_send) and PostgreSQL 15 from Debian, and Node's dcmjs-dimse /
# node-hl7-client / node-hl7-server into .tools/node; starts PostgreSQL on 127.0.0.1:5432 with a
# role actorbroker/actorbroker allowed to create the tests' throw-away databases (test-only
# credentials: production sets actor-broker.persistence.connection-string to its own).
# Idempotent and quick when everything is already there.
# Without root (a developer laptop) it installs nothing from Debian and says what is missing;
# the tests that need a missing peer then report themselves as skipped (CI turns that into a failure).
set -uo pipefail
cd "$(dirname "$0")/.."

DEBIAN_PACKAGES=(dcmtk python3-hl7)
NODE_PACKAGES=(dcmjs-dimse@0.3.3 node-hl7-client@3.2.0 node-hl7-server@2.5.0)

missing=()
command -v findscu >/dev/null 2>&1 || missing+=(dcmtk)
command -v mllp_send >/dev/null 2>&1 || missing+=(python3-hl7)
command -v pg_ctlcluster >/dev/null 2>&1 || missing+=(postgresql)
if [ ${#missing[@]} -gt 0 ]; then
  if [ "$(id -u)" = 0 ] && command -v apt-get >/dev/null 2>&1; then
    echo "install-peers: installing ${missing[*]} from Debian"
    apt-get update -qq >/dev/null 2>&1 || apt-get update
    DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null \
      || echo "install-peers: apt-get install ${missing[*]} failed" >&2
  else
    echo "install-peers: missing ${missing[*]} (run as root, or: sudo apt-get install ${missing[*]})" >&2
  fi
fi

# PostgreSQL: the first cluster running, and the tests' role.
if command -v pg_lsclusters >/dev/null 2>&1 && [ "$(id -u)" = 0 ]; then
  read -r pg_version pg_cluster _ <<< "$(pg_lsclusters -h | head -1)"
  if [ -n "${pg_version:-}" ]; then
    pg_lsclusters -h | head -1 | grep -q online || pg_ctlcluster "$pg_version" "$pg_cluster" start \
      || echo "install-peers: could not start PostgreSQL $pg_version/$pg_cluster" >&2
    su postgres -c "psql -qtAc \"SELECT 1 FROM pg_roles WHERE rolname = 'actorbroker'\"" 2>/dev/null | grep -q 1 \
      || su postgres -c "psql -qc \"CREATE ROLE actorbroker LOGIN CREATEDB PASSWORD 'actorbroker'\"" >/dev/null \
      || echo "install-peers: could not create the PostgreSQL role actorbroker" >&2
  fi
fi

if command -v npm >/dev/null 2>&1; then
  need=0
  for p in "${NODE_PACKAGES[@]}"; do
    name=${p%@*}; version=${p##*@}
    grep -q "\"version\": \"$version\"" ".tools/node/node_modules/$name/package.json" 2>/dev/null || need=1
  done
  if [ $need = 1 ]; then
    echo "install-peers: npm install ${NODE_PACKAGES[*]} into .tools/node"
    mkdir -p .tools/node
    [ -f .tools/node/package.json ] || echo '{ "name": "actorbroker-peers", "private": true }' > .tools/node/package.json
    npm install --prefix .tools/node --no-fund --no-audit --loglevel=error "${NODE_PACKAGES[@]}" >/dev/null \
      || echo "install-peers: npm install failed" >&2
  fi
else
  echo "install-peers: node/npm not found; Node peers unavailable" >&2
fi
exit 0
