"""The only code that talks SQL: a corpus file and what is stored in it."""

from annotator.storage.corpus import Corpus, CorpusError

__all__ = ["Corpus", "CorpusError"]
