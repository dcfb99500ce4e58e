"""Importing files into a corpus: walk the paths, read, store in batches.

Used alike by ``annotator import`` and the window's File > Import, which
passes a progress callback and a way to cancel.
"""

from __future__ import annotations

from collections import deque
from collections.abc import Callable, Iterator, Sequence
from concurrent.futures import Future
from dataclasses import dataclass, field
from pathlib import Path

from annotator.core.article_pool import Analysis, ArticlePool
from annotator.core.language import declares_language, with_language
from annotator.core.model import DocumentRecord
from annotator.core.near_duplicates import Fingerprint
from annotator.core.schema import Schema
from annotator.formats.base import (
    Problem,
    ReadDocument,
    ReadItem,
    ReadOptions,
    brief,
)
from annotator.formats.checks import checked_against, record_problem
from annotator.formats.import_files import collect_files
from annotator.formats.json_input import RawLine, raw_lines, streamable
from annotator.formats.line_workers import LineRead, documents_of, read_lines
from annotator.formats.registry import READERS, format_for
from annotator.storage.bulk import add_documents, fit_cache, roomy_cache
from annotator.storage.bulk_rows import add_rows
from annotator.storage.corpus import Corpus, CorpusBusy, CorpusError
from annotator.storage.near_duplicates import DuplicateCheck, NewDocuments, check_new

BATCH_SIZE = 500
# Documents stored before they are compared with the corpus, in one transaction: their
# band keys are random, so each comparison rewrote most pages of the keys' index (some
# 30 MB at 100,000 documents), whether it wrote a batch's keys or four batches'.
COMPARE_EVERY = 2000
# A batch of long lines is sent sooner: IN_FLIGHT batches of them are held at once.
BATCH_BYTES = 16 * 1024 * 1024
IN_FLIGHT = 5

Progress = Callable[[int, int], None]


@dataclass
class ImportSummary:
    added: int = 0
    duplicates: int = 0
    rejected: list[Problem] = field(default_factory=list)
    warnings: list[Problem] = field(default_factory=list)
    new_labels: list[str] = field(default_factory=list)
    files: int = 0
    # Files a folder walk left out for safety (named in ``warnings``).
    skipped: int = 0
    # Files a folder walk did not read, each with the reason: hidden, of a type
    # no importer reads. A coder who drops a folder in should see what was left.
    passed_over: list[Problem] = field(default_factory=list)
    cancelled: bool = False
    # Why storing stopped part-way (a full disk, a corpus kept busy), if it did.
    stopped: str | None = None
    retry: bool = False  # whether the same import, run again, can finish
    # The new documents compared with the corpus: how many repeat an earlier story.
    near: DuplicateCheck = field(default_factory=DuplicateCheck)

    @property
    def ok(self) -> bool:
        return not self.rejected and not self.cancelled and self.stopped is None

    def lines(self) -> list[str]:
        """The summary as a coder reads it."""
        left = self.skipped + len(self.passed_over)
        out = [
            f"{self.added} added, {self.duplicates} skipped as duplicates, "
            f"{len(self.rejected)} rejected ({_count(self.files, 'file')} read"
            + (f", {_count(left, 'file')} skipped, each named below" if left else "") + ")"
        ]
        if self.new_labels:
            out.append("new labels added to the corpus: " + ", ".join(self.new_labels))
        if self.cancelled:
            out.append("cancelled: documents read before the cancel are kept")
        if self.stopped:
            out.append(f"stopped: {self.stopped}. The documents added before are kept"
                       + ("; run the same import again to add the rest" if self.retry else ""))
        if self.near.marked:
            out.append(f"{self.near.marked} of the {self.near.checked} new documents repeat an "
                       f"earlier story (near-duplicates at similarity {self.near.threshold:g}, "
                       "marked in the list)")
        if self.near.unreadable:
            out.append(f"warning: {self.near.unreadable} new documents could not be compared "
                       "with the corpus for near-duplicates (too large for the memory there "
                       "was); they are kept")
        out += [f"warning: {w}" for w in self.warnings]
        out += [f"skipped: {s}" for s in self.passed_over]
        out += [f"rejected: {r}" for r in self.rejected]
        return out


def _count(number: int, noun: str) -> str:
    return f"{number} {noun}" + ("" if number == 1 else "s")


def import_paths(
    corpus: Corpus,
    paths: Sequence[Path],
    *,
    fmt: str = "auto",
    options: ReadOptions | None = None,
    progress: Progress | None = None,
    cancelled: Callable[[], bool] | None = None,
) -> ImportSummary:
    """Import every document under ``paths``; never stops at a bad one."""
    options = options or ReadOptions()
    summary = ImportSummary()
    found = collect_files(paths, fmt)
    files, summary.rejected, summary.warnings = found.files, found.problems, found.unsafe
    summary.skipped, summary.passed_over = len(found.unsafe), found.passed_over
    labels_before = {label.name for label in corpus.labels()}
    schema_before = set(_codebook_names(corpus))
    try:  # documents stored before (by an older release, an import killed): compared first
        check_new(corpus)
    except CorpusError as exc:
        summary.stopped = str(exc)
        summary.retry = isinstance(exc, CorpusBusy)
        return summary
    with ArticlePool() as pool, roomy_cache(corpus):
        batches = _Batches(corpus, summary, pool)
        try:
            _read(corpus, files, fmt, options, summary, batches, progress, cancelled)
        finally:
            batches.compare()
    summary.near = batches.near.report
    summary.new_labels = [
        label.name for label in corpus.labels() if label.name not in labels_before
    ]
    schema_after = _codebook_names(corpus)
    summary.new_labels += [f"{what} {name}" for what, name in schema_after
                           if (what, name) not in schema_before]
    return summary


class _Batches:
    """Documents read, stored in batches. Each batch's articles go to the pool (their
    language where the file does not say it, their fingerprint) as soon as it is full;
    it is stored once that is back, while the next batch is read, then compared with
    the corpus. A JSON Lines file goes to the pool as raw lines, read there too
    (``line_workers``)."""

    def __init__(self, corpus: Corpus, summary: ImportSummary, pool: ArticlePool) -> None:
        self.corpus = corpus
        self.summary = summary
        self.pool = pool
        self.near = NewDocuments(corpus)
        self._to_compare: list[tuple[int, Fingerprint | None]] = []
        self.pending: list[ReadDocument] = []
        self._waiting: deque[tuple[Future[list], Callable[[list], None]]] = deque()

    def add(self, item: ReadDocument) -> None:
        self.pending.append(item)
        if len(self.pending) >= BATCH_SIZE:
            self.send()

    def send(self) -> None:
        """The pending batch to the pool; batches back from it stored."""
        if self.pending:
            items = self.pending
            articles = [(item.record.text, not declares_language(item.record.meta))
                        for item in items]
            self._waiting.append((self.pool.submit(articles),
                                  lambda analyses: self._store_items(items, analyses)))
            self.pending = []
        self._store_ready()

    def send_lines(self, lines: list[RawLine], path: Path, options: ReadOptions,
                   schema: Schema) -> None:
        """A batch of a JSON Lines file's raw lines, read in the pool."""
        self.send()
        self._waiting.append((self.pool.map(read_lines, lines, path, options, schema),
                              lambda read: self._store_lines(read, lines, path, options, schema)))
        self._store_ready()

    def _store_ready(self) -> None:
        # Batches may wait while the next is read (IN_FLIGHT in all); more, and the
        # reading waits. The later ones' shares not yet with a worker are what this
        # process reads itself rather than wait (ArticlePool.take_back).
        while self._waiting and not self.summary.stopped and (
                self._waiting[0][0].done() or len(self._waiting) >= IN_FLIGHT):
            self._store_first()

    def finish(self) -> None:
        self.send()
        while self._waiting and not self.summary.stopped:
            self._store_first()
        self._waiting.clear()

    def _store_first(self) -> None:
        future, store = self._waiting.popleft()
        while not future.done() and self.pool.take_back():
            pass  # rather than wait, a share of a later batch is read here
        try:
            done = future.result()
        except Exception:  # nothing back from the pool: the store is told so by None
            done = None
        store(done)

    def _store_lines(self, read: list[LineRead | Problem] | None, lines: list[RawLine],
                     path: Path, options: ReadOptions, schema: Schema) -> None:
        summary = self.summary
        if read is None:
            read = read_lines(lines, path, options, schema)
        done = [item for item in read if isinstance(item, LineRead)]
        summary.rejected += [item for item in read if isinstance(item, Problem)]
        for item in done:
            summary.warnings.extend(item.warnings)
        rows = [item.rows for item in done]
        results = None
        if done and all(row is not None for row in rows):
            try:
                results = add_rows(self.corpus, [row for row in rows if row is not None])
            except CorpusError as exc:  # nothing of this batch was stored; earlier ones are
                self._stopped(exc)
                return
        if results is None:  # the way of every format, from the records read again here
            found = {item.line: item.analysis for item in done}
            items = [item for item in documents_of(lines, path, options, schema)
                     if isinstance(item, ReadDocument) and item.line in found]
            self._store_items(items, [found[item.line] for item in items])
            return
        summary.added += len(results)
        self._compare([(result.doc_id, item.analysis[1])
                       for result, item in zip(results, done, strict=True)
                       if result.doc_id is not None])

    def _store_items(self, items: list[ReadDocument], analyses: list[Analysis] | None) -> None:
        if not items:
            return
        if analyses is None:  # no language nor fingerprint to be had: stored all the same
            analyses = [(None, None)] * len(items)
        records = [with_language(item.record, read=lambda _text, found=language: found)
                   for item, (language, _found) in zip(items, analyses, strict=True)]
        summary = self.summary
        try:
            results = add_documents(self.corpus, records)
        except CorpusError as exc:  # nothing of this batch was stored; earlier ones are
            self._stopped(exc)
            return
        added = []
        for item, result, (_language, found) in zip(items, results, analyses, strict=True):
            if result.outcome == "added" and result.doc_id is not None:
                summary.added += 1
                added.append((result.doc_id, found))
            elif result.outcome == "duplicate":
                summary.duplicates += 1
                if carried := _new_coding(self.corpus, result.doc_id, item.record):
                    # Its coding in this file is not merged into the stored document.
                    summary.warnings.append(Problem(
                        item.file, item.line, f"{result.reason}: {carried} of it in this "
                        "file, not in the corpus, were not imported (import the file into a "
                        "corpus of its own, then `annotator merge` it into this one)"))
            else:
                summary.rejected.append(Problem(item.file, item.line, result.reason))
        self._compare(added)

    def _stopped(self, exc: CorpusError) -> None:
        self.summary.stopped = str(exc)
        self.summary.retry = isinstance(exc, CorpusBusy) or "disk is full" in str(exc)

    def _compare(self, added: list[tuple[int, Fingerprint | None]]) -> None:
        self._to_compare += added
        if len(self._to_compare) >= COMPARE_EVERY:
            self.compare()

    def compare(self) -> None:
        """The documents stored since the last comparison compared with the corpus (also
        when the import stopped: what is not is compared by the next check)."""
        added, self._to_compare = self._to_compare, []
        if not added:
            return
        try:
            self.near.store(added)
            fit_cache(self.corpus)  # the corpus has grown: its keys' index with it
        except CorpusError as exc:  # the documents are kept; the next import compares them
            if not self.summary.stopped:
                self.summary.stopped = (f"{exc} (while comparing the new documents with "
                                        "the corpus)")
                self.summary.retry = True


def _read(corpus: Corpus, files: list[Path], fmt: str, options: ReadOptions,
          summary: ImportSummary, batches: _Batches, progress: Progress | None,
          cancelled: Callable[[], bool] | None) -> None:
    sizes = [_size(f) for f in files]
    total, done = sum(sizes), 0
    schema = corpus.schema()
    for path, size in zip(files, sizes, strict=True):
        if cancelled and cancelled():
            summary.cancelled = True
            break
        summary.files += 1
        name = format_for(path, fmt)
        if name is None:
            summary.rejected.append(Problem(path, None, "its format cannot be told from its "
                                                        "content; choose one with --format"))
            continue
        def sent(consumed: int, at: int = done, size: int = size) -> bool:
            """After a batch is sent: progress said; False if the import is to stop."""
            if summary.stopped:
                return False
            if progress:
                progress(at + min(consumed, size), total)
            if cancelled and cancelled():
                summary.cancelled = True
                return False
            return True

        if name == "jsonl" and _by_line(path):
            _read_lines(path, options, schema, batches, sent)
        else:
            _read_items(path, name, options, schema, summary, batches, sent)
        if summary.cancelled or summary.stopped:
            break
        done += size
        if progress:
            progress(done, total)
    if not summary.stopped:
        batches.finish()
    if progress:
        progress(total if not (summary.cancelled or summary.stopped) else done, total)


def _by_line(path: Path) -> bool:
    try:
        return streamable(path)
    except OSError:  # the reader says why it cannot be read
        return False


def _read_lines(path: Path, options: ReadOptions, schema: Schema, batches: _Batches,
                sent: Callable[[int], bool]) -> None:
    lines: list[RawLine] = []
    size = 0
    try:
        for line in raw_lines(path):
            lines.append(line)
            size += len(line[2])
            if len(lines) >= BATCH_SIZE or size >= BATCH_BYTES:
                batches.send_lines(lines, path, options, schema)
                consumed, lines, size = lines[-1][1], [], 0
                if not sent(consumed):
                    return
    except OSError as exc:  # the file went while being read: what was read is stored
        batches.summary.rejected.append(Problem(path, None, f"could not be read to the end "
                                                            f"({brief(str(exc))})"))
    if lines:
        batches.send_lines(lines, path, options, schema)


def _read_items(path: Path, name: str, options: ReadOptions, schema: Schema,
                summary: ImportSummary, batches: _Batches,
                sent: Callable[[int], bool]) -> None:
    for item in _guarded(READERS[name](path, options), path):
        if isinstance(item, Problem):
            summary.rejected.append(item)
            continue
        if reason := record_problem(item.record):
            summary.rejected.append(Problem(item.file, item.line, reason))
            continue
        checked = checked_against(schema, item)
        if isinstance(checked, Problem):
            summary.rejected.append(checked)
            continue
        summary.warnings.extend(item.warnings)
        batches.add(checked)
        if not batches.pending and not sent(item.consumed):  # a batch was sent
            return


def _new_coding(corpus: Corpus, doc_id: int | None, record: DocumentRecord) -> str:
    """What a duplicate's record holds that its stored document does not, said in words
    ("2 spans, 1 document label"); "" when the file holds nothing new (imported again)."""
    if doc_id is None or not (record.spans or record.relations or record.doc_labels
                              or record.events):
        return ""
    stored = corpus.spans(doc_id)
    places = {(s.start, s.end, s.label) for s in stored}
    where = {s.uid: (s.start, s.end, s.label) for s in (*stored, *record.spans)}
    links = {(where.get(r.head), where.get(r.tail), r.label) for r in corpus.relations(doc_id)}
    labels = {(d.name, repr(d.value)) for d in corpus.doc_labels(doc_id)}
    events = {e.type for e in corpus.events(doc_id)}
    counts = [
        (sum((s.start, s.end, s.label) not in places for s in record.spans), "span"),
        (sum((where.get(r.head), where.get(r.tail), r.label) not in links
             for r in record.relations), "relation"),
        (sum((d.name, repr(d.value)) not in labels for d in record.doc_labels),
         "document label"),
        (sum(e.type not in events for e in record.events), "event")]
    return ", ".join(f"{n} {what}{'s' if n != 1 else ''}" for n, what in counts if n)


def _codebook_names(corpus: Corpus) -> list[tuple[str, str]]:
    """The relation types and document attributes the corpus's codebook lists."""
    found = []
    for what, key in (("relation type", "relation_types"),
                      ("document attribute", "document_attributes")):
        value = corpus.setting(key, [])
        found += [(what, item["name"]) for item in value if isinstance(value, list)
                  and isinstance(item, dict) and isinstance(item.get("name"), str)]
    return found


def _guarded(items: Iterator[ReadItem], path: Path) -> Iterator[ReadItem]:
    """A reader's items; should it fail in a way nobody foresaw, a problem naming
    the file instead of a traceback, and the import goes on with the next file."""
    try:
        yield from items
    except Exception as exc:  # the last line of defence, on purpose
        yield Problem(path, None, f"could not be read to the end ({exc.__class__.__name__}: "
                                  f"{brief(str(exc))}); documents before this were read")


def _size(path: Path) -> int:
    try:
        return path.stat().st_size
    except OSError:
        return 0
