"""Input that is broken on purpose: each file named with what is wrong, the rest imported."""

from __future__ import annotations

import json
import os
from pathlib import Path
from typing import BinaryIO

import pytest
from click.testing import CliRunner

from annotator.cli import cli
from annotator.formats import base
from annotator.formats.exporting import MANIFEST
from annotator.formats.importing import import_paths
from annotator.storage.corpus import Corpus


def import_cli(corpus: Path, *paths: Path) -> tuple[int, str]:
    result = CliRunner().invoke(cli, ["import", str(corpus), *map(str, paths)])
    assert "Traceback" not in result.output
    return result.exit_code, result.output


def test_a_folder_of_hostile_files(tmp_path: Path) -> None:
    folder = tmp_path / "in"
    folder.mkdir()
    (folder / "good.txt").write_text("date 2024-05-01 Clashes in Gao\nTwo dead.", encoding="utf-8")
    (folder / "cp1252.txt").write_bytes("Caf\u00e9 attack \u2013 “five” hurt".encode("cp1252"))
    (folder / "latin1.txt").write_bytes("Der Angriff tötete fünf Menschen in Köln".encode("latin-1"))
    (folder / "utf16.txt").write_bytes("قصف على قاعدة عين الأسد".encode("utf-16"))
    (folder / "nul.txt").write_bytes(b"Rockets\x00 hit the base.")
    (folder / "empty.txt").write_bytes(b"")
    (folder / "image.txt").write_bytes(bytes(range(256)) * 64)
    (folder / "bad-date.txt").write_text("date 2024-02-31 Shelling\nBody.", encoding="utf-8")
    (folder / "lines.jsonl").write_text(
        json.dumps({"text": "Fine line."}) + "\n{not json\n"
        + json.dumps({"text": "abc", "spans": [{"start": 0, "end": 99, "label": "actor"}]})
        + "\n" + json.dumps({"text": "abc", "spans": [
            {"start": 0, "end": 2, "label": "actor", "text": "zz"}]}) + "\n", encoding="utf-8")
    (folder / "table.csv").write_text("id,body\n1,text\n", encoding="utf-8")
    (folder / "loop").symlink_to(folder, target_is_directory=True)  # a link loop
    code, output = import_cli(tmp_path / "c.sqlite", folder)
    assert code == 1
    assert "7 added" in output  # good, cp1252, latin1, utf16, nul, bad-date, Fine line
    for name, reason in (("empty.txt", "is empty"), ("image.txt", "binary"),
                         ("lines.jsonl:2", "not valid JSON"), ("lines.jsonl:3", "out of range"),
                         ("lines.jsonl:4", "differs from the text there"),
                         ("table.csv:1", "no column 'text'")):
        assert f"{folder / name.split(':')[0]}" in output
        assert any(name in line and reason in line for line in output.splitlines()), name
    assert "decoded as cp1252" in output
    assert "decoded as utf-16" in output
    assert "'2024-02-31' is not a valid date; imported without a date" in output
    with Corpus.open(tmp_path / "c.sqlite") as corpus:
        texts = {corpus.document(i).text for i in corpus.document_ids()}
    assert "Rockets hit the base." in texts  # NUL removed
    assert "قصف على قاعدة عين الأسد" in texts


def test_an_unreadable_file_is_named(tmp_path: Path, monkeypatch) -> None:
    path = tmp_path / "secret.txt"
    path.write_text("hidden", encoding="utf-8")
    original = base.open_regular

    def refuse(opened: Path) -> BinaryIO:
        if opened.name == "secret.txt":
            raise PermissionError(13, "Permission denied")
        return original(opened)

    monkeypatch.setattr(base, "open_regular", refuse)
    with Corpus.open(tmp_path / "c.sqlite") as corpus:
        summary = import_paths(corpus, [path])
    [problem] = summary.rejected
    assert str(problem) == f"{path}: cannot be read (Permission denied)"


@pytest.mark.skipif(os.geteuid() == 0, reason="root reads any file")
def test_an_unreadable_file_on_disk(tmp_path: Path) -> None:
    path = tmp_path / "locked.txt"
    path.write_text("locked", encoding="utf-8")
    path.chmod(0)
    code, output = import_cli(tmp_path / "c.sqlite", path)
    assert code == 1
    assert "cannot be read" in output


def test_a_50_mb_text_imports(tmp_path: Path) -> None:
    path = tmp_path / "report.txt"
    paragraph = "Shelling was reported near the river; several civilians were hurt. " * 40 + "\n\n"
    with path.open("w", encoding="utf-8") as out:
        while out.tell() < 50 * 2**20:
            out.write(paragraph)
    with Corpus.open(tmp_path / "c.sqlite") as corpus:
        summary = import_paths(corpus, [path])
        assert summary.ok
        [doc_id] = corpus.document_ids()
        assert len(corpus.document(doc_id).text) >= 50 * 2**20 - 10


def test_brat_file_names_are_safe_and_distinct(tmp_path: Path) -> None:
    from tests.formats.conftest import build

    corpus = build(tmp_path / "c.sqlite", [
        {"id": "../../etc/passwd", "text": "One."}, {"id": "Doc", "text": "Two."},
        {"id": "doc", "text": "Three."}, {"id": "a/b\\c:d", "text": "Four."}])
    out = tmp_path / "brat"
    result = CliRunner().invoke(cli, ["export", str(corpus), "--format", "brat", "-o", str(out)])
    assert result.exit_code == 0, result.output
    from annotator.formats.file_names import read_id_map

    stems = read_id_map(out / "document-ids.tab")
    assert sorted(stems.values()) == ["../../etc/passwd", "Doc", "a/b\\c:d", "doc"]
    assert stems["Doc"] == "Doc"  # a safe id is its own name; the others say what they were
    assert {s.split("-")[0] for s in stems} == {"Doc", "a_b_c_d", "doc", "etc_passwd"}
    assert sorted(p.name for p in out.iterdir() if p.name != MANIFEST) == sorted(
        ["annotation.conf", "document-ids.tab",
         *(f"{stem}{suffix}" for stem in stems for suffix in (".ann", ".txt"))])
    assert not (tmp_path / "etc").exists()
