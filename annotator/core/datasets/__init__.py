"""The codebooks of the datasets coders feed: ACLED, UCDP GED, PLOVER and ACE 2005.

Each module here gives ``schema()``, the codebook set up as its dataset defines it
(labels and their attributes, event types and roles, the event's codes), with
``Schema.dataset`` naming it, so the dataset's export knows whose rules to check.
"""

from __future__ import annotations

import importlib

from annotator.core.schema import Schema

# name -> what the window and `annotator init --help` call it
DATASETS = {
    "acled": "ACLED (Armed Conflict Location & Event Data)",
    "ucdp": "UCDP GED (Uppsala Conflict Data Program, Georeferenced Event Dataset)",
    "plover": "PLOVER / POLECAT (Political Language Ontology for Verifiable Event Records)",
    "ace2005": "ACE 2005 (Automatic Content Extraction events)",
}


class UnknownDataset(ValueError):
    pass


def dataset_schema(name: str) -> Schema:
    """The codebook of dataset ``name`` (a key of DATASETS)."""
    if name not in DATASETS:
        raise UnknownDataset(f"no codebook named {name!r} (there are {', '.join(DATASETS)})")
    module = importlib.import_module(f"annotator.core.datasets.{name}")
    schema: Schema = module.schema()
    return schema
