"""CSV files that people open in a spreadsheet: no cell may run as a formula.

A cell starting with `=`, `+`, `-` or `@` (or a tab or a carriage return) is read as a
formula by Excel and LibreOffice: `=HYPERLINK(…)` or `=cmd|' /C calc'!A0` written in a
record's name would run on the computer of whoever opens the export. As OWASP recommends,
such a cell gets a leading apostrophe, which spreadsheets show as text. Numbers keep their
sign (`-0.59` longitudes, `+33…` phones, which the national standard's pattern requires),
and so does a cell of dashes only (« -- »): neither can call anything.
"""

from __future__ import annotations

import csv
import io
import re
from collections.abc import Iterable
from typing import Any

FORMULA_START = ("=", "+", "-", "@", "\t", "\r")
_HARMLESS = re.compile(r"[-+]?[0-9][0-9 .,]*|[-\s]+")


def safe_cell(value: Any) -> Any:
    """`value`, with an apostrophe in front when a spreadsheet would run it as a formula."""
    formula = isinstance(value, str) and value.startswith(FORMULA_START)
    return "'" + value if formula and not _HARMLESS.fullmatch(value) else value


def csv_text(header: Iterable[str], rows: Iterable[Iterable[Any]]) -> str:
    """UTF-8 CSV text, comma-separated, `\\n` line ends, every cell made safe."""
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\n")
    writer.writerow(list(header))
    for row in rows:
        writer.writerow([safe_cell(cell) for cell in row])
    return out.getvalue()
