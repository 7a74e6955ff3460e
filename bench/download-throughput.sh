#!/usr/bin/env bash
# Client download benchmark (docs/PERFORMANCE.md, "Client download"): serves a 100 MiB content from an
# in-process Kestrel endpoint, downloads it through VideosApiClient to a file and with curl to /dev/null,
# alternating, and prints throughput and the managed memory each client download allocated.
# Exit code 0 when the client reaches >= 80 % of curl's median throughput and allocates < 16 MB per download.
# Usage: bench/download-throughput.sh [--size-mb 100] [--rounds 7]
set -euo pipefail
cd "$(dirname "$0")/.."

if ! command -v curl >/dev/null; then
  apt-get update -qq && apt-get install -y --no-install-recommends -qq curl
fi
dotnet build -c Release --nologo -v quiet bench/SoraStudio.SoraApi.Bench
dotnet bench/SoraStudio.SoraApi.Bench/bin/Release/net10.0/SoraStudio.SoraApi.Bench.dll "$@"
