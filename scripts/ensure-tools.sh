#!/usr/bin/env bash
# Installs the tools the tests use when the machine lacks them: ffmpeg (the emulator renders real clips
# and the tests probe them) and Chromium (end-to-end tests). Debian/Ubuntu only; elsewhere it says what is missing.
set -euo pipefail

missing=()
command -v ffmpeg >/dev/null 2>&1 && command -v ffprobe >/dev/null 2>&1 || missing+=(ffmpeg)
command -v chromium >/dev/null 2>&1 || [ -x /usr/bin/chromium ] || missing+=(chromium)
fc-list 2>/dev/null | grep -qi dejavu || missing+=(fonts-dejavu-core)

[ ${#missing[@]} -eq 0 ] && exit 0

if command -v apt-get >/dev/null 2>&1 && [ "$(id -u)" = 0 ]; then
  echo "Installing ${missing[*]} ..."
  apt-get update -qq
  DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
else
  echo "Missing tools: ${missing[*]}. Install them with your package manager (e.g. sudo apt-get install ${missing[*]})." >&2
  exit 1
fi
