"""An import's counts read right, and every file of a folder it did not read is named."""

from __future__ import annotations

import os
from pathlib import Path

import pytest
from click.testing import CliRunner, Result

from annotator.cli import cli
from annotator.formats.importing import ImportSummary, import_paths
from annotator.storage.corpus import Corpus


def invoke(*args: str | Path) -> Result:
    return CliRunner().invoke(cli, [str(a) for a in args])


def article(path: Path, text: str = "Clashes in Gao.") -> Path:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(text, encoding="utf-8")
    return path


def test_one_file_read_is_one_file() -> None:
    assert ImportSummary(added=1, files=1).lines() == [
        "1 added, 0 skipped as duplicates, 0 rejected (1 file read)"]
    assert ImportSummary(added=2, files=2).lines()[0].endswith("(2 files read)")
    assert ImportSummary(files=0).lines()[0].endswith("(0 files read)")


def test_every_file_a_folder_walk_passes_over_is_named_with_its_reason(tmp_path: Path) -> None:
    folder = tmp_path / "in"
    article(folder / "gao.txt")
    article(folder / "notes.pages", "PK not for us")  # PDFs are read now; Pages files not
    article(folder / "LICENSE", "MIT")
    article(folder / ".hidden.txt", "Clashes in Kidal.")
    article(folder / ".git" / "config.txt", "[core]")
    result = invoke("import", tmp_path / "c.sqlite", folder)
    assert result.exit_code == 0, result.output
    assert result.stdout.splitlines() == [
        "1 added, 0 skipped as duplicates, 0 rejected (1 file read, 4 files skipped, "
        "each named below)"]
    assert sorted(result.stderr.splitlines()) == sorted([
        f"skipped: {folder / '.git'}: a hidden folder, not looked into",
        f"skipped: {folder / '.hidden.txt'}: a hidden file",
        f"skipped: {folder / 'LICENSE'}: no suffix to tell its type by",
        f"skipped: {folder / 'notes.pages'}: not a type of file import reads ('.pages')",
    ])


def test_one_file_skipped_is_one_file_and_nothing_skipped_says_nothing(tmp_path: Path) -> None:
    folder = tmp_path / "in"
    article(folder / "a.txt")
    article(folder / "b.txt", "Shelling near Kidal.")
    clean = invoke("import", tmp_path / "c.sqlite", folder)
    assert clean.stdout == "2 added, 0 skipped as duplicates, 0 rejected (2 files read)\n"
    assert clean.stderr == ""
    article(folder / "readme.md", "# notes")
    again = invoke("import", tmp_path / "c.sqlite", folder)
    assert again.stdout == ("0 added, 2 skipped as duplicates, 0 rejected (2 files read, "
                            "1 file skipped, each named below)\n")


@pytest.mark.skipif(not hasattr(os, "symlink"), reason="needs symbolic links")
def test_a_file_reached_twice_is_read_once_and_the_other_name_said(tmp_path: Path) -> None:
    folder = tmp_path / "in"
    article(folder / "report.txt")
    (folder / "same.txt").symlink_to("report.txt")
    summary = import_into(tmp_path, folder)
    assert (summary.added, summary.files) == (1, 1)
    [said] = summary.passed_over
    assert str(said) == f"{folder / 'same.txt'}: the same file as {folder / 'report.txt'}, " \
                        "read once"


def import_into(tmp_path: Path, *paths: Path, fmt: str = "auto") -> ImportSummary:
    with Corpus.open(tmp_path / "c.sqlite") as corpus:
        return import_paths(corpus, list(paths), fmt=fmt)


def test_files_read_with_their_documents_are_not_said_to_be_skipped(tmp_path: Path) -> None:
    # An exported brat folder: its .txt files are read through their .ann files, its
    # document-ids.tab keeps the ids; annotation.conf is brat's, and said so.
    corpus = tmp_path / "c.sqlite"
    data = article(tmp_path / "d.jsonl", '{"id": "d1", "text": "Rebels attacked Gao.", '
                                         '"spans": [{"start": 0, "end": 6, "label": "actor"}]}\n')
    assert invoke("import", corpus, data).exit_code == 0
    out = tmp_path / "brat"
    assert invoke("export", corpus, "--format", "brat", "-o", out).exit_code == 0
    assert {p.name for p in out.iterdir()} >= {"annotation.conf", "document-ids.tab"}
    (tmp_path / "again").mkdir()
    summary = import_into(tmp_path / "again", out)
    assert (summary.added, summary.rejected) == (1, [])
    assert [(p.file.name, p.reason) for p in summary.passed_over] == [
        ("annotation.conf",
         "brat's configuration, not a document; labels are read from the .ann files")]


def test_an_inception_type_system_beside_its_documents_is_not_skipped(tmp_path: Path) -> None:
    corpus = tmp_path / "c.sqlite"
    data = article(tmp_path / "d.jsonl", '{"id": "d1", "text": "Rebels attacked Gao.", '
                                         '"spans": [{"start": 0, "end": 6, "label": "actor"}]}\n')
    assert invoke("import", corpus, data).exit_code == 0
    out = tmp_path / "xmi"
    assert invoke("export", corpus, "--format", "xmi", "-o", out).exit_code == 0
    assert (out / "TypeSystem.xml").is_file()
    (tmp_path / "again").mkdir()
    summary = import_into(tmp_path / "again", out)
    assert (summary.added, summary.rejected, summary.passed_over) == (1, [], [])


def test_a_folder_read_as_brat_names_what_is_not_brat(tmp_path: Path) -> None:
    folder = tmp_path / "in"
    article(folder / "d.txt", "Rebels attacked Gao.")
    article(folder / "d.ann", "T1\tactor 0 6\tRebels\n")
    article(folder / "extra.jsonl", '{"text": "x"}\n')
    summary = import_into(tmp_path, folder, fmt="brat")
    assert summary.added == 1
    assert [str(p) for p in summary.passed_over] == [
        f"{folder / 'extra.jsonl'}: not a brat document (.ann and .txt files are read)"]
    assert summary.lines()[0].endswith("(1 file read, 1 file skipped, each named below)")
