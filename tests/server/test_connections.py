"""How coders reach a team's server: TLS checked against the server's own authority
(``sslmode=verify-full``), the password kept in libpq's ``.pgpass`` or a service file,
or written in the URL; in every case it is never printed, remembered or written by
annotator."""

from __future__ import annotations

import os
import shutil
import subprocess
import tempfile
from collections.abc import Iterator
from pathlib import Path
from urllib.parse import quote

import psycopg
import pytest
from click.testing import CliRunner, Result

from annotator.cli import cli
from annotator.settings import Settings
from annotator.storage.corpus import Corpus
from annotator.storage.errors import CorpusError, NotAllowed
from annotator.storage.pg.address import ServerAddress
from annotator.storage.pg.local_server import LocalServer, LocalServerError
from annotator.storage.pg.roles import add_coder, init_server

# A space and a sign: written in a URL only percent-encoded. The stem, in no encoding,
# is what is looked for in messages and files.
PASSWORD = "Tr0ub4dor&3 horse"
STEM = "Tr0ub4dor"
IN_URL = quote(PASSWORD, safe="")
CODER = "alice"
# libpq settings a developer's shell may hold, which would change what a test means.
LIBPQ_ENVIRONMENT = ("PGPASSWORD", "PGSERVICE", "PGSERVICEFILE", "PGSYSCONFDIR", "PGHOST",
                     "PGHOSTADDR", "PGPORT", "PGDATABASE", "PGUSER", "PGSSLMODE",
                     "PGSSLROOTCERT", "PGREQUIRESSL", "PGCONNECT_TIMEOUT")


@pytest.fixture(autouse=True)
def no_libpq_files(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    """No password but the ones each test gives: not the shell's, not ~/.pgpass."""
    for name in LIBPQ_ENVIRONMENT:
        monkeypatch.delenv(name, raising=False)
    monkeypatch.setenv("PGPASSFILE", str(tmp_path / "no-pgpass"))
    monkeypatch.setenv("PGSERVICEFILE", str(tmp_path / "no-services"))


def pgpass_line(host: str, port: int, database: str, user: str, password: str) -> str:
    def escaped(value: str) -> str:
        return value.replace("\\", "\\\\").replace(":", "\\:")

    return ":".join(escaped(str(part)) for part in (host, port, database, user, password))


def write_private(path: Path, text: str) -> Path:
    """A file only its owner reads, as libpq wants of a password file."""
    path.write_text(text, encoding="utf-8")
    path.chmod(0o600)
    return path


def coder_url(host: str, port: int, database: str, *, password: str | None = None,
              **parameters: str) -> str:
    login = CODER + (f":{quote(password, safe='')}" if password is not None else "")
    query = "&".join(f"{key}={quote(value, safe='/')}" for key, value in parameters.items())
    return f"postgresql://{login}@{host}:{port}/{database}" + (f"?{query}" if query else "")


def team_database(server: LocalServer, database: str) -> None:
    """``database`` on ``server`` as a corpus with team roles, and the coder's login."""
    with psycopg.connect(server.url(), autocommit=True) as admin:
        admin.execute(f'CREATE DATABASE "{database}"')
    address = ServerAddress.parse(server.url(database))
    init_server(address)
    add_coder(address, CODER, "coder", PASSWORD)


def who_and_how(corpus: Corpus) -> tuple[str, str, bool]:
    """The login, the database and whether this connection is encrypted, as the server
    sees them."""
    user, database, ssl = corpus.db.fetch_one(
        "SELECT current_user, current_database(), "
        "(SELECT ssl FROM pg_stat_ssl WHERE pid = pg_backend_pid())")
    return user, database, bool(ssl)


def run(*arguments: str) -> Result:
    result = CliRunner().invoke(cli, list(arguments))
    # A message, never a traceback: any exception but click's exit is a crash.
    assert result.exception is None or isinstance(result.exception, SystemExit), \
        result.output
    assert "Traceback" not in result.output
    return result


def assert_no_password(text: str) -> None:
    assert STEM not in text and IN_URL not in text, text


# -- TLS ---------------------------------------------------------------------------------


@pytest.fixture(scope="module")
def tls_server() -> Iterator[LocalServer]:
    """A server of this module's own that speaks TLS, with a team corpus ``team``."""
    folder = Path(tempfile.mkdtemp(prefix="annotator-tls-"))
    try:
        server = LocalServer(folder, tls=True).start()
    except LocalServerError as exc:
        shutil.rmtree(folder, ignore_errors=True)
        if os.environ.get("ANNOTATOR_NEED_POSTGRES"):
            pytest.fail(str(exc))
        pytest.skip(str(exc))
    try:
        team_database(server, "team")
        yield server
    finally:
        server.stop()
        shutil.rmtree(folder, ignore_errors=True)


def other_authority(folder: Path) -> Path:
    """The certificate of an authority that signed nothing the server holds."""
    subprocess.run(["openssl", "req", "-x509", "-newkey", "ec", "-pkeyopt",
                    "ec_paramgen_curve:prime256v1", "-nodes", "-keyout", "other.key", "-out",
                    "other.crt", "-days", "2", "-subj", "/CN=some other authority"],
                   cwd=folder, check=True, capture_output=True)
    return folder / "other.crt"


@pytest.mark.parametrize("host", ["localhost", "127.0.0.1"])
def test_verify_full_against_the_servers_authority_opens_over_tls(
        tls_server: LocalServer, tmp_path: Path, monkeypatch: pytest.MonkeyPatch,
        host: str) -> None:
    pgpass = write_private(tmp_path / "pgpass",
                           pgpass_line(host, tls_server.port, "team", CODER, PASSWORD) + "\n")
    monkeypatch.setenv("PGPASSFILE", str(pgpass))
    url = coder_url(host, tls_server.port, "team", sslmode="verify-full",
                    sslrootcert=str(tls_server.ca_file))
    with Corpus.open(url) as corpus:
        assert who_and_how(corpus) == (CODER, "team", True)
    result = run("stats", url)
    assert result.exit_code == 0, result.output


def test_a_password_login_without_tls_is_refused(tls_server: LocalServer) -> None:
    url = coder_url("127.0.0.1", tls_server.port, "team", password=PASSWORD, sslmode="disable")
    with pytest.raises(CorpusError) as refused:
        Corpus.open(url)
    message = str(refused.value)
    assert message.startswith(str(ServerAddress.parse(url)))
    assert "no encryption" in message
    assert_no_password(message)
    # The same login through TLS is let in: it was the plain connection that was refused.
    with Corpus.open(url.replace("sslmode=disable", "sslmode=require")) as corpus:
        assert who_and_how(corpus) == (CODER, "team", True)


def test_an_authority_that_did_not_sign_the_certificate_is_refused(
        tls_server: LocalServer, tmp_path: Path) -> None:
    url = coder_url("localhost", tls_server.port, "team", password=PASSWORD,
                    sslmode="verify-full", sslrootcert=str(other_authority(tmp_path)))
    with pytest.raises(CorpusError) as refused:
        Corpus.open(url)
    message = str(refused.value)
    assert message.startswith(f"postgresql://{CODER}@localhost:{tls_server.port}/team?")
    assert "certificate verify failed" in message
    assert_no_password(message)
    result = run("stats", url)
    assert result.exit_code != 0
    assert f"{CODER}@localhost:{tls_server.port}/team" in result.output
    assert "certificate verify failed" in result.output
    assert_no_password(result.output)


def test_a_host_name_the_certificate_does_not_hold_is_refused(tls_server: LocalServer) -> None:
    # Reached at the right address under a name the certificate was not made for.
    url = coder_url("annotator.invalid", tls_server.port, "team", password=PASSWORD,
                    hostaddr="127.0.0.1", sslmode="verify-full",
                    sslrootcert=str(tls_server.ca_file))
    with pytest.raises(CorpusError) as refused:
        Corpus.open(url)
    message = str(refused.value)
    assert message.startswith(f"postgresql://{CODER}@annotator.invalid:{tls_server.port}/team")
    assert 'does not match host name "annotator.invalid"' in message
    assert_no_password(message)
    # The certificate itself is good: checked without its names, the same URL opens.
    with Corpus.open(url.replace("verify-full", "verify-ca")) as corpus:
        assert who_and_how(corpus) == (CODER, "team", True)


def test_the_servers_key_is_its_users_alone_and_no_authority_key_is_kept(
        tls_server: LocalServer) -> None:
    key = tls_server.data / "server.key"
    assert key.stat().st_mode & 0o777 == 0o600
    assert key.stat().st_uid == tls_server.data.stat().st_uid  # the server's user
    assert "PRIVATE KEY" not in tls_server.ca_file.read_text()
    leftovers = [p for p in tls_server.folder.rglob("*") if p.is_file()
                 and p != key and "PRIVATE KEY" in p.read_text(errors="replace")]
    assert leftovers == []


# -- the password in .pgpass, a service file, or the URL ---------------------------------


@pytest.fixture
def team(pg_server: LocalServer, pg_url: str) -> str:
    """The name of a team corpus on the shared test server, with the coder's login."""
    address = ServerAddress.parse(pg_url)
    init_server(address)
    add_coder(address, CODER, "coder", PASSWORD)
    return address.database


@pytest.fixture
def pgpass(pg_server: LocalServer, team: str, tmp_path: Path,
           monkeypatch: pytest.MonkeyPatch) -> Path:
    path = write_private(tmp_path / "pgpass", "# the team's corpus\n" + pgpass_line(
        "127.0.0.1", pg_server.port, team, CODER, PASSWORD) + "\n")
    monkeypatch.setenv("PGPASSFILE", str(path))
    return path


def test_a_url_without_a_password_opens_with_the_one_in_pgpass(
        pg_server: LocalServer, team: str, pgpass: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    url = coder_url("127.0.0.1", pg_server.port, team)
    with Corpus.open(url) as corpus:
        assert who_and_how(corpus)[:2] == (CODER, team)
    # Without the file the server refuses the login, and says where a password goes.
    monkeypatch.setenv("PGPASSFILE", str(pgpass.with_name("absent")))
    with pytest.raises(NotAllowed, match=r"\.pgpass") as refused:
        Corpus.open(url)
    assert str(refused.value).startswith(url)


def test_the_recent_list_remembers_a_server_without_its_password(
        pg_server: LocalServer, team: str, pgpass: Path) -> None:
    address = ServerAddress.parse(coder_url("127.0.0.1", pg_server.port, team,
                                            password=PASSWORD))
    for shown in (str(address), address.shown, repr(address)):
        assert_no_password(shown)
    settings = Settings.load()
    settings.remember_corpus(address)
    settings.save()
    remembered = Settings.load().recent[0]
    assert remembered == coder_url("127.0.0.1", pg_server.port, team)
    # What is remembered opens again, the password coming from .pgpass.
    with Corpus.open(remembered) as corpus:
        assert who_and_how(corpus)[:2] == (CODER, team)


def test_commands_on_a_url_with_a_password_print_and_write_it_nowhere(
        pg_server: LocalServer, team: str, isolated_home: Path) -> None:
    url = coder_url("127.0.0.1", pg_server.port, team, password=PASSWORD)
    with Corpus.open(url) as corpus:
        assert who_and_how(corpus)[:2] == (CODER, team)
    said = []
    for arguments in (("stats", url),
                      ("pull", url, str(isolated_home / "copy.sqlite"))):
        result = run(*arguments)
        assert result.exit_code == 0, result.output
        said.append(result.output)
    assert (isolated_home / "copy.sqlite").exists()
    failing = {
        "no such database": coder_url("127.0.0.1", pg_server.port, "nosuchcorpus",
                                      password=PASSWORD),
        "refused the login": coder_url("127.0.0.1", pg_server.port, team,
                                       password=PASSWORD + " but wrong"),
        # libpq quotes what it cannot read: here, the password
        "unexpected spaces": url.replace(IN_URL, PASSWORD),
    }
    for reason, bad in failing.items():
        result = run("stats", bad)
        assert result.exit_code != 0, (reason, result.output)
        assert reason in result.output
        assert f"postgresql://{CODER}" in result.output
        assert f"@127.0.0.1:{pg_server.port}/" in result.output
        said.append(result.output)
    for output in said:
        assert_no_password(output)
    written = [path for path in isolated_home.rglob("*") if path.is_file()]
    assert written
    for path in written:
        content = path.read_bytes()
        assert STEM.encode() not in content and IN_URL.encode() not in content, path


@pytest.fixture
def service_file(pg_server: LocalServer, team: str, pgpass: Path, tmp_path: Path,
                 monkeypatch: pytest.MonkeyPatch) -> Path:
    path = tmp_path / "pg_service.conf"
    path.write_text(f"[team]\nhost=127.0.0.1\nport={pg_server.port}\ndbname={team}\n"
                    f"user={CODER}\n", encoding="utf-8")
    monkeypatch.setenv("PGSERVICEFILE", str(path))
    return path


@pytest.mark.parametrize("given", ["service=team", "postgresql:///?service=team"])
def test_a_libpq_service_opens_by_its_name(service_file: Path, team: str, given: str) -> None:
    with Corpus.open(given) as corpus:
        assert who_and_how(corpus)[:2] == (CODER, team)
    result = run("stats", given)
    assert result.exit_code == 0, result.output
    assert result.output.startswith("postgresql:///?service=team\n")
    assert "documents  0" in result.output


def test_a_service_the_file_does_not_define_is_named(service_file: Path) -> None:
    result = run("stats", "service=elsewhere")
    assert result.exit_code != 0
    assert "service=elsewhere" in result.output
    assert 'definition of service "elsewhere" not found' in result.output



def test_libpqs_keyword_spelling_is_a_server_never_a_file_named_after_a_password(
        pg_url: str, tmp_path: Path) -> None:
    from click.testing import CliRunner

    from annotator.cli import cli

    address = ServerAddress.parse(pg_url)
    Corpus.open(pg_url).close()  # a corpus there
    reading = dict(item.split("=", 1) for item in [
        f"host={pg_url.split('@', 1)[1].split(':', 1)[0]}",
        f"port={pg_url.rsplit(':', 1)[1].split('/', 1)[0]}",
        f"dbname={address.database}", "user=annotator_admin"])
    spelled = " ".join(f"{key}={value}" for key, value in reading.items())
    with_password = spelled + " password=Zq9xSecret"
    runner = CliRunner()
    here = os.getcwd()
    os.chdir(tmp_path)
    try:
        made = runner.invoke(cli, ["stats", spelled])
        assert made.exit_code == 0, made.output
        leaked = runner.invoke(cli, ["stats", with_password])
        assert "Zq9xSecret" not in leaked.output
    finally:
        os.chdir(here)
    assert list(tmp_path.iterdir()) == []  # no file was made of either spelling
    assert str(ServerAddress.parse(with_password)) == \
        f"postgresql://annotator_admin@{reading['host']}:{reading['port']}/{reading['dbname']}"
