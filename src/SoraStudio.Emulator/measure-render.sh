#!/usr/bin/env bash
# Measures how long the emulator takes to render a 12 s 1280x720 clip (MP4 + thumbnail + spritesheet, one ffmpeg run)
# through its real code path: starts the standalone emulator (Release), creates N jobs one after another with no
# simulated render time, and reports the ffmpeg time the emulator logs plus the create→completed wall time seen by a client.
# Usage: src/SoraStudio.Emulator/measure-render.sh [runs=5]
set -euo pipefail
cd "$(dirname "$0")/../.."
runs=${1:-5}
port=5191
data=$(mktemp -d)
log="$data/emulator.log"

dotnet build src/SoraStudio.Emulator -c Release -nologo -v q >/dev/null
dotnet src/SoraStudio.Emulator/bin/Release/net10.0/SoraStudio.Emulator.dll --urls "http://127.0.0.1:$port" \
  --Emulator:DataPath="$data/store" --Emulator:RenderSecondsPerVideoSecond=0 --Emulator:QueueDelayMs=0 >"$log" 2>&1 &
emulator=$!
trap 'kill "$emulator" 2>/dev/null; rm -rf "$data"' EXIT
for _ in $(seq 50); do curl -sf "http://127.0.0.1:$port/" >/dev/null && break; sleep 0.2; done

api() { curl -sf -H "Authorization: Bearer measure" "$@"; }
walls=()
for i in $(seq "$runs"); do
  start=$(date +%s%N)
  id=$(api -H 'Content-Type: application/json' -d "{\"prompt\":\"Render benchmark $i: a lighthouse on a cliff at dusk\",\"size\":\"1280x720\",\"seconds\":\"12\"}" \
    "http://127.0.0.1:$port/v1/videos" | sed -E 's/.*"id":"([^"]+)".*/\1/')
  until api "http://127.0.0.1:$port/v1/videos/$id" | grep -q '"status":"completed"'; do sleep 0.25; done
  walls+=($(( ($(date +%s%N) - start) / 1000000 )))
done

ffmpeg_ms=$(grep -o '(1280x720, 12 s) with ffmpeg in [0-9]* ms' "$log" | grep -o '[0-9]* ms' | tr -d ' ms' | sort -n)
echo "machine: $(nproc) cores, $(ffmpeg -version | head -1 | cut -d' ' -f1-3)"
echo "ffmpeg render, ms (sorted): $(echo $ffmpeg_ms)"
echo "create -> completed wall time, ms (in run order): ${walls[*]}"
