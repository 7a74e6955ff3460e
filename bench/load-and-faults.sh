#!/usr/bin/env bash
# Load and faults (tests/SoraStudio.EndToEnd.Tests/LoadBenchmarks.cs), in Debian's Chromium: 50 signed-in sessions
# (25 typing in composers, 25 searching the gallery) while 20 takes generate against the emulator with faults on;
# the studio is stopped and started again on the same data half-way. Prints p95 interaction latency, memory per
# circuit, errors and how every take ended; record the figures in docs/PERFORMANCE.md.
set -euo pipefail
cd "$(dirname "$0")/.."
dotnet build tests/SoraStudio.EndToEnd.Tests -c Release -v q -nologo
STUDIO_BENCH=1 dotnet test tests/SoraStudio.EndToEnd.Tests -c Release --no-build -nologo \
  --filter "FullyQualifiedName~LoadBenchmarks" --logger "console;verbosity=detailed" \
  | grep -E "interactions|heap per circuit|first round|takes:|errors:|^\s+session|Passed|Failed|Assert|Error Message" || true
