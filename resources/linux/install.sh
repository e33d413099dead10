#!/bin/sh
# Install Home-Start Desktop for this user only (no root): run it from the unpacked folder.
# The app stays in this folder; this adds the launcher entry, the icon and the .hscase type.
# Uninstall: the same script with --uninstall (case files, backups and settings stay).
set -eu
here=$(cd "$(dirname "$0")" && pwd)
data=${XDG_DATA_HOME:-$HOME/.local/share}
id=be.homestartvlaanderen.Desktop
if [ "${1:-}" = "--uninstall" ]; then
  rm -f "$data/applications/$id.desktop" "$data/metainfo/$id.metainfo.xml" \
        "$data/mime/packages/$id.mime.xml" "$HOME/.local/bin/homestart" "$HOME/.local/bin/homestart-cli"
  for size in 16 24 32 48 64 128 256 512; do
    rm -f "$data/icons/hicolor/${size}x${size}/apps/$id.png"
  done
else
  mkdir -p "$data/applications" "$data/metainfo" "$data/mime/packages" "$HOME/.local/bin"
  sed "s|^Exec=homestart|Exec=\"$here/homestart\"|" "$here/share/$id.desktop" > "$data/applications/$id.desktop"
  cp "$here/share/$id.metainfo.xml" "$data/metainfo/"
  cp "$here/share/$id.mime.xml" "$data/mime/packages/"
  for size in 16 24 32 48 64 128 256 512; do
    mkdir -p "$data/icons/hicolor/${size}x${size}/apps"
    cp "$here/share/icons/homestart-$size.png" "$data/icons/hicolor/${size}x${size}/apps/$id.png"
  done
  ln -sf "$here/homestart" "$HOME/.local/bin/homestart"
  ln -sf "$here/homestart-cli" "$HOME/.local/bin/homestart-cli"
fi
update-mime-database "$data/mime" >/dev/null 2>&1 || true
update-desktop-database "$data/applications" >/dev/null 2>&1 || true
echo "Home-Start Desktop: done."
