"""Help text as it is rendered: lists keep their lines, and "below" is below."""

from __future__ import annotations

import re

import pytest
from click.testing import CliRunner

from annotator.cli import cli
from annotator.formats.registry import EXPORTS


def rendered(*args: str, columns: int = 80) -> list[str]:
    result = CliRunner().invoke(cli, list(args), env={"COLUMNS": str(columns)})
    assert result.exit_code == 0, result.output
    return result.stdout.splitlines()


@pytest.mark.parametrize("columns", [80, 200])
def test_export_help_lists_one_format_a_line_below_the_option_that_points_there(
        columns: int) -> None:
    lines = rendered("export", "--help", columns=columns)
    heading = lines.index("  Formats (--format):")
    option = next(n for n, line in enumerate(lines) if line.lstrip().startswith("--format "))
    assert "(listed below)" in " ".join(lines[option:option + 3])
    assert option < heading  # "below" is where the list is
    entries = [line for line in lines[heading + 1:] if not line.startswith(" " * 8)]
    assert [line.split()[0] for line in entries] == list(EXPORTS)
    for line, (name, described) in zip(entries, EXPORTS.items(), strict=True):
        # The name, then its description's first words on the same line.
        assert re.match(rf"^    {re.escape(name)} +{re.escape(described.description[:12])}",
                        line), line
    # A long description goes on under itself, never into the next format.
    listed = " ".join(" ".join(lines[heading + 1:]).split())
    for described in EXPORTS.values():
        assert described.description in listed
    assert max(len(line) for line in lines[heading:]) <= 78


def test_export_help_no_longer_points_at_a_list_above() -> None:
    text = "\n".join(rendered("export", "--help"))
    assert "see below" not in text
    # The old help ran every format into one paragraph after the description.
    assert text.index("Formats") > text.index("--all-labels")
