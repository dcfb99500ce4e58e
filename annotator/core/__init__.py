"""The Qt-free, SQL-free heart of annotator: documents, spans, edits, offsets."""
