"""The training as the window runs it: a process of its own, reporting how far it is;
killed at any point, it leaves the corpus as it was and the previous model in use;
`annotator suggest --model corpus` suggests with the corpus's own model, each
suggestion with its source and confidence."""

from __future__ import annotations

import hashlib
import json
import os
import signal
import subprocess
import sys
from pathlib import Path

import pytest
import spacy
from click.testing import CliRunner

from annotator.cli import cli
from annotator.model_files import DOUBT_FILE, doubts_of, model_dir, write_model
from annotator.storage.corpus import Corpus
from tests.cli.test_long_commands import _read_until
from tests.cli.test_train import _coded_corpus


def run(*args: object):
    return CliRunner().invoke(cli, [str(a) for a in args])


WEAPONS = ["mortars", "rockets", "rifles", "grenades", "drones", "artillery shells",
           "machine guns", "anti-tank missiles"]
TOWNS = ["Kidal", "Gao", "Mopti", "Timbuktu", "Menaka", "Segou"]


def _weapon_text(n: int) -> tuple[str, list[dict[str, object]]]:
    """A short report naming a weapon, the span only a model of this corpus suggests
    (no gazetteer, pattern or dictionary knows the label)."""
    spans, text = [], ""
    for k in range(3):
        weapon = WEAPONS[(n * 3 + k) % len(WEAPONS)]
        town = TOWNS[(n + k) % len(TOWNS)]
        text += "Fighters fired "
        spans.append({"start": len(text), "end": len(text) + len(weapon), "label": "weapon"})
        text += f"{weapon} at the camp near {town} on day {n}. Residents fled the area. "
    return text, spans


# Undone texts unlike the coded reports: the model is less sure of some of them.
UNLIKE = ["The weather was calm in Bamako, where markets reopened.",
          "Soldiers threw stones and fired tear gas near the camp.",
          "Fighters fired at the camp near Gao on day 3.",
          "Elders met in Kidal to discuss the harvest and the roads."]


def _weapon_corpus(folder: Path, coded: int, undone: int, unlike: int = 0) -> Path:
    """``coded`` reports done by alice, ``undone`` more like them and ``unlike`` of
    UNLIKE (w-0, w-1, … in that order)."""
    source = folder / "weapons.jsonl"
    with source.open("w", encoding="utf-8") as out:
        for n in range(coded + undone + unlike):
            text, spans = _weapon_text(n)
            if n >= coded + undone:
                text = UNLIKE[(n - coded - undone) % len(UNLIKE)]
            record: dict[str, object] = {"id": f"w-{n}", "text": text}
            if n < coded:
                record |= {"spans": [{**s, "coder": "alice"} for s in spans],
                           "statuses": {"alice": "done"}}
            out.write(json.dumps(record) + "\n")
    corpus = folder / "w.sqlite"
    assert run("import", corpus, source).exit_code == 0
    return corpus


def _digest(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def _with_undone(corpus: Path, count: int) -> None:
    """``count`` more documents no one has coded."""
    source = corpus.with_name("undone.jsonl")
    source.write_text("".join(json.dumps({
        "id": f"new-{n}", "text": f"Gunmen attacked a convoy near Gao on day {n}, and {n + 2} "
                                  "soldiers were killed, the army said."}) + "\n"
        for n in range(count)), encoding="utf-8")
    assert run("import", corpus, source).exit_code == 0


def _background(corpus: Path, *extra: str) -> subprocess.Popen[str]:
    return subprocess.Popen(
        [sys.executable, "-m", "annotator", "train", str(corpus), "--background", *extra],
        stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)


def test_the_background_training_reports_its_passes_and_the_doubt_of_undone_documents(
        tmp_path: Path):
    corpus = _coded_corpus(tmp_path, 24)
    _with_undone(corpus, 6)
    process = _background(corpus, "--epochs", "3")
    out, errors = process.communicate(timeout=600)
    assert process.returncode == 0, errors
    said = [json.loads(line) for line in out.splitlines()]
    assert said[0] == {"stage": "reading"}
    assert [s["epoch"] for s in said if "epoch" in s] == [1, 2, 3]
    assert said[-1]["out"] == str(model_dir(corpus)) and said[-1]["trained"]["documents"] == 24
    doubts = doubts_of(model_dir(corpus))
    # Every undone document, and only those, has the model's doubt measured.
    assert set(doubts) == {f"new-{n}" for n in range(6)}
    assert all(value >= 0 for value in doubts.values())


def test_a_training_killed_part_way_leaves_the_corpus_and_the_model_in_use(tmp_path: Path):
    corpus = _weapon_corpus(tmp_path, 24, 2)
    assert run("train", corpus, "--epochs", "6", "--seed", "1").exit_code == 0
    folder = model_dir(corpus)
    before_model = {p.relative_to(folder): p.read_bytes() for p in folder.rglob("*")
                    if p.is_file()}
    before_corpus = _digest(corpus)
    for stop_after in ({"stage": "reading"}, {"epoch": 1}):
        process = _background(corpus, "--epochs", "200")
        assert process.stdout is not None
        for line in process.stdout:  # what the process says, not a timer, decides when
            if stop_after.items() <= json.loads(line).items():
                break
        os.kill(process.pid, signal.SIGKILL)
        process.wait(timeout=60)
        assert process.returncode == -signal.SIGKILL
        assert _digest(corpus) == before_corpus
        after_model = {p.relative_to(folder): p.read_bytes() for p in folder.rglob("*")
                       if p.is_file()}
        assert after_model == before_model
    with Corpus.open(corpus) as opened:
        assert opened.check() == []
    # The model in use still suggests.
    result = run("suggest", corpus, "--model", "corpus", "--doc", "w-25", "--json")
    assert result.exit_code == 0, result.output
    made = [json.loads(line) for line in result.stdout.splitlines()]
    assert any(m["attrs"]["suggested_by"] == "corpus model" for m in made)


def test_a_model_half_written_is_never_in_use_and_is_cleared_next_time(tmp_path: Path):
    out = tmp_path / "c-model"
    first = spacy.blank("en")
    first.meta["annotator"] = {"documents": 20}
    write_model(first, out, {"a": 0.5})
    kept = (out / "meta.json").read_text(encoding="utf-8")

    class Broken:
        def to_disk(self, path: Path) -> None:
            Path(path).mkdir()
            (Path(path) / "config.cfg").write_text("half", encoding="utf-8")
            raise OSError("disk full")

    with pytest.raises(OSError):
        write_model(Broken(), out, {})
    assert (out / "meta.json").read_text(encoding="utf-8") == kept
    assert json.loads((out / DOUBT_FILE).read_text(encoding="utf-8")) == {"a": 0.5}
    # A leftover of a killed writer (its process gone) is cleared by the next write.
    leftover = tmp_path / ".c-model-killed"
    leftover.mkdir()
    (leftover / "writer.pid").write_text("999999999", encoding="utf-8")
    write_model(first, out)
    assert not leftover.exists()
    assert sorted(p.name for p in tmp_path.iterdir()) == ["c-model"]


def test_suggest_with_the_corpus_model_keeps_source_and_confidence(tmp_path: Path):
    corpus = _weapon_corpus(tmp_path, 24, 3)
    missing = run("suggest", corpus, "--model", "corpus")
    assert missing.exit_code != 0
    assert "no model here" in missing.output and "annotator train" in missing.output
    assert run("train", corpus, "--seed", "1").exit_code == 0
    result = run("suggest", corpus, "--model", "corpus", "--doc", "w-25", "--json")
    assert result.exit_code == 0, result.output
    made = [json.loads(line) for line in result.stdout.splitlines()]
    from_model = [m for m in made if m["attrs"]["suggested_by"] == "corpus model"]
    assert from_model and all(0.5 <= m["attrs"]["confidence"] <= 1 for m in from_model)
    text, gold = _weapon_text(25)
    weapons = [m for m in from_model if m["label"] == "weapon"]
    assert {m["start"] for m in weapons} <= {g["start"] for g in gold}
    exact = {(m["start"], m["end"]) for m in weapons} & {(g["start"], g["end"]) for g in gold}
    assert len(exact) >= 2, (text, weapons)
    # Above every confidence, the model suggests nothing; the other readers still do.
    again = run("suggest", corpus, "--model", "corpus", "--doc", "w-26", "--json",
                "--min-confidence", "1")
    assert again.exit_code == 0
    shown = [json.loads(line) for line in again.stdout.splitlines()]
    assert all(m["attrs"]["suggested_by"] != "corpus model" or m["attrs"]["confidence"] >= 1
               for m in shown)
    refused = run("suggest", corpus, "--model", "corpus", "--min-confidence", "1.5")
    assert refused.exit_code == 2 and "1.5" in refused.output


def test_a_folder_of_the_user_s_is_never_replaced_by_a_model(tmp_path: Path):
    corpus = _weapon_corpus(tmp_path, 20, 0)
    mine = tmp_path / "w.sqlite-model"  # the user's own folder that has the model's name
    mine.mkdir()
    (mine / "thesis.docx").write_bytes(b"years of work")
    result = run("train", corpus, "--epochs", "1")
    assert result.exit_code != 0
    assert "not a model annotator trained; nothing was replaced" in result.output
    assert (mine / "thesis.docx").read_bytes() == b"years of work"
    # Nor the folder the corpus is in, nor a file.
    assert run("train", corpus, "--epochs", "1", "--out", tmp_path).exit_code != 0
    assert corpus.exists() and (mine / "thesis.docx").exists()
    assert run("train", corpus, "--epochs", "1", "--out", corpus).exit_code != 0
    with pytest.raises(OSError):
        write_model(spacy.blank("en"), mine)
    assert (mine / "thesis.docx").read_bytes() == b"years of work"
    # An empty folder, or a model annotator trained, is replaced.
    assert run("train", corpus, "--epochs", "1", "--out", tmp_path / "empty").exit_code == 0
    assert run("train", corpus, "--epochs", "1", "--out", tmp_path / "empty").exit_code == 0


def test_a_model_moved_aside_when_its_writer_was_killed_is_put_back(tmp_path: Path):
    """Killed between moving the old model aside and moving the new one in (the one
    moment the model's place is empty): the old one is found and put back."""
    out = tmp_path / "c.sqlite-model"
    first = spacy.blank("en")
    first.meta["annotator"] = {"documents": 20}
    write_model(first, out)
    kept = (out / "meta.json").read_text(encoding="utf-8")
    staging = tmp_path / ".c.sqlite-model-killed"
    staging.mkdir()
    (staging / "writer.pid").write_text("999999999", encoding="utf-8")  # gone
    out.rename(staging / "old")
    from annotator.model_files import load_model

    assert load_model(out).meta["annotator"] == {"documents": 20}
    assert (out / "meta.json").read_text(encoding="utf-8") == kept
    write_model(first, out)  # and the leftover is cleared
    assert sorted(p.name for p in tmp_path.iterdir()) == ["c.sqlite-model"]


def test_the_corpus_model_and_an_installed_one_both_suggest(tmp_path: Path):
    corpus = _weapon_corpus(tmp_path, 22, 2)
    assert run("train", corpus, "--seed", "1", "--doubt-pool", "0").exit_code == 0
    installed = spacy.blank("en")
    installed.add_pipe("entity_ruler").add_patterns([{"label": "ORG", "pattern": "Residents"}])
    installed.to_disk(tmp_path / "ruler")
    result = run("suggest", corpus, "--model", "corpus", "--model", tmp_path / "ruler",
                 "--doc", "w-23", "--json")
    assert result.exit_code == 0, result.output
    made = [json.loads(line) for line in result.stdout.splitlines()]
    sources = {(m["attrs"]["suggested_by"], m["label"]) for m in made}
    assert ("corpus model", "weapon") in sources and ("spaCy model", "actor") in sources


def test_at_a_terminal_the_training_says_each_stage_and_pass_and_a_pipe_hears_none(
        tmp_path: Path):
    import pty

    corpus = _coded_corpus(tmp_path, 24)
    leader, follower = pty.openpty()
    process = subprocess.Popen(
        [sys.executable, "-m", "annotator", "train", str(corpus), "--epochs", "2"],
        stdout=subprocess.PIPE, stderr=follower, text=True)
    os.close(follower)
    drawn = _read_until(leader, lambda: False)  # to the end
    os.close(leader)
    out, _ = process.communicate(timeout=600)
    assert process.returncode == 0
    said = drawn.decode().replace("\r\n", "\n").splitlines()
    assert said[0] == "reading the documents coded done"  # before the corpus is read
    assert [line for line in said if line.startswith("training:")] == [
        "training: pass 1 of 2", "training: pass 2 of 2"]
    assert "writing the pipeline" in said and "reading the documents" not in out
    piped = subprocess.run([sys.executable, "-m", "annotator", "train", str(corpus),
                            "--epochs", "1"], capture_output=True, text=True, timeout=600)
    assert piped.returncode == 0 and "training: pass" not in piped.stderr
