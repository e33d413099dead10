#!/usr/bin/env bash
# Make every icon size from resources/homestart.svg (run after changing the SVG; commit the
# results). Needs: apt-get install librsvg2-bin imagemagick icnsutils
set -euo pipefail
cd "$(dirname "$0")/../resources"
mkdir -p icons
for size in 16 24 32 48 64 128 256 512; do
  rsvg-convert -w "$size" -h "$size" homestart.svg -o "icons/homestart-$size.png"
done
convert icons/homestart-{16,24,32,48,64,128,256}.png homestart.ico
png2icns homestart.icns icons/homestart-{16,32,48,128,256,512}.png >/dev/null
# The running app's window icon (inside the package, so a wheel carries it too).
mkdir -p ../homestart_desktop/resources/icons
cp icons/homestart-{32,256}.png ../homestart_desktop/resources/icons/
