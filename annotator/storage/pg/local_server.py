"""A PostgreSQL server of one's own, in a folder: for a small team on one machine, for
the benchmarks and for the tests (a real server, never a stand-in).

The server binaries come from the system (Debian's ``postgresql`` package puts them in
``/usr/lib/postgresql/N/bin``) or from ``PATH``. PostgreSQL refuses to run as root, so
run as root it runs as the ``postgres`` system user the package creates.
"""

from __future__ import annotations

import contextlib
import glob
import os
import pwd
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
    _owner: pwd.struct_passwd | None = field(default=None, repr=False)

    @property
    def data(self) -> Path:
        return self.folder / "data"

    @property
    def sockets(self) -> Path:
        return self.folder / "sockets"

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
        if not (self.data / "PG_VERSION").exists():
            self._initdb(programs)
        self.port = self.port or _free_port()
        done = self._run([str(programs / "pg_ctl"), "-D", str(self.data), "-w", "-t", "60",
                          "-l", str(self.folder / "server.log"), "-o",
                          f"-p {self.port} -k {self.sockets} -c listen_addresses=127.0.0.1",
                          "start"])
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
        # The admin logs in through the socket without a password (only the owner of
        # this folder reaches it); everyone else gives theirs (SCRAM), over TCP too.
        hba = (f"local all {ADMIN} trust\n"
               f"host all {ADMIN} 127.0.0.1/32 trust\n"
               "local all all scram-sha-256\n"
               "host all all 127.0.0.1/32 scram-sha-256\n"
               "host all all ::1/128 scram-sha-256\n")
        with tempfile.NamedTemporaryFile("w", suffix=".conf", delete=False) as rules:
            rules.write(hba)
        try:
            if self._owner is not None:
                os.chown(rules.name, self._owner.pw_uid, self._owner.pw_gid)
            done = self._run([str(programs / "initdb"), "-D", str(self.data), "-U", ADMIN,
                              "-E", "UTF8", "--locale=C.UTF-8", "--auth-local=trust",
                              "--auth-host=trust",
                              "--no-sync"])
            if done.returncode != 0:
                raise LocalServerError(f"initdb failed in {self.data}: {done.stderr}")
            shutil.copyfile(rules.name, self.data / "pg_hba.conf")
            if self._owner is not None:
                os.chown(self.data / "pg_hba.conf", self._owner.pw_uid, self._owner.pw_gid)
        finally:
            with contextlib.suppress(OSError):
                os.unlink(rules.name)

    def _run(self, command: list[str]) -> subprocess.CompletedProcess[str]:
        if self._owner is not None:
            command = ["runuser", "-u", self._owner.pw_name, "--", *command]
        return subprocess.run(command, capture_output=True, text=True, cwd="/")


def _run_as() -> pwd.struct_passwd | None:
    """Who runs the server: this user, or ``postgres`` when this is root."""
    if os.geteuid() != 0:
        return None
    try:
        return pwd.getpwnam("postgres")
    except KeyError as exc:
        raise LocalServerError("PostgreSQL does not run as root, and there is no `postgres` "
                               "user to run it as; run as another user") from exc
