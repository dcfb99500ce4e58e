"""`annotator init CORPUS --codebook NAME` sets a new corpus up with a dataset's codebook,
and a mistaken name makes nothing."""

from __future__ import annotations

from pathlib import Path

import pytest
from click.testing import CliRunner

from annotator.cli import cli
from annotator.core.datasets import DATASETS, dataset_schema
from annotator.storage.corpus import Corpus


@pytest.mark.parametrize("name", list(DATASETS))
def test_a_new_corpus_starts_with_the_datasets_codebook(tmp_path: Path, name: str) -> None:
    path = tmp_path / f"{name}.sqlite"
    done = CliRunner().invoke(cli, ["init", str(path), "--codebook", name])
    assert done.exit_code == 0, done.output
    assert f"and the {name} codebook" in done.output
    expected = dataset_schema(name)
    with Corpus.open(path) as corpus:
        assert corpus.schema() == expected
        assert corpus.schema().dataset == name
        codebook = corpus.codebook()
    # The written codebook names every event code, for the team to read and edit.
    for attribute in expected.event_attributes:
        assert f"**{attribute.name}**" in codebook
    listed = CliRunner().invoke(cli, ["schema", str(path)])
    assert listed.exit_code == 0, listed.output
    assert f"dataset: {name}" in listed.output
    assert sum(line.startswith("event attribute ") for line in listed.output.splitlines()) \
        == len(expected.event_attributes)


def test_the_sample_articles_come_with_a_datasets_codebook_too(tmp_path: Path) -> None:
    path = tmp_path / "c.sqlite"
    done = CliRunner().invoke(cli, ["init", str(path), "--codebook", "acled", "--sample"])
    assert done.exit_code == 0, done.output
    with Corpus.open(path) as corpus:
        assert corpus.document_count() == 4
        assert corpus.schema().dataset == "acled"


def test_a_mistyped_codebook_makes_no_corpus_and_says_which_there_are(tmp_path: Path) -> None:
    path = tmp_path / "c.sqlite"
    done = CliRunner().invoke(cli, ["init", str(path), "--codebook", "acle"])
    assert done.exit_code == 2
    assert "'acle' is not one of" in done.output and "'ucdp'" in done.output
    assert not path.exists()


def test_a_codebook_does_not_reset_a_corpus_that_exists(tmp_path: Path) -> None:
    path = tmp_path / "c.sqlite"
    assert CliRunner().invoke(cli, ["init", str(path), "--sample"]).exit_code == 0
    before = path.read_bytes()
    done = CliRunner().invoke(cli, ["init", str(path), "--codebook", "ucdp"])
    assert done.exit_code == 2 and "already exists" in done.output
    assert path.read_bytes() == before
