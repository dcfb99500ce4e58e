"""What a researcher installs: the wheel with its resources, one version everywhere."""

from __future__ import annotations

import json
import os
import re
import subprocess
import sys
import zipfile
from pathlib import Path

from annotator import __version__
from annotator.core.default_codebook import default_schema
from annotator.core.schema import schema_from_json
from tests.conftest import REPO


def test_a_normal_install_finds_its_resources(tmp_path: Path) -> None:
    wheels = tmp_path / "wheels"
    built = subprocess.run([sys.executable, "-m", "pip", "wheel", str(REPO), "--no-deps",
                            "-w", str(wheels), "-q"], capture_output=True, text=True,
                           check=False, timeout=600)
    assert built.returncode == 0, built.stderr[-2000:]
    [wheel] = wheels.glob("annotator-*.whl")
    names = zipfile.ZipFile(wheel).namelist()
    for expected in ("annotator/_resources/samples/ain-al-assad-2024-08-06.txt",
                     "annotator/_resources/icons/annotator.svg",
                     "annotator/_resources/icons/hicolor/256x256/apps/annotator.png",
                     "annotator/_resources/schema/default.json",
                     "annotator/_resources/maps/world.json", "annotator/cli.py"):
        assert expected in names, expected
    target = tmp_path / "site"
    installed = subprocess.run([sys.executable, "-m", "pip", "install", "--no-deps", "-q",
                                "--target", str(target), str(wheel)],
                               capture_output=True, text=True, check=False, timeout=600)
    assert installed.returncode == 0, installed.stderr[-2000:]
    # Run from elsewhere, with only the installed copy of annotator importable.
    env = {**os.environ, "PYTHONPATH": str(target), "ANNOTATOR_HOME": str(tmp_path / "home")}
    probe = subprocess.run(
        [sys.executable, "-c", "import annotator, annotator.resources as r; "
         "print(annotator.__file__); print(r.resources_dir())"],
        capture_output=True, text=True, cwd=tmp_path, env=env, check=False)
    module, resources = probe.stdout.split()
    assert module.startswith(str(target)) and resources.startswith(str(target))
    corpus = tmp_path / "c.sqlite"
    init = subprocess.run([sys.executable, "-m", "annotator", "init", str(corpus), "--sample"],
                          capture_output=True, text=True, cwd=tmp_path, env=env, check=False)
    assert init.returncode == 0, init.stderr
    assert "4 documents" in init.stdout


def test_the_shared_default_codebook_file_is_the_default_schema() -> None:
    path = REPO / "resources" / "schema" / "default.json"
    assert schema_from_json(json.loads(path.read_text(encoding="utf-8"))) == default_schema()


def test_the_version_is_said_the_same_everywhere() -> None:
    changelog = (REPO / "CHANGELOG.md").read_text(encoding="utf-8")
    assert re.search(r"^## (\S+)", changelog, re.MULTILINE).group(1) == __version__
    metainfo = (REPO / "packaging" / "io.github.annotator.metainfo.xml").read_text()
    assert f'<release version="{__version__}"' in metainfo
    pyproject = (REPO / "pyproject.toml").read_text()
    assert 'dynamic = ["version"]' in pyproject  # read from annotator/__init__.py only


def test_desktop_files_are_complete() -> None:
    desktop = (REPO / "packaging" / "annotator.desktop").read_text()
    for key in ("Type=Application", "Name=annotator", "Exec=annotator open %f",
                "Icon=annotator"):
        assert key in desktop
    icons = REPO / "resources" / "icons"
    for size in (16, 32, 48, 64, 128, 256, 512):
        assert (icons / "hicolor" / f"{size}x{size}" / "apps" / "annotator.png").exists()
    assert (icons / "annotator.ico").read_bytes()[:4] == b"\x00\x00\x01\x00"
    assert (icons / "annotator.icns").read_bytes()[:4] == b"icns"
