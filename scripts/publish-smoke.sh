#!/usr/bin/env bash
# CI's check of the container image's contents without a Docker engine: the same publish as the Dockerfile
# (scripts/publish.sh), then the published studio started from its publish folder (the image's working
# directory) on a free port with a temp data folder, as the image starts it; passes when /health/ready answers
# 200 and the Blazor script is served, then stops the app.
# Usage: scripts/publish-smoke.sh [extra dotnet publish arguments; test.sh passes --no-build after its Release build]
set -euo pipefail
cd "$(dirname "$0")/.."

work=$(mktemp -d)
pid=
cleanup() {
  if [ -n "$pid" ] && kill -0 "$pid" 2>/dev/null; then kill "$pid"; wait "$pid" 2>/dev/null || true; fi
  rm -rf "$work"
}
trap cleanup EXIT

scripts/publish.sh "$work/app" "$@"
mkdir -p "$work/data"

# Port 0: the app picks a free port and logs it. No API key: the emulator runs inside the studio.
(cd "$work/app/studio" && exec env OPENAI_API_KEY= Sora__ApiKey= Studio__DataPath="$work/data" \
  ASPNETCORE_URLS=http://127.0.0.1:0 Logging__LogLevel__Default=Information \
  Emulator__Media__UseFfmpeg=false dotnet SoraStudio.Web.dll) >"$work/app.log" 2>&1 &
pid=$!

url=
for _ in $(seq 1 120); do
  url=$(grep -o 'Now listening on: http://[0-9.:]*' "$work/app.log" | head -1 | sed 's/Now listening on: //') || true
  if [ -n "$url" ] && curl -fsS -o "$work/ready.json" "$url/health/ready" 2>/dev/null; then break; fi
  kill -0 "$pid" 2>/dev/null || { echo "publish-smoke: the published studio exited:" >&2; cat "$work/app.log" >&2; exit 1; }
  sleep 0.5
done
if ! [ -s "$work/ready.json" ]; then
  echo "publish-smoke: /health/ready never answered 200 within 60 s" >&2
  cat "$work/app.log" >&2
  [ -n "$url" ] && curl -sS "$url/health/ready" >&2 || true
  exit 1
fi

curl -fsS -o "$work/blazor.web.js" "$url/_framework/blazor.web.js"
script_bytes=$(wc -c <"$work/blazor.web.js")
if [ "$script_bytes" -lt 100000 ]; then
  echo "publish-smoke: /_framework/blazor.web.js is $script_bytes bytes; the published app is not serving its static files" >&2
  exit 1
fi
# .NET 10's own client (the ReconnectModal resumes a paused circuit with it), not an older one.
if ! grep -q resumeCircuit "$work/blazor.web.js"; then
  echo "publish-smoke: /_framework/blazor.web.js has no Blazor.resumeCircuit: it is not the .NET 10 client script" >&2
  exit 1
fi

kill "$pid"
wait "$pid" 2>/dev/null || true
pid=
echo "publish-smoke: the published studio started, answered /health/ready ($(tr -d ' \n' <"$work/ready.json" | grep -o '"status":"[A-Za-z]*"' | head -1)) and served blazor.web.js ($script_bytes bytes)"
