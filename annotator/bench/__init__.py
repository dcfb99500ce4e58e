"""``python -m annotator.bench``: how annotator holds up at 100,000 articles."""
