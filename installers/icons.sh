#!/usr/bin/env bash
# Renders the application icon's PNGs and Windows ICO from assets' gatehouse.svg (ImageMagick).
# Run after editing the SVG and commit the results: the installer builds use the rendered files,
# so building an installer needs no ImageMagick (macOS makes its .icns from the 512 px PNG).
set -euo pipefail
dir="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)/assets/src/main/resources/dev/gatehouse/assets/icons"
command -v convert >/dev/null || { echo "icons.sh: needs ImageMagick's convert" >&2; exit 1; }
for size in 16 32 48 128 256 512; do
  convert -background none -density 384 "$dir/gatehouse.svg" -resize "${size}x${size}" -strip \
    -define png:format=png32 "$dir/gatehouse-$size.png"
done
convert "$dir"/gatehouse-{16,32,48,256}.png "$dir/gatehouse.ico"
ls -l "$dir"
