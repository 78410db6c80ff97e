"""`make import`: the territory's rows of a national-standard CSV become place records.

Each row is converted (`importrow`), compared with the records we have (`sameplace`),
written to a hidden staging folder and checked there by the same validator as every other
record, then moved into `data/actors/` in one rename. A row with an error is reported and
not written; a record a person wrote or edited is never replaced.

The staging folder (`data/actors/.import-…`) is removed at the end, and locked while the
import runs: the folders that killed imports left, unlocked, are removed by the next one.
"""

from __future__ import annotations

import datetime as dt
import re
from pathlib import Path
from typing import Any

from helpfinder.core.problems import Problem, Severity, plural
from helpfinder.core.text import slugify
from helpfinder.data.directory import Directory
from helpfinder.data.load import ACTORS_DIR, SCHEMAS_DIR, load_directory
from helpfinder.data.places import check_place_file
from helpfinder.data.published import STANDARD_SCHEMA
from helpfinder.data.recordfile import record_text, untouched_since_import, write_atomically
from helpfinder.opendata.export import standard_columns
from helpfinder.opendata.importresult import ADDED, FAILED, SKIPPED, UPDATED, ImportResult, Outcome
from helpfinder.opendata.importrow import ImportedPlace, commune_of, place_from_row
from helpfinder.opendata.importstaging import staging_folder
from helpfinder.opendata.sameplace import PlaceMatcher
from helpfinder.opendata.standardcsv import CsvFileError, Row, read_standard_csv

_READABLE_ID = re.compile(r"[a-z0-9]+(-[a-z0-9]+)*")
# Identifiers made by machines (`3fa85f64-5717-…`, `421`) make poor file names and addresses.
_MACHINE_ID = re.compile(r"[0-9a-f]{8}(-[0-9a-f]{4}){3}-[0-9a-f]{12}|[0-9-]+")
MAX_ID_LENGTH = 80


class ImportRefused(Exception):
    """Nothing can be imported: the file or `data/` is not usable. The message says why."""


def import_places(
    source: Path, data_dir: Path, today: dt.date, *, dry_run: bool = False
) -> ImportResult:
    """Import the rows of `source` that are in the territory of `data_dir`."""
    data_dir = data_dir.resolve()
    directory, _ = load_directory(data_dir, today)
    if "lieu" not in directory.schemas or not directory.territory.communes:
        raise ImportRefused(
            f"{data_dir.name}/ : le territoire ou les schémas ne se lisent pas ; "
            "corrigez d'abord les erreurs que montre « make validate »"
        )
    schema_text = (data_dir / SCHEMAS_DIR / STANDARD_SCHEMA).read_text(encoding="utf-8")
    result = ImportResult(source.name)
    try:
        rows, problems = read_standard_csv(source, source.name, standard_columns(schema_text))
    except CsvFileError as exc:
        raise ImportRefused(exc.problem.format()) from exc
    result.rows = len(rows)
    result.problems.extend(problems)
    run = _Run(data_dir, directory, today, source.name, dry_run)
    run.actors.mkdir(exist_ok=True)
    with staging_folder(run.actors, result) as staging:
        for row in rows:
            # A row with too many or too few values may have its commune in the wrong
            # column: it is reported wherever it seems to be.
            misshapen = row.problem is not None and row.problem.code == "colonnes-nombre"
            if not misshapen and commune_of(row.values, directory.territory) is None:
                result.outside += 1
            elif row.problem is not None:
                result.outcomes.append(Outcome(row.line, FAILED, row.problem.record))
                result.problems.append(row.problem)
            else:
                outcome, problems = run.import_row(row, staging)
                result.outcomes.append(outcome)
                result.problems.extend(problems)
    result.outcomes.sort(key=lambda o: o.line)
    return result


class _Run:
    """One import: the records known so far (ours, then those this run wrote)."""

    def __init__(
        self, data_dir: Path, directory: Directory, today: dt.date, file_name: str, dry_run: bool
    ) -> None:
        self.actors = data_dir / ACTORS_DIR
        self.shown = data_dir.parent
        self.schema = directory.schemas["lieu"]
        self.order = list(self.schema.fields)
        self.territory = directory.territory
        self.today = today
        self.file_name = file_name
        self.dry_run = dry_run
        self.matcher = PlaceMatcher()
        self.known: dict[str, dict[str, Any]] = {}
        self.written: dict[str, int] = {}  # file written by this run -> its row's line
        self.taken = {p.stem for p in self.actors.iterdir()} if self.actors.is_dir() else set()
        for place in directory.places:
            self.matcher.add(place.file, place.id, place.data)
            self.known[place.file] = place.data

    def import_row(self, row: Row, staging: Path) -> tuple[Outcome, list[Problem]]:
        row_id = row.values.get("id", "")
        place = place_from_row(row.values, self.territory, self.file_name)
        data = place.data
        match = self.matcher.find(row_id, data)
        if match is not None and match.same:
            return self._update(row, place, match.key, match.reason, staging)
        final = self.actors / f"{self._new_id(row_id, data)}.yml"
        outcome, problems = self._write(row, final, data, staging, ADDED)
        if place.hours_unread and outcome.action == ADDED:
            problems.append(self._hours_warning(row, place.hours_unread))
        if match is not None and outcome.action == ADDED:
            outcome = Outcome(
                row.line,
                ADDED,
                row_id,
                outcome.file,
                f"à vérifier, ce n'est peut-être pas un autre lieu que {match.key} "
                f"({match.reason})",
            )
        return outcome, problems

    def _update(
        self, row: Row, place: ImportedPlace, key: str, why: str, staging: Path
    ) -> tuple[Outcome, list[Problem]]:
        row_id, data = row.values.get("id", ""), place.data
        if key in self.written:
            reason = f"même lieu que la ligne {self.written[key]} ({why}), déjà importée"
            return Outcome(row.line, SKIPPED, row_id, key, reason), []
        path = self.shown / key
        state = untouched_since_import(path.read_text(encoding="utf-8"))
        if not state:
            who = "écrite à la main" if state is None else "modifiée depuis son import"
            reason = f"déjà présent ({why}) ; fiche {who} : elle n'est pas remplacée"
            return Outcome(row.line, SKIPPED, row_id, key, reason), []
        before, after = self.known[key].get("date_maj"), data.get("date_maj")
        # A row without a readable date goes on to the checks, which name the mistake.
        if isinstance(after, dt.date) and isinstance(before, dt.date) and after <= before:
            reason = f"déjà présent ({why}) et vérifié le {before} : rien de plus récent"
            return Outcome(row.line, SKIPPED, row_id, key, reason), []
        outcome, problems = self._write(row, path, data, staging, UPDATED)
        if place.hours_unread and outcome.action == UPDATED:
            problems.append(self._hours_warning(row, place.hours_unread))
        if outcome.action == UPDATED:
            reason = f"{why} ; vérifiée le {before}, maintenant le {after}"
            outcome = Outcome(row.line, UPDATED, row_id, key, reason)
        return outcome, problems

    def _hours_warning(self, row: Row, why: str) -> Problem:
        return Problem(
            self.file_name,
            row.line,
            row.values.get("id", ""),
            "horaires",
            "horaires-osm",
            f"horaires non mis en table ({why}) : recopiés tels quels dans "
            "notes_verification (et horaires_precisions s'ils y tiennent) ; reportez-les "
            "jour par jour dans « horaires »",
            Severity.WARNING,
        )

    def _write(
        self, row: Row, final: Path, data: dict[str, Any], staging: Path, action: str
    ) -> tuple[Outcome, list[Problem]]:
        """Check the record in the staging folder, then move it to `final`: whole, or not
        at all."""
        row_id, record_id = row.values.get("id", ""), final.stem
        data = {"id": record_id, **data}
        comments = (
            f"Fiche importée de {self.file_name} (ligne {row.line}), le {self.today}, "
            "telle que sa source la publie : à vérifier auprès du lieu.",
            "Vous pouvez la modifier : une fois modifiée, aucun import ne la remplacera.",
        )
        text = record_text(data, self.order, comments)
        staged = staging / final.name
        staged.write_text(text, encoding="utf-8")
        shown_as = final.relative_to(self.shown).as_posix()
        record, found = check_place_file(staged, shown_as, self.schema, self.territory, self.today)
        problems = [
            Problem(self.file_name, row.line, row_id, p.field, p.code, p.message, p.severity)
            for p in found
        ]
        if record is None or any(p.severity is Severity.ERROR for p in found):
            errors = plural(sum(p.severity is Severity.ERROR for p in found), "erreur", "erreurs")
            return Outcome(row.line, FAILED, row_id, "", f"{errors} : fiche non écrite"), problems
        if not self.dry_run:
            write_atomically(final, text)
        self.taken.add(record_id)
        self.written[shown_as] = row.line
        self.known[shown_as] = record.data
        self.matcher.add(shown_as, record_id, record.data)
        return Outcome(row.line, action, row_id, shown_as), problems

    def _new_id(self, row_id: str, data: dict[str, Any]) -> str:
        """The row's own id when it makes a readable file name, else one made from the name."""
        if (
            _READABLE_ID.fullmatch(row_id)
            and not _MACHINE_ID.fullmatch(row_id)
            and len(row_id) <= MAX_ID_LENGTH
            and row_id not in self.taken
        ):
            return row_id
        name = (slugify(data.get("nom", "")) or "lieu")[:MAX_ID_LENGTH].strip("-")
        commune = slugify(data.get("commune", ""))
        candidates = [name, f"{name}-{commune}"[:MAX_ID_LENGTH].strip("-")]
        for candidate in candidates:
            if candidate not in self.taken:
                return candidate
        number = 2
        while f"{candidates[-1]}-{number}" in self.taken:
            number += 1
        return f"{candidates[-1]}-{number}"
