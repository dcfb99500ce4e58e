"""Shared fixtures. No Qt here: only tests/gui may need it."""

from __future__ import annotations

import os
import shutil
from pathlib import Path

import pytest
from hypothesis import settings

# In CI the property tests run a fixed sequence of examples, so a run's result does not
# depend on luck; on a developer's machine they keep exploring new ones.
settings.register_profile("ci", derandomize=True)
if os.environ.get("CI"):
    settings.load_profile("ci")

# Set before any test module can import Qt; harmless where Qt is absent.
os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

REPO = Path(__file__).resolve().parents[1]
SAMPLES = REPO / "resources" / "samples"
SAMPLE_ARTICLE = SAMPLES / "ain-al-assad-2024-08-06.txt"
# Real files written by other tools and projects live beside the repository, not in it
# (each folder's SOURCES.md says where they came from); tests on them skip where absent.
SHARED_DATA = Path(os.environ.get("ANNOTATOR_SHARED_DATA", REPO.parent / "shared" / "data"))
PEERS = SHARED_DATA / "peers"
REAL_ANNOTATIONS = SHARED_DATA / "real" / "annotations"


def shared(path: Path) -> Path:
    """``path`` under the shared data, or a skip saying it is absent."""
    if not path.exists():
        pytest.skip(f"{path} is absent: real files from other tools are kept beside the "
                    "repository (set ANNOTATOR_SHARED_DATA to their folder)")
    return path


@pytest.fixture(autouse=True)
def isolated_home(tmp_path_factory: pytest.TempPathFactory, monkeypatch: pytest.MonkeyPatch) -> Path:
    """Settings and the default corpus live in a fresh folder for every test."""
    home = tmp_path_factory.mktemp("home")
    monkeypatch.setenv("ANNOTATOR_HOME", str(home))
    monkeypatch.delenv("ANNOTATOR_CODER", raising=False)
    return home


def integrity(path: Path) -> str:
    """SQLite's full integrity check of a corpus file, read by a connection of its own."""
    import sqlite3

    conn = sqlite3.connect(path)
    try:
        return conn.execute("PRAGMA integrity_check").fetchone()[0]
    finally:
        conn.close()


def damaged_corpus(path: Path) -> Path:
    """A corpus with pages in the middle scribbled over, as a failing disk leaves one."""
    from annotator.core.model import DocumentRecord
    from annotator.storage.bulk import add_documents
    from annotator.storage.corpus import Corpus

    with Corpus.open(path) as corpus:
        add_documents(corpus, [DocumentRecord(text=f"Report {n} " + "x" * 3000)
                               for n in range(60)])
        corpus.db.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    data = bytearray(path.read_bytes())
    for offset in range(4096 * 5, 4096 * 9):
        data[offset] = (data[offset] * 7 + 13) % 256
    path.write_bytes(bytes(data))
    return path


@pytest.fixture
def sample_article(tmp_path: Path) -> Path:
    """A copy of the real news article, leading space and all."""
    return Path(shutil.copy(SAMPLE_ARTICLE, tmp_path / SAMPLE_ARTICLE.name))


@pytest.fixture
def corpus_path(tmp_path: Path) -> Path:
    return tmp_path / "corpus.sqlite"


@pytest.fixture
def corpus(corpus_path: Path):
    from annotator.storage.corpus import Corpus

    opened = Corpus.open(corpus_path)
    yield opened
    opened.close()


@pytest.fixture(scope="session")
def pg_server():
    """A real PostgreSQL server for this test run, in a folder of its own.

    Where the server programs are missing the tests that need one skip, saying so;
    ``.ci/run`` sets ANNOTATOR_NEED_POSTGRES so that there they fail instead.
    """
    import tempfile

    from annotator.storage.pg.local_server import LocalServer, LocalServerError

    folder = Path(tempfile.mkdtemp(prefix="annotator-pg-"))
    try:
        server = LocalServer(folder).start()
    except LocalServerError as exc:
        shutil.rmtree(folder, ignore_errors=True)
        if os.environ.get("ANNOTATOR_NEED_POSTGRES"):
            pytest.fail(str(exc))
        pytest.skip(str(exc))
    yield server
    server.stop()
    shutil.rmtree(folder, ignore_errors=True)


@pytest.fixture
def pg_url(pg_server) -> str:
    """The URL of a new, empty database on the test server (the admin's login)."""
    import uuid

    import psycopg

    name = f"corpus_{uuid.uuid4().hex[:12]}"
    with psycopg.connect(pg_server.url(), autocommit=True) as admin:
        admin.execute(f'CREATE DATABASE "{name}"')
    yield pg_server.url(name)
    with psycopg.connect(pg_server.url(), autocommit=True) as admin:
        admin.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')


BACKENDS = ("sqlite", "postgresql")


@pytest.fixture(params=BACKENDS)
def corpus_location(request: pytest.FixtureRequest, corpus_path: Path) -> str | Path:
    """Where a corpus is opened: a file, then a database on a server (every test using
    this runs against both backends)."""
    if request.param == "sqlite":
        return corpus_path
    return request.getfixturevalue("pg_url")


@pytest.fixture
def any_corpus(corpus_location: str | Path):
    """``corpus`` on each backend in turn."""
    from annotator.storage.corpus import Corpus

    opened = Corpus.open(corpus_location)
    yield opened
    opened.close()


def _mount_tmpfs(folder: Path, size: str) -> bool:
    """A real filesystem of its own at ``folder`` (root only), or False."""
    import subprocess

    if os.geteuid() != 0:
        return False
    folder.mkdir(parents=True, exist_ok=True)
    done = subprocess.run(["mount", "-t", "tmpfs", "-o", f"size={size}", "tmpfs", str(folder)],
                          capture_output=True)
    return done.returncode == 0


def _unmount(folder: Path) -> None:
    import subprocess

    subprocess.run(["umount", "-l", str(folder)], capture_output=True)


@pytest.fixture
def small_disk(tmp_path: Path):
    """A real 2 MB disk that fills up (a tmpfs; needs root and mount)."""
    folder = tmp_path / "small-disk"
    if not _mount_tmpfs(folder, "2m"):
        pytest.skip("a small disk needs root and mount")
    yield folder
    _unmount(folder)


@pytest.fixture
def read_only_folder(tmp_path: Path):
    """``make(files)`` copies files into a real read-only place and returns their new paths:
    a tmpfs remounted read-only as root, or a folder without write permission otherwise."""
    folder = tmp_path / "read-only"
    mounted = _mount_tmpfs(folder, "64m")
    if not mounted:
        if os.geteuid() == 0:
            pytest.skip("a read-only place needs mount when running as root")
        folder.mkdir()

    def make(*files: Path) -> list[Path]:
        import subprocess

        copies = [Path(shutil.copy(f, folder / f.name)) for f in files]
        if mounted:
            subprocess.run(["mount", "-o", "remount,ro", str(folder)], check=True)
        else:
            for copy in copies:
                copy.chmod(0o444)
            folder.chmod(0o555)
        return copies

    yield make
    if mounted:
        _unmount(folder)
    else:
        folder.chmod(0o755)
