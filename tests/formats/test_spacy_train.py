"""spaCy itself trains on an export: `spacy train` runs a few steps of NER and a span
categorizer on the DocBin annotator wrote, with nothing downloaded."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

from click.testing import CliRunner

from annotator.cli import cli
from tests.formats.conftest import DOCUMENTS, build


def test_spacy_train_runs_on_the_export(tmp_path: Path) -> None:
    corpus = build(tmp_path / "coded.sqlite", DOCUMENTS)
    out = tmp_path / "train.spacy"
    result = CliRunner().invoke(cli, ["export", str(corpus), "--format", "spacy", "-o",
                                      str(out)])
    assert result.exit_code == 0, result.output
    config = tmp_path / "config.cfg"
    # A blank English pipeline: spaCy's rule-based tokeniser, no model, no vectors.
    made = subprocess.run([sys.executable, "-m", "spacy", "init", "config", str(config),
                           "--lang", "en", "--pipeline", "ner,spancat", "--optimize",
                           "efficiency"], capture_output=True, text=True, check=False)
    assert made.returncode == 0, made.stderr
    trained = subprocess.run(
        [sys.executable, "-m", "spacy", "train", str(config), "--output", str(tmp_path / "model"),
         "--paths.train", str(out), "--paths.dev", str(out), "--training.max_steps", "4",
         "--training.eval_frequency", "2", "--nlp.batch_size", "8"],
        capture_output=True, text=True, check=False)
    assert trained.returncode == 0, trained.stdout + trained.stderr
    assert (tmp_path / "model" / "model-last" / "config.cfg").exists()
    import spacy

    nlp = spacy.load(tmp_path / "model" / "model-last")
    assert nlp.pipe_names == ["tok2vec", "ner", "spancat"]
    # What it learnt from is what the export held: the labels of the spans.
    assert set(nlp.get_pipe("ner").labels) == {"actor", "casualty", "location"}
