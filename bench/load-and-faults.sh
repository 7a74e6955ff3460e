#!/usr/bin/env bash
# Load and faults (tests/SoraStudio.EndToEnd.Tests/LoadBenchmarks.cs), in Debian's Chromium: the published studio and
# the standalone emulator (scripts/publish.sh, as in the container image) run as their own processes; 50 signed-in
# sessions (25 typing in composers, 25 searching the gallery) work while 20 takes generate with the emulator's faults
# on; half-way the studio is killed with SIGKILL and started again on the same data. Prints p95 interaction latency,
# memory per session, CPU by process, errors and how every take ended; record the figures in docs/PERFORMANCE.md.
set -euo pipefail
cd "$(dirname "$0")/.."
# STUDIO_LOAD_PAUSE_MS=200 bench/load-and-faults.sh: every session acts every 200 ms (a stress run; people pause longer).
published=$(mktemp -d)
trap 'rm -rf "$published"' EXIT
scripts/publish.sh "$published"
dotnet build tests/SoraStudio.EndToEnd.Tests -c Release -v q -nologo
STUDIO_BENCH=1 STUDIO_PUBLISHED="$published" dotnet test tests/SoraStudio.EndToEnd.Tests -c Release --no-build -nologo \
  --filter "FullyQualifiedName~LoadBenchmarks" --logger "console;verbosity=detailed" >"$published/test.log" || true
grep -E "server timings|slowest events|interactions|first interaction|the others|pauses|killed at|slowest|round 1:|round 2:|reloads:|per session|CPU over|first round|takes:|errors:|logs kept|^\s+session|Passed|Failed|Assert|Error Message|Exception|   at SoraStudio" "$published/test.log" || true
