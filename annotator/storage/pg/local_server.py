"""A PostgreSQL server of one's own, in a folder: for a small team on one machine, for
the benchmarks and for the tests (a real server, never a stand-in).

The server binaries come from the system (Debian's ``postgresql`` package puts them in
``/usr/lib/postgresql/N/bin``) or from ``PATH``. PostgreSQL refuses to run as root, so
run as root it runs as the ``postgres`` system user the package creates.

With ``tls=True`` the server speaks TLS: a throwaway certificate authority signs a
certificate for ``localhost`` and ``127.0.0.1`` (made with the ``openssl`` program),
and password logins over TCP are accepted only through TLS. Clients check the server
with ``sslmode=verify-full`` and ``sslrootcert`` set to ``ca_file``.
"""

from __future__ import annotations

import contextlib
import glob
import os
import pwd
import secrets
import shutil
import socket
import subprocess
import tempfile
from dataclasses import dataclass, field
from pathlib import Path
from urllib.parse import quote

# The first login of a new server: it owns everything and makes the team's roles.
ADMIN = "annotator_admin"
SERVER_PROGRAMS = ("initdb", "pg_ctl", "postgres")


# Names the server's certificate holds: what a client on this machine connects to.
CERTIFICATE_NAMES = "DNS:localhost,IP:127.0.0.1,IP:::1"
CERTIFICATE_DAYS = 3650


class LocalServerError(RuntimeError):
    """The server could not be made or started; the message says why and what to do."""


def server_bin() -> Path:
    """The folder of PostgreSQL's server programs, newest version first."""
    found = shutil.which("pg_ctl")
    if found and shutil.which("initdb"):
        return Path(os.path.realpath(found)).parent
    for folder in sorted(glob.glob("/usr/lib/postgresql/*/bin"),
                         key=lambda f: int(Path(f).parent.name) if Path(f).parent.name.isdigit()
                         else 0, reverse=True):
        if all((Path(folder) / name).exists() for name in SERVER_PROGRAMS):
            return Path(folder)
    raise LocalServerError(
        "PostgreSQL's server programs (initdb, pg_ctl, postgres) were not found; install them "
        "(Debian and Ubuntu: `apt-get install postgresql`; macOS: `brew install postgresql`)")


def _free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return int(probe.getsockname()[1])


@dataclass
class LocalServer:
    """A server whose data and socket live in ``folder`` (made if needed)."""

    folder: Path
    port: int = 0
    tls: bool = False
    _owner: pwd.struct_passwd | None = field(default=None, repr=False)

    @property
    def data(self) -> Path:
        return self.folder / "data"

    @property
    def sockets(self) -> Path:
        return self.folder / "sockets"

    @property
    def ca_file(self) -> Path:
        """The certificate of the authority that signed the server's (``tls=True``): what
        clients give as ``sslrootcert``. It holds no secret."""
        return self.folder / "ca.crt"

    def url(self, database: str = "postgres", user: str = ADMIN,
            password: str | None = None) -> str:
        """A libpq URL for ``database`` as ``user``, over TCP on the loopback."""
        login = quote(user, safe="")
        if password is not None:
            login += ":" + quote(password, safe="")
        return f"postgresql://{login}@127.0.0.1:{self.port}/{quote(database, safe='')}"

    def socket_url(self, database: str = "postgres", user: str = ADMIN) -> str:
        """The same through the server's Unix socket (trusted for the admin only)."""
        return (f"postgresql://{quote(user, safe='')}@/{quote(database, safe='')}"
                f"?host={quote(str(self.sockets), safe='')}&port={self.port}")

    def start(self) -> LocalServer:
        """Make the server if it is new, and start it; returns when it accepts connections."""
        programs = server_bin()
        self.folder.mkdir(parents=True, exist_ok=True)
        self._owner = _run_as()
        self.sockets.mkdir(exist_ok=True)
        if self._owner is not None:
            for path in (self.folder, self.sockets):
                os.chown(path, self._owner.pw_uid, self._owner.pw_gid)
            _check_reachable(self.folder.resolve(), self._owner)
        fresh = not (self.data / "PG_VERSION").exists()
        if fresh:
            self._initdb(programs)
        self._write_rules(fresh=fresh)
        self.port = self.port or _free_port()
        options = f"-p {self.port} -k {self.sockets} -c listen_addresses=127.0.0.1"
        if self.tls:
            self._certify()
            options += " -c ssl=on"
        done = self._run([str(programs / "pg_ctl"), "-D", str(self.data), "-w", "-t", "60",
                          "-l", str(self.folder / "server.log"), "-o", options, "start"])
        if done.returncode != 0:
            log = self.folder / "server.log"
            tail = log.read_text(errors="replace")[-2000:] if log.exists() else ""
            raise LocalServerError(f"PostgreSQL did not start in {self.folder}: "
                                   f"{done.stdout}{done.stderr}{tail}")
        return self

    def stop(self) -> None:
        programs = server_bin()
        if (self.data / "postmaster.pid").exists():
            self._run([str(programs / "pg_ctl"), "-D", str(self.data), "-w", "-m", "fast",
                       "stop"])

    def _initdb(self, programs: Path) -> None:
        done = self._run([str(programs / "initdb"), "-D", str(self.data), "-U", ADMIN,
                          "-E", "UTF8", "--locale=C.UTF-8", "--auth-local=trust",
                          "--auth-host=trust", "--no-sync"])
        if done.returncode != 0:
            raise LocalServerError(f"initdb failed in {self.data}: {done.stderr}")

    def _write_rules(self, *, fresh: bool) -> None:
        """Who may log in how (pg_hba.conf), for this start's ``tls``: initdb's rules
        (trust for all) are replaced, and so is one of the two this class writes; a file
        someone edited by hand is theirs and left alone."""
        rules = self.data / "pg_hba.conf"
        wanted = hba_rules(tls=self.tls)
        try:
            current = rules.read_text(encoding="utf-8")
        except OSError:
            current = None
        if current == wanted:
            return
        if not fresh and current not in (None, hba_rules(tls=False), hba_rules(tls=True)):
            return
        self._write_private(rules, wanted.encode(), mode=0o600)

    def _certify(self) -> None:
        """A server certificate and key in the data folder, signed by a certificate
        authority of this folder's own (made with them when either is missing)."""
        certificate, key = self.data / "server.crt", self.data / "server.key"
        if certificate.exists() and key.exists() and self.ca_file.exists():
            return
        openssl = shutil.which("openssl")
        if openssl is None:
            raise LocalServerError(
                f"a server with TLS in {self.folder} needs the `openssl` program to make its "
                "certificate; install it (Debian and Ubuntu: `apt-get install openssl`)")
        # The authority's key signs this one certificate and is then thrown away: nobody,
        # whoever reads this folder later, can sign another certificate that clients trust.
        with tempfile.TemporaryDirectory(prefix="annotator-tls-") as scratch:
            work = Path(scratch)
            (work / "server.ext").write_text(
                f"subjectAltName = {CERTIFICATE_NAMES}\n"
                "basicConstraints = critical, CA:FALSE\n"
                "keyUsage = critical, digitalSignature, keyEncipherment\n"
                "extendedKeyUsage = serverAuth\n", encoding="utf-8")
            new_key = ["-newkey", "ec", "-pkeyopt", "ec_paramgen_curve:prime256v1", "-nodes"]
            authority = f"/CN=annotator local CA {secrets.token_hex(4)}"
            steps = [
                [openssl, "req", "-x509", *new_key, "-keyout", "ca.key", "-out", "ca.crt",
                 "-days", str(CERTIFICATE_DAYS), "-subj", authority,
                 "-addext", "basicConstraints=critical,CA:TRUE",
                 "-addext", "keyUsage=critical,keyCertSign,cRLSign"],
                [openssl, "req", *new_key, "-keyout", "server.key", "-out", "server.csr",
                 "-subj", "/CN=localhost"],
                [openssl, "x509", "-req", "-in", "server.csr", "-CA", "ca.crt", "-CAkey",
                 "ca.key", "-CAcreateserial", "-days", str(CERTIFICATE_DAYS),
                 "-extfile", "server.ext", "-out", "server.crt"],
            ]
            for step in steps:
                done = subprocess.run(step, capture_output=True, text=True, cwd=work)
                if done.returncode != 0:
                    raise LocalServerError(f"the TLS certificate for the server in "
                                           f"{self.folder} could not be made: {done.stderr}")
            # PostgreSQL refuses a key others can read; it must be the server user's own.
            self._write_private(key, (work / "server.key").read_bytes(), mode=0o600)
            self._write_private(certificate, (work / "server.crt").read_bytes(), mode=0o600)
            shutil.copyfile(work / "ca.crt", self.ca_file)
            self.ca_file.chmod(0o644)

    def _write_private(self, path: Path, content: bytes, *, mode: int) -> None:
        """``path`` holding ``content``, readable by the server's user only, replaced whole."""
        part = path.with_name(path.name + ".new")
        with contextlib.suppress(FileNotFoundError):
            part.unlink()
        descriptor = os.open(part, os.O_WRONLY | os.O_CREAT | os.O_EXCL, mode)
        with os.fdopen(descriptor, "wb") as out:
            out.write(content)
        if self._owner is not None:
            os.chown(part, self._owner.pw_uid, self._owner.pw_gid)
        os.replace(part, path)

    def _run(self, command: list[str]) -> subprocess.CompletedProcess[str]:
        if self._owner is not None:
            command = ["runuser", "-u", self._owner.pw_name, "--", *command]
        return subprocess.run(command, capture_output=True, text=True, cwd="/")


def hba_rules(*, tls: bool) -> str:
    """The server's login rules: the admin logs in without a password (through the
    socket only the owner of the folder reaches, and the loopback); everyone else gives
    theirs (SCRAM), and over TCP only through TLS when the server has it."""
    tcp = "hostssl" if tls else "host"
    return (f"local all {ADMIN} trust\n"
            f"host all {ADMIN} 127.0.0.1/32 trust\n"
            "local all all scram-sha-256\n"
            f"{tcp} all all 127.0.0.1/32 scram-sha-256\n"
            f"{tcp} all all ::1/128 scram-sha-256\n")


def _check_reachable(folder: Path, owner: pwd.struct_passwd) -> None:
    """The server's user must be able to pass through every folder above its own."""
    for parent in folder.parents:
        mode = parent.stat()
        reachable = (mode.st_mode & 0o001) or (mode.st_uid == owner.pw_uid and mode.st_mode & 0o100)
        if not reachable:
            raise LocalServerError(
                f"{folder}: the server runs as the `{owner.pw_name}` user, who cannot pass "
                f"through {parent} (a private folder); put the server in a folder that user "
                "can reach, e.g. under /tmp or /var/lib")


def _run_as() -> pwd.struct_passwd | None:
    """Who runs the server: this user, or ``postgres`` when this is root."""
    if os.geteuid() != 0:
        return None
    try:
        return pwd.getpwnam("postgres")
    except KeyError as exc:
        raise LocalServerError("PostgreSQL does not run as root, and there is no `postgres` "
                               "user to run it as; run as another user") from exc
