"""Read a CSV table against its schema: header, row shape and every value, with line numbers."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from helpfinder.core.csvrows import CsvSyntaxError, csv_rows
from helpfinder.core.problems import Problem
from helpfinder.core.suggest import did_you_mean
from helpfinder.data import datafiles
from helpfinder.data.fieldcheck import Checker
from helpfinder.data.schema import RecordSchema
from helpfinder.data.yamlsource import YamlDocument

# A territory table is small (a region has a few thousand communes): far above that is junk.
MAX_TABLE_BYTES = 50 * 1024 * 1024


def read_csv_table(
    path: Path, shown_as: str, schema: RecordSchema, key: str
) -> tuple[list[tuple[int, dict[str, Any]]], list[Problem]]:
    """(line, row) pairs of `path`, rows as typed dicts (a row with errors is kept, its bad
    values set to None; the caller stops on any error).

    `key` names the column that identifies a row in messages (`[99004]`).
    """

    def problem(line: int, record: str, column: str, code: str, message: str) -> Problem:
        return Problem(shown_as, line, record, column, code, message)

    try:
        if path.stat().st_size > MAX_TABLE_BYTES:
            return [], [problem(1, "", "", "fichier-trop-gros", "le fichier est trop gros")]
        raw = datafiles.read_bytes(path)
    except OSError as exc:
        return [], [problem(0, "", "", "fichier-illisible", f"fichier illisible ({exc.strerror})")]
    try:
        text = raw.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        line = raw.count(b"\n", 0, exc.start) + 1
        return [], [problem(line, "", "", "encodage", "le fichier n'est pas en UTF-8")]

    try:
        table = list(csv_rows(text))
    except CsvSyntaxError as exc:
        return [], [problem(exc.line, "", "", "csv-syntaxe", str(exc))]
    header = table[0][1] if table else None
    if not header:
        return [], [problem(1, "", "", "fichier-vide", "le fichier est vide")]
    if len(header) == 1 and ";" in header[0]:
        message = "les colonnes sont séparées par « ; » : le fichier doit utiliser des virgules"
        return [], [problem(1, "", "", "separateur", message)]
    problems: list[Problem] = []
    for column in header:
        if column not in schema.fields:
            hint = did_you_mean(column, schema.fields)
            problems.append(problem(1, "", column, "colonne-inconnue", f"colonne inconnue{hint}"))
    for name, spec in schema.fields.items():
        if spec.required and name not in header:  # an optional column may be left out
            problems.append(problem(1, "", name, "colonne-manquante", "colonne manquante"))
    if problems:
        return [], problems

    rows: list[tuple[int, dict[str, Any]]] = []
    seen: dict[tuple[str, Any], int] = {}
    for start, cells in table[1:]:
        if not any(cell.strip() for cell in cells):
            continue
        record = cells[header.index(key)] if len(cells) > header.index(key) else ""
        record = record or f"ligne {start}"
        if len(cells) != len(header):
            problems.append(
                problem(
                    start,
                    record,
                    "",
                    "colonnes-nombre",
                    f"{len(cells)} valeurs pour {len(header)} colonnes",
                )
            )
            continue
        values = {
            column: (cell.strip() or None) for column, cell in zip(header, cells, strict=True)
        }
        doc = YamlDocument(values, {(column,): start for column in header})
        checker = Checker(shown_as, record, doc)
        row = checker.check_fields(schema.fields, values) or {}
        problems.extend(checker.problems)
        for name, spec in schema.fields.items():
            value = row.get(name)
            if spec.unique and value is not None:
                if (name, value) in seen:
                    first = seen[(name, value)]
                    problems.append(
                        problem(
                            start,
                            record,
                            name,
                            "valeur-dupliquee",
                            f"{value!r} est déjà ligne {first}",
                        )
                    )
                seen.setdefault((name, value), start)
        rows.append((start, row))
    return rows, problems
