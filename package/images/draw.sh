#!/usr/bin/env bash
# Draws the Extension Manager icons (42x42, as LibreOffice shows them): three rising bars and
# a growth curve; icon_hc.png is the high-contrast variant. ImageMagick (convert).
set -euo pipefail
cd "$(dirname "$0")"
bars=(-draw "rectangle 7,26 13,35" -draw "rectangle 17,19 23,35" -draw "rectangle 27,11 33,35")
convert -size 42x42 xc:'#1f4e79' -fill '#ffffff' -stroke none "${bars[@]}" \
  -fill none -stroke '#ffc000' -strokewidth 3 -draw "polyline 7,22 17,15 27,9 36,5" PNG32:icon.png
convert -size 42x42 xc:'#000000' -fill '#ffffff' -stroke none "${bars[@]}" \
  -fill none -stroke '#ffff00' -strokewidth 3 -draw "polyline 7,22 17,15 27,9 36,5" PNG32:icon_hc.png
