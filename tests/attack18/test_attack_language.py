"""Languages attacked: a corpus stored before languages were read, exported by language
after the release that reads them has compared its documents."""

from __future__ import annotations

import json
from pathlib import Path

from click.testing import CliRunner

from annotator.cli import cli
from annotator.core.model import DocumentRecord
from annotator.storage.bulk import add_documents
from annotator.storage.corpus import Corpus
from tests.storage.test_near_duplicates import OWN_WORDS, WIRE


def test_a_corpus_from_before_languages_exports_its_english_documents(tmp_path: Path):
    path = tmp_path / "old.sqlite"
    with Corpus.open(path) as corpus:  # as an older release stored them: no language
        add_documents(corpus, [DocumentRecord(text=WIRE, uid="old1"),
                               DocumentRecord(text=OWN_WORDS, uid="old2")])
    runner = CliRunner()
    # The coder's first work with the new release: the corpus is compared.
    assert runner.invoke(cli, ["duplicates", str(path)]).exit_code == 0
    out = tmp_path / "english.jsonl"
    exported = runner.invoke(cli, ["export", str(path), "--format", "jsonl", "-o", str(out),
                                   "--language", "en"])
    assert exported.exit_code == 0, exported.output
    assert out.exists(), exported.output
    uids = [json.loads(line)["id"] for line in out.read_text(encoding="utf-8").splitlines()]
    assert uids == ["old1", "old2"], exported.output
