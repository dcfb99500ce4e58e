"""The corpus model's folder attacked: hostile or broken folders beside the corpus are
said plainly (no traceback) by `annotator suggest --model corpus`, and a training never
deletes a folder of the user's."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest
from click.testing import CliRunner

from annotator.cli import cli
from annotator.model_files import model_dir


def run(*args: object):
    return CliRunner().invoke(cli, [str(a) for a in args])


def coded_corpus(folder: Path, coded: int = 22, undone: int = 3) -> Path:
    """``coded`` short reports alice marked done (a weapon each), ``undone`` more."""
    source = folder / "reports.jsonl"
    with source.open("w", encoding="utf-8") as out:
        for n in range(coded + undone):
            text = f"Fighters fired mortars at the camp near Gao on day {n}. Residents fled."
            start = text.index("mortars")
            record: dict[str, object] = {"id": f"d{n}", "text": text}
            if n < coded:
                record |= {"spans": [{"start": start, "end": start + 7, "label": "weapon",
                                      "coder": "alice"}], "statuses": {"alice": "done"}}
            out.write(json.dumps(record) + "\n")
    corpus = folder / "x.sqlite"
    assert run("import", corpus, source).exit_code == 0
    return corpus


@pytest.fixture(scope="module")
def trained(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A corpus with a model trained beside it (one pass: seconds)."""
    folder = tmp_path_factory.mktemp("trained")
    corpus = coded_corpus(folder)
    result = run("train", corpus, "--epochs", "1", "--doubt-pool", "0")
    assert result.exit_code == 0, result.output
    return corpus


def _copy_with_model(trained: Path, tmp_path: Path) -> Path:
    corpus = tmp_path / trained.name
    shutil.copy(trained, corpus)
    shutil.copytree(model_dir(trained), model_dir(corpus))
    return corpus


def test_a_hidden_folder_of_the_users_named_like_the_model_survives_training(tmp_path: Path):
    corpus = coded_corpus(tmp_path)
    backup = tmp_path / f".{model_dir(corpus).name}-backup"  # the user's own, hidden
    backup.mkdir()
    (backup / "notes.txt").write_text("my notes", encoding="utf-8")
    result = run("train", corpus, "--epochs", "1", "--doubt-pool", "0")
    assert result.exit_code == 0, result.output
    assert (backup / "notes.txt").read_text(encoding="utf-8") == "my notes"


def test_a_folder_that_is_no_model_is_never_replaced(tmp_path: Path):
    corpus = coded_corpus(tmp_path)
    mine = tmp_path / "mine"
    mine.mkdir()
    # A report kept beside the user's own work: no pipeline (no config.cfg) in it.
    (mine / "meta.json").write_text(json.dumps({"annotator": {"documents": 22}}),
                                    encoding="utf-8")
    (mine / "thesis.txt").write_text("chapter one", encoding="utf-8")
    result = run("train", corpus, "--epochs", "1", "--doubt-pool", "0", "--out", mine)
    assert (mine / "thesis.txt").is_file()
    assert result.exit_code != 0 and "mine" in result.output


@pytest.mark.parametrize("meta", ["null", "5", "true"])
def test_a_meta_json_that_is_no_object_is_said_plainly(trained: Path, tmp_path: Path,
                                                       meta: str):
    corpus = _copy_with_model(trained, tmp_path)
    (model_dir(corpus) / "meta.json").write_text(meta, encoding="utf-8")
    result = run("suggest", corpus, "--model", "corpus")
    assert result.exit_code != 0
    assert result.exception is None or isinstance(result.exception, SystemExit), \
        repr(result.exception)
    assert str(model_dir(corpus)) in result.output and "cannot be loaded" in result.output


HOSTILE = {
    "meta a list": ("meta.json", "[1, 2]"),
    "meta a string": ("meta.json", '"a string"'),
    "meta without a name": ("meta.json", '{"lang": "en"}'),
    "meta nested deeply": ("meta.json", "[" * 100_000 + "]" * 100_000),
    "meta not utf-8": ("meta.json", b"\xff\xfe not text"),
    "config not a config": ("config.cfg", "this is not a config {{{"),
    "config naming an unknown registry": ("config.cfg", None),
}


@pytest.mark.parametrize("case", sorted(HOSTILE))
def test_a_broken_model_folder_is_said_plainly(trained: Path, tmp_path: Path, case: str):
    """Held: each broken folder is named, with why, exit 2, no traceback."""
    corpus = _copy_with_model(trained, tmp_path)
    name, content = HOSTILE[case]
    target = model_dir(corpus) / name
    if content is None:
        config = target.read_text(encoding="utf-8")
        assert '"spacy.TransitionBasedParser.v2"' in config
        target.write_text(config.replace('"spacy.TransitionBasedParser.v2"',
                                         '"elsewhere.Anything.v1"'), encoding="utf-8")
    elif isinstance(content, bytes):
        target.write_bytes(content)
    else:
        target.write_text(content, encoding="utf-8")
    result = run("suggest", corpus, "--model", "corpus")
    assert result.exit_code == 2, result.output
    assert isinstance(result.exception, SystemExit)
    assert f"{model_dir(corpus)}: " in result.output


def test_a_file_or_foreign_folder_named_like_the_model_is_never_replaced(tmp_path: Path):
    """Held: a file, a symlink, the user's folder with files, the corpus's own folder,
    each refused by name before any work, nothing in them touched."""
    corpus = coded_corpus(tmp_path)
    folder = model_dir(corpus)
    folder.write_text("a file of mine", encoding="utf-8")
    result = run("train", corpus, "--epochs", "1", "--doubt-pool", "0")
    assert result.exit_code != 0 and str(folder) in result.output
    assert folder.read_text(encoding="utf-8") == "a file of mine"
    folder.unlink()
    elsewhere = tmp_path / "elsewhere"
    elsewhere.mkdir()
    (elsewhere / "keep.txt").write_text("keep", encoding="utf-8")
    folder.symlink_to(elsewhere)
    result = run("train", corpus, "--epochs", "1", "--doubt-pool", "0")
    assert result.exit_code != 0 and str(folder) in result.output
    assert folder.is_symlink() and (elsewhere / "keep.txt").is_file()
    for out in (elsewhere, tmp_path):  # a folder with files; the corpus's own
        result = run("train", corpus, "--epochs", "1", "--doubt-pool", "0", "--out", out)
        assert result.exit_code != 0 and "nothing was replaced" in result.output
    assert (elsewhere / "keep.txt").is_file() and corpus.is_file()
    assert run("train", corpus, "--out", corpus).exit_code != 0
    assert corpus.is_file()


def _report_value(corpus: Path, value: str) -> None:
    """The model's meta with its report's document count replaced by ``value`` (JSON)."""
    meta_path = model_dir(corpus) / "meta.json"
    meta = json.loads(meta_path.read_text(encoding="utf-8"))
    meta["annotator"]["documents"] = "@@"
    meta_path.write_text(json.dumps(meta).replace('"@@"', value), encoding="utf-8")


@pytest.mark.parametrize("value", ["NaN", "Infinity", "1e999"])
def test_a_report_with_nan_or_infinity_does_not_stop_training(trained: Path, tmp_path: Path,
                                                               value: str):
    corpus = _copy_with_model(trained, tmp_path)
    _report_value(corpus, value)
    result = run("train", corpus, "--epochs", "1", "--doubt-pool", "0")
    assert result.exception is None or isinstance(result.exception, SystemExit), \
        repr(result.exception)


def test_two_corpora_in_one_folder_keep_their_own_models(tmp_path: Path):
    """Held since ab9e70d (before it, news.sqlite and news.db shared news-model)."""
    from annotator.model_files import report_of

    (tmp_path / "a").mkdir()
    (tmp_path / "b").mkdir()
    first = coded_corpus(tmp_path / "a", coded=22)
    second = coded_corpus(tmp_path / "b", coded=25)
    first = first.rename(tmp_path / "news.sqlite")
    second = second.rename(tmp_path / "news.db")
    for corpus in (first, second):
        result = run("train", corpus, "--epochs", "1", "--doubt-pool", "0")
        assert result.exit_code == 0, result.output
    report = report_of(model_dir(first))
    assert report is not None and report.documents == 22  # its own, not news.db's 25
