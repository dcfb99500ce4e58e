"""The SQL of migration 0015 (storage/migrations.py): which documents have each label,
counted per block of ids, kept by triggers on spans and documents."""

# A label's documents (those with a span of it that is not a suggestion) counted per
# block of ids (storage/label_blocks.py): a "without a label" list skips the blocks whose
# documents all have it, rather than asking each document in turn. Counting a block's
# spans again on every change read 15,000 of them at a million documents (1 ms), so
# which documents have a label is kept too (``labelled_documents``), each pair settled
# again from its document's own spans (a few dozen) when a span of it changes, and a
# block counted again from those (at most 1024) only when a pair comes or goes.
# ``labelled_pending`` holds the pairs a statement touched until they are settled.


def _present(pair: str) -> str:
    """Whether the document of ``pair`` (a row with label and doc_id) has a span of its
    label that is not a suggestion, read from the document's own spans; a span whose
    document is gone (deleted by another program with foreign keys off) counts for none."""
    return (f"EXISTS (SELECT 1 FROM spans s WHERE s.doc_id = {pair}.doc_id "
            f"AND +s.label = {pair}.label AND s.origin != 'suggested') "
            f"AND EXISTS (SELECT 1 FROM documents d WHERE d.id = {pair}.doc_id)")


# The pending pairs settled: kept where the document has the label, removed where not.
_SETTLE = f"""DELETE FROM labelled_documents
        WHERE (label, doc_id) IN (SELECT label, doc_id FROM labelled_pending)
        AND NOT ({_present("labelled_documents")});
    INSERT INTO labelled_documents (label, doc_id)
        SELECT p.label, p.doc_id FROM labelled_pending p WHERE {_present("p")}
        AND NOT EXISTS (SELECT 1 FROM labelled_documents k
                        WHERE k.label = p.label AND k.doc_id = p.doc_id);
    DELETE FROM labelled_pending;"""
# Noted once (an upsert: an outer statement's own OR clause, another program's UPDATE OR
# ABORT, would override a trigger's INSERT OR IGNORE and fail on a pair noted twice).
_PENDING = "INSERT INTO labelled_pending (label, doc_id)"
_ONCE = "ON CONFLICT DO NOTHING"
# A label's documents in a pair's block, counted again.
_RECOUNT_LABEL = """INSERT INTO label_blocks (label, block, labelled)
        SELECT {row}.label, {row}.doc_id >> 10, count(*) FROM labelled_documents
        WHERE label = {row}.label
        AND doc_id BETWEEN ({row}.doc_id >> 10) << 10 AND (({row}.doc_id >> 10) << 10) + 1023
        ON CONFLICT (label, block) DO UPDATE SET labelled = excluded.labelled;"""
# Every label's documents counted from the spans (the migration; a copy of a corpus).
LABEL_COUNTING = (
    # Read from the spans' label index, in its order: the pairs are written in key order.
    "INSERT INTO labelled_documents (label, doc_id) SELECT DISTINCT label, doc_id FROM spans "
    "WHERE origin != 'suggested'",
    # Spans another program left without their document count for none. The ids are read
    # from their own index once (``+id``): looked up a pair at a time in the documents'
    # rows, each read a page of text, at a million documents 16 GB of them.
    "DELETE FROM labelled_documents WHERE doc_id NOT IN (SELECT +id FROM documents)",
    "INSERT INTO label_blocks (label, block, labelled) SELECT label, doc_id >> 10, count(*) "
    "FROM labelled_documents GROUP BY label, doc_id >> 10",
)
LABEL_BLOCKS = (
    """CREATE TABLE labelled_documents (
        label TEXT NOT NULL,
        doc_id INTEGER NOT NULL,
        PRIMARY KEY (label, doc_id)
    ) WITHOUT ROWID""",
    """CREATE TABLE label_blocks (
        label TEXT NOT NULL,
        block INTEGER NOT NULL,
        labelled INTEGER NOT NULL,
        PRIMARY KEY (label, block)
    ) WITHOUT ROWID""",
    """CREATE TABLE labelled_pending (
        label TEXT NOT NULL,
        doc_id INTEGER NOT NULL,
        PRIMARY KEY (label, doc_id)
    ) WITHOUT ROWID""",
    *LABEL_COUNTING,
    # Each block is counted again rather than given or taken one, as status_blocks is.
    f"""CREATE TRIGGER labelled_documents_ai AFTER INSERT ON labelled_documents BEGIN
        {_RECOUNT_LABEL.format(row="new")}
    END""",
    f"""CREATE TRIGGER labelled_documents_ad AFTER DELETE ON labelled_documents BEGIN
        {_RECOUNT_LABEL.format(row="old")}
    END""",
    # Another program's INSERT OR REPLACE removes the row it replaces (by id or uid, in
    # any document) without a delete trigger: its pair is noted before, settled after.
    f"""CREATE TRIGGER spans_labelled_bi BEFORE INSERT ON spans BEGIN
        {_PENDING} SELECT label, doc_id FROM spans WHERE id = new.id OR uid = new.uid {_ONCE};
    END""",
    f"""CREATE TRIGGER spans_labelled_ai AFTER INSERT ON spans BEGIN
        {_PENDING} VALUES (new.label, new.doc_id) {_ONCE};
        {_SETTLE}
    END""",
    f"""CREATE TRIGGER spans_labelled_bu BEFORE UPDATE OF id, uid ON spans BEGIN
        {_PENDING} SELECT label, doc_id FROM spans
        WHERE (id = new.id OR uid = new.uid) AND id != old.id {_ONCE};
    END""",
    f"""CREATE TRIGGER spans_labelled_au AFTER UPDATE OF id, uid, doc_id, label, origin ON spans
        BEGIN
        {_PENDING} VALUES (old.label, old.doc_id), (new.label, new.doc_id) {_ONCE};
        {_SETTLE}
    END""",
    f"""CREATE TRIGGER spans_labelled_ad AFTER DELETE ON spans BEGIN
        {_PENDING} VALUES (old.label, old.doc_id) {_ONCE};
        {_SETTLE}
    END""",
    # A document's spans count only while it is there: deleted with foreign keys off
    # (the sqlite3 shell's default), its spans stay behind and count no more; given an
    # id that has spans already, they count.
    f"""CREATE TRIGGER documents_labelled_ai AFTER INSERT ON documents
        WHEN EXISTS (SELECT 1 FROM spans WHERE doc_id = new.id) BEGIN
        {_PENDING} SELECT label, doc_id FROM spans WHERE doc_id = new.id {_ONCE};
        {_SETTLE}
    END""",
    f"""CREATE TRIGGER documents_labelled_ad AFTER DELETE ON documents BEGIN
        {_PENDING} SELECT label, doc_id FROM spans WHERE doc_id = old.id {_ONCE};
        {_SETTLE}
    END""",
    f"""CREATE TRIGGER documents_labelled_au AFTER UPDATE OF id ON documents
        WHEN new.id != old.id BEGIN
        {_PENDING} SELECT label, doc_id FROM spans WHERE doc_id IN (old.id, new.id) {_ONCE};
        {_SETTLE}
    END""",
)
LABEL_COUNT_TRIGGERS = tuple(statement.split()[2] for statement in LABEL_BLOCKS
                             if statement.startswith("CREATE TRIGGER"))
# The ones an insert fires. An import drops them for its transaction alone (no other
# connection sees it; a rollback brings them back) and counts its batch with two
# statements (storage/bulk_rows.py). Kept and skipped by a condition, as migration 0012's
# is, they cost too much: any insert trigger on spans has SQLite keep a statement journal
# for each INSERT (storing spans a row at a time took twice as long), and with the spans
# stored in one statement a batch, the skipped triggers still cost a microsecond a span
# (the import ratio of 20,000 articles went from 0.53 to 0.48).
LABEL_COUNT_ON_INSERT = ("labelled_documents_ai", "spans_labelled_bi", "spans_labelled_ai",
                         "documents_labelled_ai")
