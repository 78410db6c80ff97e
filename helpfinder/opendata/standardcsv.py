"""Reading a CSV of the national standard (lieux de médiation numérique v1.0.2) as people
send it: checked for what would make every row wrong (separator, columns) before any row
is read, then row by row, each with the line it starts on.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from helpfinder.core.csvrows import CsvSyntaxError, csv_rows
from helpfinder.core.problems import Problem, Severity, plural

# Without these columns no place can be made from a row: the standard requires them all
# but `services`, which our records require.
NEEDED_COLUMNS = ("id", "nom", "commune", "code_postal", "adresse", "services", "date_maj")
# A byte that is not UTF-8 is kept as a lone surrogate, so the row that holds it is named.
_UNREADABLE = frozenset(chr(c) for c in range(0xDC80, 0xDD00))


@dataclass(frozen=True)
class Row:
    """One data row: the line of the file where it starts, its values by column, and what
    makes it unusable, if anything."""

    line: int
    values: dict[str, str]
    problem: Problem | None = None


class CsvFileError(Exception):
    """The file cannot be read as the standard at all; nothing may be imported from it."""

    def __init__(self, problem: Problem) -> None:
        super().__init__(problem.format())
        self.problem = problem


def read_standard_csv(
    path: Path, shown_as: str, columns: list[str]
) -> tuple[list[Row], list[Problem]]:
    """The rows, each with its problem if it cannot be used, and the header's problems.

    Raises CsvFileError for an unreadable file, a `;` separator or a missing column.
    """
    try:
        raw = path.read_bytes()
    except OSError as exc:
        message = f"impossible de lire le fichier ({exc.strerror})"
        raise _file_error(shown_as, "fichier-illisible", message) from exc
    if b"\x00" in raw:
        raise _file_error(shown_as, "fichier-binaire", "ce n'est pas un fichier CSV (octet nul)")
    text = raw.removeprefix(b"\xef\xbb\xbf").decode("utf-8", errors="surrogateescape")
    header_line = text.partition("\n")[0]
    if header_line.count(";") > header_line.count(","):
        raise _file_error(
            shown_as,
            "separateur",
            "les colonnes sont séparées par « ; » : le standard demande des virgules. "
            "Dans un tableur, enregistrez en « CSV UTF-8 (délimité par des virgules) »",
            1,
        )
    try:
        table = list(csv_rows(text))
    except CsvSyntaxError as exc:
        raise _file_error(
            shown_as, "csv-syntaxe", f"{exc} : rien n'est importé", exc.line
        ) from None
    header = [name.strip() for name in (table[0][1] if table else [])]
    if not any(header):
        raise _file_error(shown_as, "fichier-vide", "le fichier est vide")
    missing = [name for name in NEEDED_COLUMNS if name not in header]
    if missing:
        raise _file_error(
            shown_as,
            "colonne-manquante",
            f"{plural(len(missing), 'colonne manquante', 'colonnes manquantes')} : "
            f"{', '.join(missing)} (ce n'est pas un fichier au standard national ?)",
            1,
        )
    problems = [
        Problem(
            shown_as,
            1,
            "",
            name,
            "colonne-inconnue",
            "colonne inconnue du standard national : ignorée",
            Severity.WARNING,
        )
        for name in header
        if name and name not in columns
    ]
    rows = []
    for start, values in table[1:]:
        if not any(v.strip() for v in values):
            continue
        record = dict(zip(header, (v.strip() for v in values), strict=False))
        problem = None
        if len(values) != len(header):
            problem = Problem(
                shown_as,
                start,
                record.get("id", ""),
                "",
                "colonnes-nombre",
                f"{len(values)} valeurs pour {len(header)} colonnes : ligne ignorée "
                "(une virgule dans un texte sans guillemets ?)",
            )
        elif unreadable := [n for n, v in record.items() if _UNREADABLE & set(v)]:
            problem = Problem(
                shown_as,
                start,
                record.get("id", ""),
                unreadable[0],
                "encodage",
                "caractères illisibles : le fichier n'est pas en UTF-8 ; ligne ignorée. "
                "Enregistrez-le en UTF-8",
            )
        rows.append(Row(start, record, problem))
    return rows, problems


def _file_error(shown_as: str, code: str, message: str, line: int = 0) -> CsvFileError:
    return CsvFileError(Problem(shown_as, line, "", "", code, message))
