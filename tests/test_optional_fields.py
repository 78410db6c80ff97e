"""Every optional field is really optional: each optional key of every schema, and each
optional file of data/, is removed in turn from the Val d'Essai fixture (where all are
filled), and the pipeline the MkDocs hook runs (load, check, index, every page and every
file) must go through: no traceback, ever, and no page that shows an empty table or list.

The keys are read from the schemas themselves, so a field added to a schema is covered
without touching this file.
"""

from __future__ import annotations

import json
import re
import shutil
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import pytest
import yaml

from conftest import SCHEMAS, TODAY, VAL_ESSAI, copy_territory
from helpfinder.analysis.index import build_index
from helpfinder.data.load import load_directory
from helpfinder.data.recordfile import record_yaml
from helpfinder.data.schema import FieldSpec, load_schemas
from helpfinder.site.pages import generate_files, generate_pages

RECORD_SCHEMAS = load_schemas(SCHEMAS)
# kind of record -> its files in a data/ folder (YAML records, or Markdown front matters)
RECORD_FILES = {
    "territoire": "territoire.yml",
    "lieu": "actors/*.yml",
    "parcours": "pathways/*.yml",
    "plan": "plan/*.yml",
    "compte-rendu": "comptes-rendus/[!_]*.md",
    "fiche-benchmark": "benchmark/[!_]*.md",
}
# The optional files and folders of data/: without each, the site still builds.
OPTIONAL_FILES = (
    "communes.geojson",
    "enquete",
    "enquete/resultats.json",
    "enquete/questionnaire.xml",
    "plan",
    "comptes-rendus",
    "benchmark",
    "SOURCES.md",
    "CORRESPONDANCES.md",
)
# The optional keys of the published survey results (data/enquete/resultats.json).
SURVEY_KEYS = (
    ("synthetique",),
    ("source",),
    ("version_questionnaire",),
    ("repondants",),
    ("par_age",),
    ("questions", "[]", "multiple"),
)
# Removing these makes another field required, and the validator says so (named below):
# what is checked is that it says so, with file and field, instead of failing later.
REQUIRED_WITH = {
    ("territoire", ("indice_fragilite",)): {"champ-requis"},  # indicateurs-ifn.csv is there
    ("lieu", ("latitude",)): {"coordonnees-incompletes"},
    ("lieu", ("longitude",)): {"coordonnees-incompletes"},
}
EMPTY_CONTAINER = re.compile(r"<(tbody|ul|ol|dl)\b[^>]*>\s*</\1>")


def optional_paths(
    fields: dict[str, FieldSpec], prefix: tuple[str, ...] = ()
) -> Iterator[tuple[str, ...]]:
    """Every optional key under `fields`, `[]` standing for each item of a list."""
    for name, spec in fields.items():
        path = (*prefix, name)
        if not spec.required:
            yield path
        if spec.fields:
            yield from optional_paths(spec.fields, path)
        if spec.item is not None and spec.item.fields:
            yield from optional_paths(spec.item.fields, (*path, "[]"))


def remove(value: Any, path: tuple[str, ...]) -> Any:
    """`value` without the key at `path` (in every item where the path says `[]`)."""
    if not path:
        return value
    head, rest = path[0], path[1:]
    if head == "[]":
        return [remove(item, rest) for item in value] if isinstance(value, list) else value
    if not isinstance(value, dict) or head not in value:
        return value
    if not rest:
        return {k: v for k, v in value.items() if k != head}
    return {**value, head: remove(value[head], rest)}


def rewrite_records(data: Path, kind: str, change: Callable[[Any], Any]) -> int:
    """Apply `change` to every record of `kind` in `data`; how many files held the key."""
    changed = 0
    for path in sorted(data.glob(RECORD_FILES[kind])):
        text = path.read_text(encoding="utf-8")
        if path.suffix == ".md":
            _, front, body = text.split("---\n", 2)
            record = yaml.safe_load(front)
            new = change(record)
            text = f"---\n{record_yaml(new)}---\n{body}"
        else:
            record = yaml.safe_load(text)
            new = change(record)
            text = record_yaml(new)
        if new != record:
            changed += 1
            path.write_text(text, encoding="utf-8")
    return changed


def pipeline(data: Path) -> tuple[set[str], list[tuple[str, str]]]:
    """Run what the hook runs; the codes of the errors, and (page, HTML) of every page."""
    directory, report = load_directory(data, TODAY)
    errors = {p.code for p in report.errors}
    for problem in report.errors:
        assert problem.file and problem.format().startswith(problem.file), problem.format()
    if errors:
        return errors, []
    index = build_index(directory, TODAY)
    pages = generate_pages(index, directory_urls=True)
    generate_files(index, directory_urls=True)
    return errors, [(page.route, page.html) for page in pages]


def assert_nothing_empty(pages: list[tuple[str, str]]) -> None:
    for src, html in pages:
        found = EMPTY_CONTAINER.search(html)
        assert not found, f"{src}: an empty {found.group(1)} instead of words"


CASES = [
    pytest.param(kind, path, id=f"{kind}:{'.'.join(path)}")
    for kind in RECORD_FILES
    for path in optional_paths(RECORD_SCHEMAS[kind].fields)
]


@pytest.fixture
def fixture_data(tmp_path: Path) -> Path:
    return copy_territory(VAL_ESSAI, tmp_path / "data")


def test_the_fixture_fills_every_optional_field_somewhere(fixture_data):
    """Each key removed below is really there to remove (else the test proves nothing)."""
    missing = [
        f"{kind}:{'.'.join(path)}"
        for kind in RECORD_FILES
        for path in optional_paths(RECORD_SCHEMAS[kind].fields)
        if not holds(fixture_data, kind, path)
    ]
    assert missing == []


def holds(data: Path, kind: str, path: tuple[str, ...]) -> bool:
    for file in data.glob(RECORD_FILES[kind]):
        text = file.read_text(encoding="utf-8")
        record = yaml.safe_load(text.split("---\n", 2)[1] if file.suffix == ".md" else text)
        if remove(record, path) != record:
            return True
    return False


@pytest.mark.parametrize(("kind", "path"), CASES)
def test_without_an_optional_key_the_site_is_made(fixture_data, kind, path):
    assert rewrite_records(fixture_data, kind, lambda record: remove(record, path)) > 0
    errors, pages = pipeline(fixture_data)
    assert errors == REQUIRED_WITH.get((kind, path), set())
    assert_nothing_empty(pages)


@pytest.mark.parametrize("name", OPTIONAL_FILES)
def test_without_an_optional_file_the_site_is_made(fixture_data, name):
    target = fixture_data / name
    assert target.exists(), name
    shutil.rmtree(target) if target.is_dir() else target.unlink()
    errors, pages = pipeline(fixture_data)
    assert errors == set()
    assert_nothing_empty(pages)


def test_without_the_fragility_index_and_its_texts_the_site_is_made(fixture_data):
    (fixture_data / "indicateurs-ifn.csv").unlink()
    rewrite_records(fixture_data, "territoire", lambda r: remove(r, ("indice_fragilite",)))
    errors, pages = pipeline(fixture_data)
    assert errors == set()
    assert_nothing_empty(pages)
    priorities = dict(pages)["etat-des-lieux/priorites"]
    assert "<table" not in priorities and "indice de fragilité" in priorities


def test_optional_columns_of_the_communes_may_be_left_out(fixture_data):
    path = fixture_data / "communes.csv"
    optional = [n for n, spec in RECORD_SCHEMAS["commune"].fields.items() if not spec.required]
    assert optional
    lines = path.read_text(encoding="utf-8").splitlines()
    header = lines[0].split(",")
    keep = [i for i, name in enumerate(header) if name not in optional]
    rows = [",".join(line.split(",")[i] for i in keep) for line in lines]  # no quoted commas
    path.write_text("\n".join(rows) + "\n", encoding="utf-8")
    errors, pages = pipeline(fixture_data)
    assert errors == set()
    assert_nothing_empty(pages)


@pytest.mark.parametrize("path", SURVEY_KEYS, ids=".".join)
def test_without_an_optional_key_of_the_survey_results_the_site_is_made(fixture_data, path):
    results = fixture_data / "enquete" / "resultats.json"
    document = json.loads(results.read_text(encoding="utf-8"))
    assert remove(document, path) != document
    results.write_text(json.dumps(remove(document, path), ensure_ascii=False), encoding="utf-8")
    errors, pages = pipeline(fixture_data)
    assert errors == set()
    assert_nothing_empty(pages)
