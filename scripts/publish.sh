#!/usr/bin/env bash
# Publishes what the container image holds: the studio into <out>/studio and the standalone emulator into
# <out>/emulator. The Dockerfile and CI's publish check (scripts/publish-smoke.sh) both run this script, so CI
# exercises the image's contents.
# Usage: scripts/publish.sh <out> [extra dotnet publish arguments]
set -euo pipefail
cd "$(dirname "$0")/.."

out=${1:?usage: scripts/publish.sh <out folder>}
shift

dotnet publish src/SoraStudio.Web -c Release -o "$out/studio" -nologo -v q "$@"
dotnet publish src/SoraStudio.Emulator -c Release -o "$out/emulator" -nologo -v q "$@"

# A published app serves its static files from its content root; the Blazor script must be among them.
test -s "$out/studio/wwwroot/_framework/blazor.web.js" || { echo "publish: blazor.web.js is missing from $out/studio/wwwroot" >&2; exit 1; }
