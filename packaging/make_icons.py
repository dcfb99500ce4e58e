"""Render resources/icons/annotator.svg into the icon files desktops want.

PNGs in the usual sizes (hicolor theme folders on Linux), a Windows .ico and
a macOS .icns. Run after changing the SVG:

    QT_QPA_PLATFORM=offscreen python packaging/make_icons.py
"""

from __future__ import annotations

import sys
from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtGui import QGuiApplication, QImage, QPainter
from PySide6.QtSvg import QSvgRenderer

ICONS = Path(__file__).resolve().parents[1] / "resources" / "icons"
SIZES = (16, 24, 32, 48, 64, 128, 256, 512)


def render(size: int) -> QImage:
    image = QImage(size, size, QImage.Format.Format_ARGB32)
    image.fill(Qt.GlobalColor.transparent)
    painter = QPainter(image)
    QSvgRenderer(str(ICONS / "annotator.svg")).render(painter)
    painter.end()
    return image


def main() -> int:
    QGuiApplication(sys.argv[:1])
    for size in SIZES:
        folder = ICONS / "hicolor" / f"{size}x{size}" / "apps"
        folder.mkdir(parents=True, exist_ok=True)
        if not render(size).save(str(folder / "annotator.png")):
            print(f"could not write the {size} px icon", file=sys.stderr)
            return 1
    for name, size in (("annotator.ico", 256), ("annotator.icns", 512)):
        if not render(size).save(str(ICONS / name)):
            print(f"could not write {name}", file=sys.stderr)
            return 1
    print(f"icons written to {ICONS}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
