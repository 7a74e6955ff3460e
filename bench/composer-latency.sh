#!/usr/bin/env bash
# The composer's browser benchmarks (tests/SoraStudio.EndToEnd.Tests/ComposerBenchmarks.cs), in Debian's Chromium:
# keystroke → updated prompt preview (p95 budget 50 ms) and server memory per idle composer circuit against a
# minimal page. Results go to the console; record them in docs/PERFORMANCE.md.
set -euo pipefail
cd "$(dirname "$0")/.."
dotnet build tests/SoraStudio.EndToEnd.Tests -c Release -v q -nologo
STUDIO_BENCH=1 dotnet test tests/SoraStudio.EndToEnd.Tests -c Release --no-build -nologo \
  --filter "FullyQualifiedName~ComposerBenchmarks" --logger "console;verbosity=detailed" \
  | grep -E "keystroke|managed heap|Passed|Failed" || true
