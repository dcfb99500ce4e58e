#!/usr/bin/env sh
# Put annotator's menu entry, icons and AppStream metadata in the user's share folder
# (~/.local/share), for an `annotator` already on the PATH (pip install, or the built
# folder linked into ~/.local/bin).
set -eu
here=$(cd "$(dirname "$0")" && pwd)
share=${XDG_DATA_HOME:-$HOME/.local/share}
mkdir -p "$share/applications" "$share/metainfo"
cp "$here/annotator.desktop" "$share/applications/annotator.desktop"
cp "$here/io.github.annotator.metainfo.xml" "$share/metainfo/"
for folder in "$here"/../resources/icons/hicolor/*/apps; do
  size=$(basename "$(dirname "$folder")")
  mkdir -p "$share/icons/hicolor/$size/apps"
  cp "$folder/annotator.png" "$share/icons/hicolor/$size/apps/annotator.png"
done
mkdir -p "$share/icons/hicolor/scalable/apps"
cp "$here/../resources/icons/annotator.svg" "$share/icons/hicolor/scalable/apps/annotator.svg"
command -v update-desktop-database >/dev/null && update-desktop-database "$share/applications" || true
echo "annotator added to the applications menu"
