"""Hostile files rather than hostile contents: named pipes, links leading out of a
folder, link loops, crafted spaCy DocBins and a decompression bomb."""

from __future__ import annotations

import os
import subprocess
import sys
import tracemalloc
import zlib
from pathlib import Path

import pytest
from click.testing import CliRunner, Result

from annotator.cli import cli
from annotator.formats import docbin_reader
from annotator.formats.importing import import_paths
from annotator.storage.corpus import Corpus

HOSTILE = Path(__file__).parent.parent / "data" / "hostile"


def run_import(corpus: Path, *paths: Path) -> Result:
    result = CliRunner().invoke(cli, ["import", str(corpus), *map(str, paths)])
    assert result.exception is None or isinstance(result.exception, SystemExit), result.output
    assert "Traceback" not in result.output
    return result


def run_import_process(corpus: Path, *paths: Path) -> subprocess.CompletedProcess[str]:
    """In a process of its own, so that a hang fails the test instead of stalling it."""
    return subprocess.run([sys.executable, "-m", "annotator", "import", str(corpus),
                           *map(str, paths)], capture_output=True, text=True, timeout=120,
                          check=False)


def texts(corpus: Path) -> list[str]:
    with Corpus.open(corpus) as opened:
        return sorted(opened.document(i).text for i in opened.document_ids())


# -- 4. files that are not regular files, and links -----------------------------------------


@pytest.mark.skipif(not hasattr(os, "mkfifo"), reason="named pipes are a POSIX thing")
def test_a_named_pipe_given_alone_is_refused_not_waited_on(tmp_path: Path) -> None:
    fifo = tmp_path / "x.jsonl"
    os.mkfifo(fifo)
    done = run_import_process(tmp_path / "c.sqlite", fifo)
    assert done.returncode == 1, done.stderr
    assert f"rejected: {fifo}: is a named pipe, not a regular file; not read" in done.stderr
    assert "Traceback" not in done.stderr


@pytest.mark.skipif(not hasattr(os, "mkfifo"), reason="named pipes are a POSIX thing")
def test_a_named_pipe_in_a_folder_is_skipped_and_named(tmp_path: Path) -> None:
    folder = tmp_path / "in"
    folder.mkdir()
    os.mkfifo(folder / "x.jsonl")
    os.mkfifo(folder / "y.txt")
    (folder / "good.jsonl").write_text('{"text": "Shelling near Kidal."}\n', encoding="utf-8")
    corpus = tmp_path / "c.sqlite"
    done = run_import_process(corpus, folder)
    assert done.returncode == 0, done.stderr
    assert done.stdout.startswith("1 added, 0 skipped as duplicates, 0 rejected (1 file read, "
                                  "2 files skipped, each named below)")
    for name in ("x.jsonl", "y.txt"):
        assert f"warning: {folder / name}: skipped: a named pipe, not a regular file" \
            in done.stderr
    assert texts(corpus) == ["Shelling near Kidal."]


@pytest.fixture
def linked_folder(tmp_path: Path) -> Path:
    """A folder with links out of it, into it, to nowhere and round in a loop."""
    outside = tmp_path / "outside"
    outside.mkdir()
    (outside / "passwd.txt").write_text("root:x:0:0:root:/root:/bin/bash", encoding="utf-8")
    (outside / "more.txt").write_text("Private notes.", encoding="utf-8")
    folder = tmp_path / "shared"
    (folder / "sub").mkdir(parents=True)
    (folder / "good.txt").write_text("Clashes in Gao.", encoding="utf-8")
    (folder / "sub" / "inner.txt").write_text("Shelling near Kidal.", encoding="utf-8")
    (folder / "passwd.txt").symlink_to(outside / "passwd.txt")
    (folder / "relative.txt").symlink_to(Path("..") / "outside" / "passwd.txt")
    (folder / "elsewhere").symlink_to(outside, target_is_directory=True)
    (folder / "alias.txt").symlink_to("good.txt")  # inside: the same file, read once
    (folder / "sub" / "up").symlink_to("..", target_is_directory=True)  # a loop
    (folder / "loop").symlink_to(folder, target_is_directory=True)  # another
    (folder / "broken.txt").symlink_to("nowhere.txt")
    return folder


def test_links_out_of_a_walked_folder_are_not_followed(tmp_path: Path, linked_folder: Path) -> None:
    corpus = tmp_path / "c.sqlite"
    result = run_import(corpus, linked_folder)
    assert result.exit_code == 0
    # good.txt reached again through the alias.txt link is named as read once.
    assert result.output.startswith("2 added, 0 skipped as duplicates, 0 rejected (2 files read, "
                                    "5 files skipped, each named below)")
    outside = tmp_path / "outside"
    for name, target in (("passwd.txt", "passwd.txt"), ("relative.txt", "passwd.txt"),
                         ("elsewhere", "")):
        assert (f"warning: {linked_folder / name}: skipped: a link leading out of "
                f"{linked_folder} (to {outside / target if target else outside}); not followed"
                in result.output)
    assert f"warning: {linked_folder / 'broken.txt'}: skipped: a broken link" in result.output
    assert texts(corpus) == ["Clashes in Gao.", "Shelling near Kidal."]


def test_a_link_named_on_the_command_line_is_followed(tmp_path: Path,
                                                      linked_folder: Path) -> None:
    corpus = tmp_path / "c.sqlite"
    result = run_import(corpus, linked_folder / "passwd.txt")
    assert result.exit_code == 0
    assert texts(corpus) == ["root:x:0:0:root:/root:/bin/bash"]


def test_a_brat_text_linked_out_of_the_folder_is_not_read(tmp_path: Path) -> None:
    outside = tmp_path / "outside.txt"
    outside.write_text("root:x:0:0", encoding="utf-8")
    folder = tmp_path / "brat"
    folder.mkdir()
    (folder / "doc.ann").write_text("T1\tactor 0 4\troot\n", encoding="utf-8")
    (folder / "doc.txt").symlink_to(outside)
    corpus = tmp_path / "c.sqlite"
    result = run_import(corpus, folder)
    assert f"warning: {folder / 'doc.ann'}: skipped: its text doc.txt is a link leading out of" \
        in result.output
    assert texts(corpus) == []


def test_a_brat_text_named_on_its_own_is_read_through_its_ann(tmp_path: Path) -> None:
    (tmp_path / "doc.txt").write_text("Rockets hit Gao.", encoding="utf-8")
    (tmp_path / "doc.ann").write_text("T1\tlocation 12 15\tGao\n", encoding="utf-8")
    corpus = tmp_path / "c.sqlite"
    result = run_import(corpus, tmp_path / "doc.txt")
    assert result.exit_code == 0
    assert result.output.startswith("1 added")  # it was read as nothing at all
    assert texts(corpus) == ["Rockets hit Gao."]


# -- 3. spaCy DocBin files -----------------------------------------------------------------


@pytest.mark.parametrize(("name", "reason"), [
    ("import-binary-junk.spacy", "is not a spaCy DocBin file: its compressed data is damaged"),
    ("import-docbin-not-zlib.spacy", "its compressed data is damaged"),
    ("import-docbin-truncated.spacy", "it is cut short (its compressed data ends too soon)"),
    ("import-docbin-not-msgpack.spacy", "the file's content: not valid msgpack (FormatError)"),
    ("import-docbin-wrong-type.spacy", "it holds list, not a DocBin's map"),
    ("import-docbin-missing-keys.spacy", '"tokens" is missing'),
    ("import-docbin-ragged-tokens.spacy", '"tokens" or "lengths" is not a whole number of '
                                          "entries"),
    ("import-docbin-lengths-mismatch.spacy", "lengths add up to 99 tokens, but it has 5 "
                                             "tokens"),
    ("import-docbin-negative-length.spacy", '"lengths" has a negative document length'),
    ("import-docbin-no-orth.spacy", '"attrs" has no ORTH'),
    ("import-docbin-span-groups-string.spacy", '"span_groups" does not have one entry per '
                                               "document"),
    ("import-docbin-unknown-hash.spacy", "document 1: the text of token 3 (hash "),
    ("import-docbin-bad-span-group.spacy", "document 1: the span groups: not valid msgpack"),
    ("import-docbin-user-data.spacy", "document 1: its user data title is (1, 2), not text"),
    ("import-docbin-bad-iob.spacy", "document 1: token 1 continues an entity that never began"),
])
def test_a_crafted_docbin_is_refused_with_a_message(tmp_path: Path, name: str,
                                                    reason: str) -> None:
    corpus = tmp_path / "c.sqlite"
    result = run_import(corpus, HOSTILE / name)
    assert result.exit_code == 1
    [line] = [x for x in result.output.splitlines() if x.startswith("rejected: ")]
    assert line.startswith(f"rejected: {HOSTILE / name}: ") and reason in line, line
    assert texts(corpus) == []


def test_a_docbin_with_one_bad_document_keeps_the_good_one(tmp_path: Path) -> None:
    corpus = tmp_path / "c.sqlite"
    result = run_import(corpus, HOSTILE / "import-docbin-span-out-of-range.spacy",
                        HOSTILE / "import-docbin-good.spacy")
    assert result.exit_code == 1
    assert "document 2: span 1 of span group 1 covers tokens 2-1000, outside the document's 4 " \
        "tokens" in result.output
    # Document 1 of the bad file and document 1 of the good one are the same (ids doc-0).
    assert result.output.startswith("2 added, 1 skipped as duplicates, 1 rejected")
    assert texts(corpus) == ["Rockets hit Gao today.", "Shelling near Kidal."]


def zlib_bomb(path: Path, expanded_mib: int) -> None:
    """A zlib stream of ``expanded_mib`` MiB of zeros, about 1 KB per MiB: the
    compressed form of one MiB repeats, so it is made in a moment."""
    squeeze = zlib.compressobj(9, zlib.DEFLATED, -15)
    mib = bytes(1 << 20)
    first = squeeze.compress(mib) + squeeze.flush(zlib.Z_FULL_FLUSH)
    again = squeeze.compress(mib) + squeeze.flush(zlib.Z_FULL_FLUSH)
    size = expanded_mib << 20
    adler = ((size % 65521) << 16) | 1  # Adler-32 of that many zeros
    with path.open("wb") as out:
        out.write(b"\x78\xda" + first)
        for _ in range(expanded_mib - 1):
            out.write(again)
        out.write(squeeze.flush() + adler.to_bytes(4, "big"))


def test_the_bomb_helper_makes_a_valid_stream(tmp_path: Path) -> None:
    path = tmp_path / "small.bin"
    zlib_bomb(path, 3)
    assert zlib.decompress(path.read_bytes()) == bytes(3 << 20)


def test_a_decompression_bomb_is_refused_in_bounded_memory(tmp_path: Path) -> None:
    bomb = tmp_path / "bomb.spacy"
    zlib_bomb(bomb, 3000)  # about 3 MB that expands to 3 GiB
    size = bomb.stat().st_size
    assert 2_500_000 < size < 3_500_000
    limit = min(docbin_reader.MAX_EXPANDED,
                max(docbin_reader.MIN_EXPANDED, docbin_reader.EXPANSION_RATIO * size))
    tracemalloc.start()
    try:
        with Corpus.open(tmp_path / "c.sqlite") as corpus:
            summary = import_paths(corpus, [bomb])
        _now, peak = tracemalloc.get_traced_memory()
    finally:
        tracemalloc.stop()
    [problem] = summary.rejected
    assert problem.reason == (f"is not a spaCy DocBin file: it expands past {limit >> 20} MiB "
                              "(a compression bomb, or a DocBin too large to read)")
    # Inflated no further than the limit (spaCy's reader took 6.3 GB before giving up).
    assert peak < limit + (16 << 20), peak
