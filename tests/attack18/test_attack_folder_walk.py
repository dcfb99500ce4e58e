"""A folder walk that reads files of unknown suffix by their content, attacked with the
files a coder's project folder really holds beside its articles."""

from __future__ import annotations

from pathlib import Path

from click.testing import CliRunner

from annotator.cli import cli
from annotator.storage.corpus import Corpus
from tests.storage.test_near_duplicates import WIRE

PROJECT_FILES = {
    # Lower-case "key: value" lines, as YAML, INI and HTTP logs have them, are no e-mail.
    "coding-notes.yaml": "# who sent this batch, and when\nfrom: field office Gao\n"
                         "date: 2024-03-03\nlabels: [actor, location]\n",
    "server.log": "Date: Sun, 3 Mar 2024 10:00:00 GMT\nFrom: ops\nrequests served: 10\n",
    "Makefile": "X-Build: 1\nSubject: build rules\nall:\n\techo done\n",
    # A saved page's script that builds markup is no web page.
    "Article_files/app.js": 'var frame = "<html><body></body></html>";\n',
}


def test_a_project_folder_imports_its_article_and_passes_over_the_rest(tmp_path: Path):
    folder = tmp_path / "project"
    (folder / "Article_files").mkdir(parents=True)
    (folder / "mogadishu.txt").write_text(WIRE, encoding="utf-8")
    for name, text in PROJECT_FILES.items():
        (folder / name).write_text(text, encoding="utf-8")
    corpus = tmp_path / "c.sqlite"
    result = CliRunner().invoke(cli, ["import", str(corpus), str(folder)])
    assert "rejected: " not in result.output, result.output
    assert result.exit_code == 0, result.output
    with Corpus.open(corpus) as opened:
        assert [opened.document(i).meta.get("file") for i in opened.document_ids()] == \
            ["mogadishu.txt"]
