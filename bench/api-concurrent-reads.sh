#!/usr/bin/env bash
# Concurrent API reads (issue 18): how the automation API holds up under many readers at once.
#
# Publishes the studio (scripts/publish.sh, what the container image holds; STUDIO_PUBLISHED=<folder> reuses an earlier
# publish) and starts it as its own process (`dotnet SoraStudio.Web.dll`, Production, a temp data folder, a free port of
# 127.0.0.1, the owner made from Studio:Owner). Seeds, through /api/v1 and the in-process emulator with its fast
# settings (no simulated render time, sample clips instead of ffmpeg): one project of 50 shots × 4 variations = 200
# takes, 180 Ready with their video, thumbnail and spritesheet and 20 Failed (moderation). API tokens are written into
# the database as the tokens page writes them (a random sora_pat_ token of which only the SHA-256 is stored); creating
# them needs a browser otherwise. Then the studio is restarted with its default settings (as deployed) and wrk
# (Debian's package) reads `GET /api/v1/takes/{id}` and `GET /api/v1/projects/{id}/takes?page=1..4` (48 takes a page)
# alternately, every take id in turn, each request with the next of 8 valid tokens (bench/api-concurrent-reads.lua):
# a warm-up at 20 connections (30 s, so that the JIT's tiered compilation settles), then 20 and 200 connections. Per
# run it prints requests/s, p50/p95/p99/max latency, errors (non-2xx answers, socket errors, timeouts), the CPU of the
# studio and of wrk itself, the machine's busy share and its load average. Record the figures in docs/PERFORMANCE.md.
#
# Usage: bench/api-concurrent-reads.sh            (DURATION=30s per run, WARMUP=30s; WRK_THREADS=2)
set -euo pipefail
cd "$(dirname "$0")/.."
repo=$(pwd)
duration=${DURATION:-30s}
warmup=${WARMUP:-30s}
wrk_threads=${WRK_THREADS:-2}

work=$(mktemp -d)
studio_pid=""
stop_studio() {
  if [[ -n $studio_pid ]] && kill -0 "$studio_pid" 2>/dev/null; then
    kill -TERM "$studio_pid"
    wait "$studio_pid" 2>/dev/null || true
  fi
  studio_pid=""
}
trap 'stop_studio; rm -rf "$work"' EXIT

published=${STUDIO_PUBLISHED:-}
if [[ -z $published ]]; then
  published=$work/published
  scripts/publish.sh "$published" >/dev/null
fi
test -f "$published/studio/SoraStudio.Web.dll" || { echo "no published studio in $published" >&2; exit 1; }

port=$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])')
base=http://127.0.0.1:$port
data=$work/data
db=$data/studio.db
owner_email=bench@example.com

# Starts the published studio with the given extra settings (NAME=value ...) and waits for /health/ready.
start_studio() {
  (cd "$published/studio" && exec env ASPNETCORE_URLS="$base" Studio__DataPath="$data" \
    Studio__Owner__Email=$owner_email Studio__Owner__Password=bench-password-1 Studio__Owner__DisplayName=Bench \
    OPENAI_API_KEY= Sora__ApiKey= "$@" dotnet SoraStudio.Web.dll >>"$work/studio.log" 2>&1) &
  studio_pid=$!
  for _ in $(seq 1 240); do
    curl -sf -o /dev/null "$base/health/ready" && return 0
    kill -0 "$studio_pid" 2>/dev/null || { cat "$work/studio.log" >&2; echo "the studio exited" >&2; exit 1; }
    sleep 0.5
  done
  echo "the studio did not become ready; see $work/studio.log" >&2
  exit 1
}

echo "== seeding (fast emulator settings)"
start_studio Emulator__RenderSecondsPerVideoSecond=0 Emulator__QueueDelayMs=0 Emulator__PollAfterMs=100 Emulator__MaxRunningJobs=8 \
  Emulator__Media__UseFfmpeg=false Studio__Generation__MaxConcurrentJobs=8 Studio__Generation__MaxParallelSteps=8 \
  Studio__Generation__IdleDelay=00:00:00.200 Studio__Generation__PollInterval=00:00:00.200 Studio__Generation__MaxPollInterval=00:00:00.500

# Tokens as ApiTokenService.CreateAsync makes them: sora_pat_ + 32 random bytes in base64url; only the SHA-256 is stored.
owner_id=$(sqlite3 "$db" "SELECT Id FROM AspNetUsers WHERE NormalizedEmail = upper('$owner_email');")
now_ms=$(($(date +%s) * 1000))
: >"$work/tokens"
for i in $(seq 1 8); do
  token=sora_pat_$(head -c 32 /dev/urandom | base64 | tr '+/' '-_' | tr -d '=\n')
  hash=$(printf %s "$token" | sha256sum | cut -d' ' -f1)
  sqlite3 -cmd ".timeout 10000" "$db" "INSERT INTO ApiTokens (UserId, Name, Prefix, TokenHash, CreatedAt) VALUES ('$owner_id', 'bench $i', '${token:0:15}', '$hash', $now_ms);"
  echo "$token" >>"$work/tokens"
done
auth="Authorization: Bearer $(head -1 "$work/tokens")"
api() { curl -sf -H "$auth" -H 'Content-Type: application/json' "$@"; }

project=$(api "$base/api/v1/projects" -d '{"name":"Concurrent reads","styleBible":{"style":"35 mm film, warm tungsten light"}}' | jq -r .id)
for s in $(seq 1 50); do
  scene="Shot $s: a lighthouse keeper climbs the spiral stairs at dusk, lantern in hand, rain on the windows."
  ((s % 10 == 0)) && scene="$scene [moderation-block]"
  shot=$(api "$base/api/v1/projects/$project/shots" -d "{\"title\":\"Shot $s\",\"spec\":{\"model\":\"sora-2\",\"size\":\"1280x720\",\"seconds\":4,\"scene\":\"$scene\"}}" | jq -r .id)
  api "$base/api/v1/shots/$shot/generate" -d '{"variations":4}' >/dev/null
done
for _ in $(seq 1 600); do
  settled=$(api "$base/api/v1/projects/$project/takes?pageSize=200" | jq '[.items[] | select(.status == "ready" or .status == "failed")] | length')
  ((settled == 200)) && break
  sleep 1
done
api "$base/api/v1/projects/$project/takes?pageSize=200" >"$work/takes.json"
echo "takes: $(jq -r '[.items[].status] | group_by(.) | map("\(length) \(.[0])") | join(", ")' "$work/takes.json")"
((settled == 200)) || { echo "takes did not settle" >&2; exit 1; }
stop_studio

# The requests: a take's details and a page of the project's takes, alternately.
i=0
: >"$work/paths"
for id in $(jq -r '.items[].id' "$work/takes.json"); do
  echo "/api/v1/takes/$id" >>"$work/paths"
  echo "/api/v1/projects/$project/takes?page=$((i % 4 + 1))" >>"$work/paths"
  i=$((i + 1))
done

echo "== measuring (default settings, as deployed)"
start_studio
for path in $(head -2 "$work/paths"); do
  code=$(curl -s -o /dev/null -w '%{http_code}' -H "$auth" "$base$path")
  [[ $code == 200 ]] || { echo "GET $path answered $code" >&2; exit 1; }
done

ticks() { awk '{ print $14 + $15 }' "/proc/$1/stat"; }
machine() { awk '/^cpu / { print $2+$3+$4+$7+$8+$9, $2+$3+$4+$5+$6+$7+$8+$9 }' /proc/stat; }
hz=$(getconf CLK_TCK)

echo "| connections | duration | requests/s | p50 ms | p95 ms | p99 ms | max ms | errors (non-2xx, socket, timeouts) | studio CPU | wrk CPU | machine busy | load average before |"
echo "|---|---|---|---|---|---|---|---|---|---|---|---|"
run() {
  local connections=$1 length=$2 label=$3
  local load s0 s1 m0 m1
  load=$(cut -d' ' -f1-3 /proc/loadavg)
  s0=$(ticks "$studio_pid"); m0=$(machine)
  /usr/bin/time -f '%U %S' -o "$work/wrk-cpu" \
    wrk -t"$wrk_threads" -c"$connections" -d"$length" --timeout 30s -s "$repo/bench/api-concurrent-reads.lua" "$base" -- "$work/tokens" "$work/paths" \
    >"$work/wrk-$label.txt"
  s1=$(ticks "$studio_pid"); m1=$(machine)
  local result; result=$(grep '^RESULT' "$work/wrk-$label.txt")
  # RESULT key=value ... into variables of the same names.
  local requests seconds rps p50_ms p95_ms p99_ms max_ms non2xx connect read write timeout
  eval "$(tr ' ' '\n' <<<"${result#RESULT }" | sed 's/^/local /')"
  read -r wrk_user wrk_sys <"$work/wrk-cpu"
  awk -v c="$connections" -v d="$length" -v rps="$rps" -v p50="$p50_ms" -v p95="$p95_ms" -v p99="$p99_ms" -v max="$max_ms" \
      -v non2xx="$non2xx" -v sock=$((connect + read + write)) -v timeout="$timeout" -v secs="$seconds" -v hz="$hz" \
      -v studio=$((s1 - s0)) -v wu="$wrk_user" -v ws="$wrk_sys" -v m0="$m0" -v m1="$m1" -v load="$load" -v label="$label" 'BEGIN {
    split(m0, a, " "); split(m1, b, " ")
    printf "| %s%s | %s | %.0f | %.1f | %.1f | %.1f | %.0f | %d, %d, %d | %.0f %% | %.0f %% | %.0f %% | %s |\n",
      c, (label == "warmup" ? " (warm-up)" : ""), d, rps, p50, p95, p99, max, non2xx, sock, timeout,
      100 * studio / hz / secs, 100 * (wu + ws) / secs, 100 * (b[1] - a[1]) / (b[2] - a[2]), load
  }'
}
run 20 "$warmup" warmup
run 20 "$duration" c20
run 200 "$duration" c200
echo "(CPU: share of one core over the run, so 200 % is both cores; machine busy: share of all cores, from /proc/stat)"
