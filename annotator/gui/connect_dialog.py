"""File > Connect to team server: where a team's corpus is, and who is coding.

The password, when typed, is used for this session's connections only: it is
never written to the settings or the recent list (libpq's ~/.pgpass or a
service file keeps it between sessions). Encryption defaults to checking the
server's certificate (``sslmode=verify-full``)."""

from __future__ import annotations

from urllib.parse import quote, urlencode

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from annotator.storage.pg.address import AddressError, ServerAddress, is_server_address

# libpq's sslmode values, strictest first: what each one promises the coder.
SSL_MODES = ("verify-full", "require", "prefer", "disable")


class ConnectDialog(QDialog):
    def __init__(self, parent: QWidget | None = None, *, user: str = "") -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Connect to team server"))
        self.setMinimumWidth(560)  # the address shown below on one line, the CA's hint whole
        self.address = QLineEdit()
        self.address.setPlaceholderText(self.tr("postgresql://… or service=NAME (optional)"))
        self.host = QLineEdit()
        self.host.setPlaceholderText("localhost")
        self.port = QSpinBox()
        self.port.setRange(1, 65535)
        self.port.setValue(5432)
        self.database = QLineEdit()
        self.user = QLineEdit(user)
        self.password = QLineEdit()
        self.password.setEchoMode(QLineEdit.EchoMode.Password)
        self.password.setPlaceholderText(self.tr("empty: from ~/.pgpass"))
        self.ssl = QComboBox()
        for mode, text in zip(SSL_MODES, (
                self.tr("verify the server's certificate (verify-full)"),
                self.tr("encrypt, without checking the certificate (require)"),
                self.tr("encrypt if the server can (prefer)"),
                self.tr("no encryption (disable)")), strict=True):
            self.ssl.addItem(text, mode)
        self.ca = QLineEdit()
        self.ca.setPlaceholderText(self.tr("the team's CA certificate (empty: ~/.postgresql/root.crt)"))
        browse = QPushButton(self.tr("Browse…"))
        browse.clicked.connect(self._choose_ca)
        ca_row = QHBoxLayout()
        ca_row.addWidget(self.ca, 1)
        ca_row.addWidget(browse)
        form = QFormLayout()
        form.addRow(self.tr("Address"), self.address)
        form.addRow(self.tr("Server"), self.host)
        form.addRow(self.tr("Port"), self.port)
        form.addRow(self.tr("Database"), self.database)
        form.addRow(self.tr("Your login"), self.user)
        form.addRow(self.tr("Password"), self.password)
        form.addRow(self.tr("Encryption"), self.ssl)
        form.addRow(self.tr("CA certificate"), ca_row)
        self.shown = QLabel()
        self.shown.setTextFormat(Qt.TextFormat.PlainText)
        self.shown.setWordWrap(True)
        self.problem = QLabel()
        self.problem.setTextFormat(Qt.TextFormat.PlainText)
        self.problem.setStyleSheet("color: palette(highlight)")
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok
                                   | QDialogButtonBox.StandardButton.Cancel)
        buttons.accepted.connect(self._accept)
        buttons.rejected.connect(self.reject)
        self.ok = buttons.button(QDialogButtonBox.StandardButton.Ok)
        self.ok.setText(self.tr("Connect"))
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(self.shown)
        layout.addWidget(self.problem)
        layout.addWidget(buttons)
        for field in (self.address, self.host, self.database, self.user, self.password,
                      self.ca):
            field.textChanged.connect(self._update)
        self.port.valueChanged.connect(self._update)
        self.ssl.currentIndexChanged.connect(self._update)
        self._update()

    def _choose_ca(self) -> None:
        path, _ = QFileDialog.getOpenFileName(self, self.tr("The team's CA certificate"), "",
                                              self.tr("Certificates (*.crt *.pem);;All files (*)"))
        if path:
            self.ca.setText(path)

    def result_address(self) -> ServerAddress | None:
        """The address the fields give, or None while they do not name a server."""
        typed = self.address.text().strip()
        if typed:
            if not is_server_address(typed):
                return None
            try:
                return ServerAddress.parse(typed)
            except AddressError:  # said by _update, without the password
                return None
        database = self.database.text().strip()
        if not database:
            return None
        host = self.host.text().strip() or "localhost"
        login = quote(self.user.text().strip(), safe="")
        if login and self.password.text():
            login += ":" + quote(self.password.text(), safe="")
        where = f"[{host}]" if ":" in host else host
        query = {"sslmode": self.ssl.currentData()}
        if self.ca.text().strip():
            query["sslrootcert"] = self.ca.text().strip()
        netloc = f"{login}@{where}:{self.port.value()}" if login else \
            f"{where}:{self.port.value()}"
        try:
            return ServerAddress.parse(f"postgresql://{netloc}/{quote(database, safe='')}?"
                                       + urlencode(query, quote_via=quote))
        except AddressError:
            return None

    def _update(self) -> None:
        address = self.result_address()
        typed = self.address.text().strip()
        for field in (self.host, self.port, self.database, self.user, self.password,
                      self.ssl, self.ca):
            field.setEnabled(not typed)
        self.ok.setEnabled(address is not None)
        self.shown.setText(str(address) if address is not None else "")
        if typed and address is None:
            self.problem.setText(self._why_not(typed))
        elif address is None:
            self.problem.setText(self.tr("Name the database the team's corpus is in."))
        else:
            self.problem.setText("")

    def _why_not(self, typed: str) -> str:
        if not is_server_address(typed):
            return self.tr("An address starts with postgresql:// or service=")
        try:
            ServerAddress.parse(typed)
        except AddressError as exc:
            return str(exc)  # libpq's reading, the password blotted out
        return ""

    def _accept(self) -> None:
        if self.result_address() is not None:
            self.accept()
