"""annotator: tag actors, casualties and locations in news articles."""

__version__ = "0.10.0"
