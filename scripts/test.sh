#!/usr/bin/env bash
# Runs every test of ActorBroker, installing the peers the interop tests need first.
# Prints the totals as one line "N passed, N failed, N skipped" and exits non-zero on any failure.
# Under CI (CI=true) a test that would skip for a missing peer fails instead (AB_REQUIRE_PEERS=1).
set -uo pipefail
cd "$(dirname "$0")/.."
root=$(pwd)

scripts/install-peers.sh
export PEERS_NODE_MODULES="$root/.tools/node/node_modules"
export TCP_NODELAY=1            # dcmtk tools leave Nagle on otherwise (~40 ms per exchange)
export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1
if [ "${CI:-}" = "true" ]; then export AB_REQUIRE_PEERS=1; fi

results="$root/TestResults"
rm -rf "$results"
dotnet build ActorBroker.sln -c Release -nologo -clp:ErrorsOnly || { echo "0 passed, 1 failed"; exit 1; }
dotnet test ActorBroker.sln -c Release --no-build --nologo \
  --logger "trx" --results-directory "$results" -- RunConfiguration.TestSessionTimeout=1500000
status=$?

passed=0; failed=0; skipped=0
shopt -s nullglob
for trx in "$results"/*.trx; do
  counters=$(grep -o '<Counters [^>]*>' "$trx" | head -n 1)
  get() { echo "$counters" | sed -n "s/.* $1=\"\([0-9]*\)\".*/\1/p"; }
  passed=$((passed + $(get passed)))
  failed=$((failed + $(get failed) + $(get error) + $(get timeout) + $(get aborted)))
  skipped=$((skipped + $(get notExecuted)))
done
if [ "$status" != 0 ] && [ "$failed" = 0 ]; then failed=1; fi   # a crashed test host counts
echo "$passed passed, $failed failed, $skipped skipped"
exit $status
