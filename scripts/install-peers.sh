#!/usr/bin/env bash
# Installs the third-party peers the interop tests drive: dcmtk (findscu, echoscu, storescu,
# wlmscpfs), python3-hl7 (mllp_send) from Debian, and Node's dcmjs-dimse / node-hl7-client /
# node-hl7-server into .tools/node. Idempotent and quick when everything is already there.
# Without root (a developer laptop) it installs nothing from Debian and says what is missing;
# the tests that need a missing peer then report themselves as skipped (CI turns that into a failure).
set -uo pipefail
cd "$(dirname "$0")/.."

DEBIAN_PACKAGES=(dcmtk python3-hl7)
NODE_PACKAGES=(dcmjs-dimse@0.3.3 node-hl7-client@3.2.0 node-hl7-server@2.5.0)

missing=()
command -v findscu >/dev/null 2>&1 || missing+=(dcmtk)
command -v mllp_send >/dev/null 2>&1 || missing+=(python3-hl7)
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
