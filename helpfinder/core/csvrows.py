"""Rows of a CSV file, with every fault of its quoting reported in French with its line.

Python's csv module raises a bare `_csv.Error` for a cell over its size limit (128 KB) or a
quote left open, and, left lenient, lets an unbalanced quote swallow the following rows
into one cell: a survey submission or a place silently lost. Read strictly, a fault stops
the file at its line, with a message that says what to look for.
"""

from __future__ import annotations

import csv
import io
from collections.abc import Iterator

# The csv module's default limit for one cell (characters): above it, the file is not what
# it seems. Checked here too, since another library may have raised the module's limit,
# which is global to the process.
CELL_LIMIT = 131_072


class CsvSyntaxError(ValueError):
    """The file cannot be read as CSV from `line` on; the message is in French."""

    def __init__(self, line: int, message: str) -> None:
        super().__init__(message)
        self.line = line


TOO_BIG = (
    f"une cellule dépasse {CELL_LIMIT // 1024} Ko : ce n'est sans doute pas le bon fichier, "
    "ou un guillemet ouvert n'est pas fermé"
)


def _french(error: csv.Error) -> str:
    text = str(error)
    if "field larger than field limit" in text:
        return TOO_BIG
    if "unexpected end of data" in text or "EOF" in text:
        return "un guillemet ouvert n'est jamais fermé"
    if "expected after" in text:
        return "un guillemet est mal placé : un texte entre guillemets doit finir la cellule"
    if "new-line character" in text:
        return "un retour à la ligne est mal placé dans une cellule"
    return "le fichier n'est pas un CSV lisible"


def csv_rows(text: str) -> Iterator[tuple[int, list[str]]]:
    """(first line, cells) of each row of `text`, strictly read. Raises CsvSyntaxError."""
    reader = csv.reader(io.StringIO(text, newline=""), strict=True)
    line = 1
    while True:
        try:
            cells = next(reader)
        except StopIteration:
            return
        except csv.Error as exc:
            raise CsvSyntaxError(line, _french(exc)) from None
        if any(len(cell) > CELL_LIMIT for cell in cells):
            raise CsvSyntaxError(line, TOO_BIG)
        yield line, cells
        line = reader.line_num + 1
