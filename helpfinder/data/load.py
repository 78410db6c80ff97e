"""Load and validate everything under `data/` in one pass: the first steps of every build.

load -> validate (all of it, every problem collected) -> index. Nothing here writes a file
or knows about MkDocs: the build hook, `make validate` and the tests all call
`load_directory` and decide themselves what to do with the report.
"""

from __future__ import annotations

import datetime as dt
import multiprocessing
import os
import re
import threading
from concurrent.futures import ProcessPoolExecutor
from dataclasses import dataclass
from pathlib import Path

from helpfinder.core.problems import Problem, Report, Severity
from helpfinder.data import datafiles
from helpfinder.data.directory import Directory
from helpfinder.data.documents import FICHE_SECTIONS, check_document_file, document_files
from helpfinder.data.pathways import check_outcomes_matched, check_pathway_file
from helpfinder.data.places import check_place_file, check_unique_ids
from helpfinder.data.plan import check_plan_file
from helpfinder.data.published import SURVEY_DIR, read_standard_schema, read_survey_files
from helpfinder.data.records import Record, record_files
from helpfinder.data.schema import RecordSchema, load_schemas
from helpfinder.data.survey import (
    RESULTS,
    XFORM,
    SurveyError,
    communes_mismatch,
    parse_results,
    results_communes,
    xform_communes,
)
from helpfinder.data.territory import COMMUNES_FILE, Territory, load_territory

ACTORS_DIR = "actors"
PATHWAYS_DIR = "pathways"
PLAN_DIR = "plan"  # optional: a territory without an action plan has no such folder
MINUTES_DIR = "comptes-rendus"  # optional, Markdown documents
BENCHMARK_DIR = "benchmark"  # optional, Markdown documents
SCHEMAS_DIR = "schemas"
# Below this many place files one process is fastest; above, the files are shared between
# the machine's cores (reading YAML is the cost: about 4,000 files/s per core).
PARALLEL_FROM = 2000


def load_directory(data_dir: Path, today: dt.date) -> tuple[Directory, Report]:
    """Read and check every file of `data_dir`; paths in the report are relative to its parent."""
    data_dir = data_dir.resolve()
    shown = data_dir.parent
    report = Report()
    directory = Directory(data_dir)
    try:
        directory.schemas = load_schemas(data_dir / SCHEMAS_DIR)
    except (OSError, ValueError, KeyError, TypeError, re.error) as exc:
        shown_as = (data_dir / SCHEMAS_DIR).relative_to(shown).as_posix()
        report.add(Problem(shown_as, 0, "", "", "schema", f"schéma illisible : {exc}"))
        return directory, report

    directory.standard_schema, problems = read_standard_schema(data_dir / SCHEMAS_DIR, shown)
    report.extend(problems)
    report.extend(datafiles.links_in(data_dir, shown))
    directory.territory, problems = load_territory(data_dir, directory.schemas, shown)
    report.extend(problems)

    files, problems = record_files(data_dir / ACTORS_DIR, shown)
    report.extend(problems)
    job = _PlaceJob(shown, directory.schemas["lieu"], directory.territory, today)
    for place, problems in _check_places(job, files):
        report.extend(problems)
        if place is not None:
            directory.places.append(place)
    report.extend(check_unique_ids(directory.places))

    files, problems = record_files(data_dir / PATHWAYS_DIR, shown)
    report.extend(problems)
    for path in files:
        shown_as = path.relative_to(shown).as_posix()
        pathway, problems = check_pathway_file(path, shown_as, directory.schemas["parcours"])
        report.extend(problems)
        if pathway is not None:
            directory.pathways.append(pathway)
    report.extend(check_unique_ids(directory.pathways))
    report.extend(check_outcomes_matched(directory.pathways, directory.places))

    if (data_dir / PLAN_DIR).is_dir():
        files, problems = record_files(data_dir / PLAN_DIR, shown)
        report.extend(problems)
        for path in files:
            shown_as = path.relative_to(shown).as_posix()
            action, problems = check_plan_file(path, shown_as, directory.schemas["plan"], today)
            report.extend(problems)
            if action is not None:
                directory.plan.append(action)
        report.extend(check_unique_ids(directory.plan))

    for folder, schema, sections, found in (
        (MINUTES_DIR, "compte-rendu", (), directory.minutes),
        (BENCHMARK_DIR, "fiche-benchmark", FICHE_SECTIONS, directory.fiches),
    ):
        for path in document_files(data_dir / folder):
            shown_as = path.relative_to(shown).as_posix()
            document, problems = check_document_file(
                path, shown_as, directory.schemas[schema], sections
            )
            report.extend(problems)
            if document is not None:
                found.append(document)

    directory.survey_files, problems = read_survey_files(data_dir, shown)
    report.extend(problems)
    if RESULTS in directory.survey_files:
        try:
            directory.survey = parse_results(directory.survey_files[RESULTS])
        except SurveyError as exc:
            shown_as = (data_dir / SURVEY_DIR / RESULTS).relative_to(shown).as_posix()
            report.add(Problem(shown_as, 0, "", "", "structure", str(exc)))
    if directory.territory.communes:
        report.extend(check_survey_communes(data_dir, directory, shown))
    return directory, report


def check_survey_communes(data_dir: Path, directory: Directory, shown: Path) -> list[Problem]:
    """A warning for each published survey file (the XForm, the results) whose communes are
    not the territory's: the files of another territory, or of an older list of communes."""
    codes = list(directory.territory.communes)
    found: list[tuple[str, list[str] | None]] = []
    if XFORM in directory.survey_files:
        try:
            found.append((XFORM, xform_communes(directory.survey_files[XFORM])))
        except ValueError as exc:  # ParseError is a ValueError
            shown_as = (data_dir / SURVEY_DIR / XFORM).relative_to(shown).as_posix()
            return [Problem(shown_as, 0, "", "", "structure", f"XForm illisible ({exc})")]
    if directory.survey is not None:
        found.append((RESULTS, results_communes(directory.survey)))
    problems = []
    for name, listed in found:
        mismatch = communes_mismatch(listed, codes) if listed is not None else None
        if mismatch:
            shown_as = (data_dir / SURVEY_DIR / name).relative_to(shown).as_posix()
            problems.append(
                Problem(
                    shown_as,
                    0,
                    "",
                    "",
                    "enquete-communes",
                    f"les communes de ce fichier ne sont pas celles de {COMMUNES_FILE} "
                    f"({mismatch}) : refaites-le avec « make enquete » (et, pour les "
                    "résultats, l'export des réponses à ce questionnaire), ou retirez-le",
                    Severity.WARNING,
                )
            )
    return problems


@dataclass(frozen=True)
class _PlaceJob:
    """What checking a batch of place files needs; picklable, for worker processes."""

    shown: Path
    schema: RecordSchema
    territory: Territory
    today: dt.date

    def __call__(self, paths: list[Path]) -> list[tuple[Record | None, list[Problem]]]:
        results = []
        for path in paths:
            shown_as = path.relative_to(self.shown).as_posix()
            record, problems = check_place_file(
                path, shown_as, self.schema, self.territory, self.today
            )
            if record is not None:
                record.doc.data = None  # the typed values are in record.data: send less
            results.append((record, problems))
        return results


def _check_places(job: _PlaceJob, files: list[Path]) -> list[tuple[Record | None, list[Problem]]]:
    """Check every place file, in file order; on several cores when there are many."""
    workers = min(os.cpu_count() or 1, 8)
    # Forked workers start at once and need nothing from `__main__` (spawned ones re-import
    # it, which fails from a REPL or stdin). Forking is only safe while this process runs a
    # single thread: `mkdocs serve` runs several, so it checks in one process.
    can_fork = "fork" in multiprocessing.get_all_start_methods() and threading.active_count() == 1
    if len(files) < PARALLEL_FROM or workers < 2 or not can_fork:
        return job(files)
    size = -(-len(files) // (workers * 4))
    chunks = [files[i : i + size] for i in range(0, len(files), size)]
    with ProcessPoolExecutor(workers, mp_context=multiprocessing.get_context("fork")) as pool:
        return [result for chunk in pool.map(job, chunks) for result in chunk]
