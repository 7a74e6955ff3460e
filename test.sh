#!/usr/bin/env bash
# Runs every test of the solution and ends with one summary line: "N passed, N failed, N skipped".
# Usage: ./test.sh [extra dotnet test arguments, e.g. --filter FullyQualifiedName~Prompting]
set -uo pipefail
cd "$(dirname "$0")"

scripts/ensure-tools.sh || exit 1

results=$(mktemp -d)
trap 'rm -rf "$results"' EXIT

dotnet build SoraStudio.sln -c Release -nologo -v q || { echo "0 passed, 1 failed (the build failed)"; exit 1; }
dotnet test SoraStudio.sln -c Release --no-build -nologo -v q \
  --logger "trx" --logger "console;verbosity=minimal" --results-directory "$results" "$@"
status=$?

# The container image's contents, without a Docker engine: the Dockerfile's publish, started and probed
# (on a full run; a filtered run is about the filtered tests).
smoke_passed=0; smoke_failed=0
if [ $# -eq 0 ]; then
  if scripts/publish-smoke.sh --no-build; then smoke_passed=1; else smoke_failed=1; status=1; fi
fi

# Sum the counters of every project's TRX report (a skipped test is counted in total, not in executed).
read -r passed failed skipped < <(cat "$results"/*.trx 2>/dev/null | grep -o '<Counters [^>]*>' | awk '
  { for (i = 1; i <= NF; i++) { split($i, kv, "=\""); v = kv[2]; sub(/".*/, "", v); c[kv[1]] += v } }
  END { printf "%d %d %d\n", c["passed"], c["failed"] + c["error"] + c["timeout"] + c["aborted"], c["total"] - c["executed"] }')

passed=$(( ${passed:-0} + smoke_passed )); failed=$(( ${failed:-0} + smoke_failed ))
echo
if [ "$status" -ne 0 ] && [ "${failed:-0}" -eq 0 ]; then failed=1; fi
echo "${passed:-0} passed, ${failed:-0} failed, ${skipped:-0} skipped"
exit "$status"
