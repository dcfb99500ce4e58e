"""brat standoff: a ``.txt`` and an ``.ann`` per document, and ``annotation.conf``.

Reading is in ``brat_read``, writing in ``brat_write``, what both agree on about
brat's syntax in ``brat_syntax`` and the configuration in ``brat_conf``. The round
trip is the contract: importing an export gives back everything brat carries
(spans and their fragments, several labels on one range, attributes, notes,
knowledge-base links, relations, equivalence groups, events and events as
arguments of events), and the export's loss report names the rest.
"""

from __future__ import annotations

from annotator.formats.brat_read import read
from annotator.formats.brat_syntax import brat_type
from annotator.formats.brat_write import write

__all__ = ["brat_type", "read", "write"]
