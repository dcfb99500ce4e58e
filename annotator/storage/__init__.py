"""The only code that talks SQL: a corpus file and what is stored in it."""

from annotator.quiet_import import import_sqlite_utils

import_sqlite_utils()  # before any module of this package imports it

from annotator.storage.corpus import Corpus, CorpusError  # noqa: E402

__all__ = ["Corpus", "CorpusError"]
