from __future__ import annotations

import codecs
import json
from pathlib import Path

import pytest

from annotator.formats import csv_import, json_input, jsonl, news_txt
from annotator.formats.base import Problem, ReadDocument, ReadOptions

OPTIONS = ReadOptions(coder="alice")


def read_all(reader, path: Path, options: ReadOptions = OPTIONS) -> list:
    return list(reader(path, options))


# -- the news .txt format ------------------------------------------------------


def test_the_real_article_keeps_its_headline_in_the_text(sample_article: Path) -> None:
    assert sample_article.read_text(encoding="utf-8").startswith(" date 2024-08-06 ")
    [item] = read_all(news_txt.read, sample_article)
    assert isinstance(item, ReadDocument)
    record = item.record
    headline = ("Two Katyusha rockets were fired at Ain al-Assad airbase. "
                "An Iraqi security source said the rockets fell inside the base.")
    assert record.date == "2024-08-06"
    assert record.title == headline
    assert record.text.startswith(headline + "\n\nAt least five US personnel")
    assert "date 2024" not in record.text
    assert record.text.endswith("since the Gaza war erupted in October.")
    assert item.warnings == ()


def test_a_text_without_header_takes_its_title_from_the_first_line(tmp_path: Path) -> None:
    path = tmp_path / "plain.txt"
    path.write_text("\n\nShelling near Donetsk\nThree people were hurt.\n", encoding="utf-8")
    [item] = read_all(news_txt.read, path)
    assert item.record.title == "Shelling near Donetsk"
    assert item.record.date is None
    assert item.record.text == "Shelling near Donetsk\nThree people were hurt."


def test_crlf_and_cp1252_are_normalised_with_a_warning(tmp_path: Path) -> None:
    path = tmp_path / "legacy.txt"
    path.write_bytes("date 2024-01-02 Caf\u00e9 attacked\r\n\r\n\u201cFive\u201d hurt.\r\n"
                     .encode("cp1252"))
    [item] = read_all(news_txt.read, path)
    assert item.record.text == "Caf\u00e9 attacked\n\n\u201cFive\u201d hurt."
    assert "cp1252" in str(item.warnings[0])


def test_an_invalid_header_date_imports_without_date_and_warns(tmp_path: Path) -> None:
    path = tmp_path / "bad-date.txt"
    path.write_text("date 2024-13-45 Clashes in Kidal\nBody.", encoding="utf-8")
    [item] = read_all(news_txt.read, path)
    assert item.record.date is None
    assert item.record.text == "Clashes in Kidal\nBody."
    assert "2024-13-45" in str(item.warnings[0])
    assert str(path) in str(item.warnings[0])


@pytest.mark.parametrize(
    ("content", "reason"),
    [(b"", "empty"), (b"   \n\t\n", "empty"), (bytes(range(256)) * 40, "binary")],
)
def test_empty_and_binary_files_are_problems(tmp_path: Path, content: bytes, reason: str) -> None:
    path = tmp_path / "bad.txt"
    path.write_bytes(content)
    [item] = read_all(news_txt.read, path)
    assert isinstance(item, Problem)
    assert reason in item.reason
    assert item.file == path


# -- native JSONL ------------------------------------------------------------------


def write_lines(path: Path, *objects: object) -> Path:
    path.write_text("\n".join(o if isinstance(o, str) else json.dumps(o) for o in objects) + "\n",
                    encoding="utf-8")
    return path


def test_jsonl_reads_documents_spans_and_keeps_unknown_keys(tmp_path: Path) -> None:
    text = "Rockets hit Ain al-Assad airbase 😀 today."
    path = write_lines(tmp_path / "in.jsonl", {
        "id": 17, "text": text, "date": "2024-08-06", "status": "done", "outlet": "Reuters",
        "spans": [{"start": 12, "end": 32, "label": "location", "text": "Ain al-Assad airbase",
                   "attrs": {"precision": 1}, "id": "s1"},
                  {"start": 33, "end": 34, "label": "emoji", "coder": "bob"}],
    })
    [item] = read_all(jsonl.read, path)
    record = item.record
    assert record.uid == "17"
    assert record.meta == {"outlet": "Reuters"}
    assert record.statuses == {"alice": "done"}
    first, second = record.spans
    assert (first.uid, first.coder, first.origin, dict(first.attrs)) == (
        "s1", "alice", "imported", {"precision": 1})
    assert (second.text, second.coder) == ("😀", "bob")


@pytest.mark.parametrize(
    ("line", "reason"),
    [
        ("{not json", "not valid JSON"),
        ("[1, 2]", "expected a JSON object"),
        ('{"title": "x"}', 'no "text"'),
        ('{"text": "abc", "spans": [{"start": 1, "end": 9, "label": "actor"}]}', "out of range"),
        ('{"text": "abc", "spans": [{"start": 0, "end": 2, "label": "actor", "text": "bc"}]}',
         "differs"),
        ('{"text": "abc", "spans": [{"start": 0, "end": 2}]}', "'label'"),
        ('{"text": "abc", "spans": [{"start": "0", "end": 2, "label": "a"}]}', "whole numbers"),
        ('{"text": "abc", "status": "finished"}', "status"),
    ],
)
def test_jsonl_bad_lines_name_file_and_line(tmp_path: Path, line: str, reason: str) -> None:
    path = write_lines(tmp_path / "bad.jsonl", {"text": "good one"}, line, {"text": "good two"})
    items = read_all(jsonl.read, path)
    assert [type(i).__name__ for i in items] == ["ReadDocument", "Problem", "ReadDocument"]
    problem = items[1]
    assert problem.line == 2
    assert reason in problem.reason
    assert str(problem).startswith(f"{path}:2: ")


def test_jsonl_crlf_text_keeps_spans_on_their_words(tmp_path: Path) -> None:
    text = "Line one\r\nAin al-Assad\r\nend"
    start = text.index("Ain")
    path = write_lines(tmp_path / "crlf.jsonl", {
        "text": text, "spans": [{"start": start, "end": start + 12, "label": "location",
                                 "text": "Ain al-Assad"}]})
    [item] = read_all(jsonl.read, path)
    [span] = item.record.spans
    assert item.record.text == "Line one\nAin al-Assad\nend"
    assert item.record.text[span.start : span.end] == "Ain al-Assad"



def test_utf8_jsonl_is_read_a_line_at_a_time_with_progress(tmp_path: Path, monkeypatch) -> None:
    path = tmp_path / "many.jsonl"
    lines = [json.dumps({"text": f"Report {n}: shelling in Homs."}) for n in range(50)]
    lines.insert(10, "")  # a blank line is passed over, and the numbers still count it
    lines.insert(20, "{broken")
    path.write_bytes(codecs.BOM_UTF8 + ("\r\n".join(lines) + "\r\n").encode())
    monkeypatch.setattr(json_input, "load_text", None)  # the whole-file reading is not used
    items = read_all(jsonl.read, path)
    assert len(items) == 51
    [problem] = [i for i in items if isinstance(i, Problem)]
    assert problem.line == 21 and "not valid JSON" in problem.reason
    documents = [i for i in items if isinstance(i, ReadDocument)]
    assert documents[0].record.text == "Report 0: shelling in Homs."
    assert documents[-1].line == 52
    consumed = [i.consumed for i in documents]
    assert consumed == sorted(consumed) and consumed[0] < consumed[-1] == path.stat().st_size


@pytest.mark.parametrize("content", [
    '[{"text": "one"}, {"text": "two"}]',  # one JSON list
    '{\n  "text": "one"\n}',  # one pretty-printed object
])
def test_json_documents_are_still_read_whole(tmp_path: Path, content: str) -> None:
    path = tmp_path / "whole.jsonl"
    path.write_text(content, encoding="utf-8")
    items = read_all(jsonl.read, path)
    assert [i.record.text for i in items] == ["one", "two"][: len(items)]
    assert items[-1].consumed == path.stat().st_size


def test_jsonl_not_in_utf8_past_its_first_line_is_decoded_whole(tmp_path: Path) -> None:
    path = tmp_path / "legacy.jsonl"
    path.write_bytes(b'{"text": "plain"}\n{"text": "caf\xe9 in Gen\xe8ve"}\n')
    items = read_all(jsonl.read, path)
    assert [i.record.text for i in items] == ["plain", "café in Genève"]
    said = [w.reason for i in items for w in i.warnings]
    # once for the file, not per document
    assert said == ["decoded as cp1252 (not UTF-8; the encoding is a guess: check its accented "
                    "letters)"]


# -- CSV -------------------------------------------------------------------------------


def test_csv_uses_known_columns_and_keeps_the_rest_in_meta(tmp_path: Path) -> None:
    path = tmp_path / "articles.csv"
    path.write_text(
        'id,headline,body,date,country\n'
        'a1,Strike,"Air strike on Idlib, two dead",2024-03-01,SYR\n'
        'a2,Empty,,2024-03-02,SYR\n',
        encoding="utf-8",
    )
    items = read_all(csv_import.read, path, ReadOptions(text_column="body"))
    first, second = items
    assert first.record.uid == "a1"
    assert first.record.text == "Air strike on Idlib, two dead"
    assert first.record.meta == {"headline": "Strike", "country": "SYR"}
    assert isinstance(second, Problem)
    assert second.line == 3
    assert "empty" in second.reason


def test_csv_without_the_text_column_says_which_columns_it_has(tmp_path: Path) -> None:
    path = tmp_path / "articles.csv"
    path.write_text("id,body\n1,hello\n", encoding="utf-8")
    [problem] = read_all(csv_import.read, path)
    assert isinstance(problem, Problem)
    assert "no column 'text'" in problem.reason
    assert "body" in problem.reason
