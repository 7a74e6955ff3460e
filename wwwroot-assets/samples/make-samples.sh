#!/usr/bin/env bash
# Regenerates the emulator's fallback media (served when ffmpeg is absent): one small H.264 + AAC MP4 per
# size × duration of the Videos API, plus one WebP thumbnail and one JPEG spritesheet (4x3 tiles) per size.
# The files are committed and embedded in SoraStudio.Emulator; rerun only to change their look.
# Needs ffmpeg with libx264, aac, libwebp (and drawtext + DejaVu fonts for the caption; else a plain test pattern).
# Usage: wwwroot-assets/samples/make-samples.sh
set -euo pipefail
cd "$(dirname "$0")"

font=/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf
mono=/usr/share/fonts/truetype/dejavu/DejaVuSansMono.ttf
text=no
filters=$(ffmpeg -hide_banner -filters 2>/dev/null) # not piped into grep -q: pipefail would trip on ffmpeg's SIGPIPE
if [ -f "$font" ] && [ -f "$mono" ] && grep -qw drawtext <<<"$filters"; then text=yes; fi

for size in 720x1280 1280x720 1024x1792 1792x1024; do
  w=${size%x*}; h=${size#*x}; short=$(( w < h ? w : h ))
  for seconds in 4 8 12; do
    out="sample-${size}-${seconds}s.mp4"
    if [ "$text" = yes ]; then
      bg="color=c=0x333c57:s=${size}:r=12:d=${seconds}"
      vf="overlay=x='-w+W*floor(t+1)/${seconds}':y=H-h:eval=frame"
      vf="$vf,drawtext=fontfile=${font}:text='Sora Studio emulator':fontcolor=white:fontsize=$((short/16)):x=(w-tw)/2:y=h*0.28"
      vf="$vf,drawtext=fontfile=${font}:text='sample clip  ${size}  ${seconds} s':fontcolor=0xc2c3c7:fontsize=$((short/26)):x=(w-tw)/2:y=h*0.40"
      vf="$vf,drawtext=fontfile=${mono}:text='%{eif\:t\:d} s':fontcolor=0xffec27:fontsize=$((short/9)):x=(w-tw)/2:y=h*0.60"
    else
      bg="testsrc2=s=${size}:r=12:d=${seconds}"
      vf="overlay=x='-w+W*floor(t+1)/${seconds}':y=H-h:eval=frame"
    fi
    ffmpeg -hide_banner -loglevel error -nostdin -y \
      -f lavfi -i "$bg" -f lavfi -i "sine=frequency=440:sample_rate=22050:duration=${seconds}" \
      -f lavfi -i "color=c=0xffa300:s=${w}x$(( h / 40 / 2 * 2 )):r=12:d=${seconds}" \
      -filter_complex "[0:v][2:v]${vf},format=yuv420p[v]" -map "[v]" -map 1:a \
      -c:v libx264 -preset medium -crf 40 -g 240 -c:a aac -ac 1 -b:a 16k \
      -movflags +faststart -t "$seconds" "$out"
    if [ "$seconds" = 4 ]; then
      ffmpeg -hide_banner -loglevel error -nostdin -y -ss 1 -i "$out" -frames:v 1 -c:v libwebp -quality 60 "thumbnail-${size}.webp"
      ffmpeg -hide_banner -loglevel error -nostdin -y -i "$out" -vf "fps=12/${seconds},scale=256:-2,tile=4x3" -frames:v 1 -q:v 8 "spritesheet-${size}.jpg"
    fi
  done
done
du -ch sample-*.mp4 thumbnail-*.webp spritesheet-*.jpg | tail -1
