"""Shared fixtures: fixture territories, throw-away copies of them, record helpers, builds.

The generator's tests run on the fictional territories of tests/fixtures/territoires/, never
on data/: they pass whatever territory data/ holds. Only tests/test_data_*.py check data/.
data/schemas/ belongs to the generator (a territory keeps it as it is): tests read it there.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import os
import shutil
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from helpfinder.core.problems import Problem, Report, Severity
from helpfinder.data.load import load_directory

ROOT = Path(__file__).resolve().parent.parent
SCHEMAS = ROOT / "data" / "schemas"
FIXTURES = ROOT / "tests" / "fixtures" / "territoires"
# Seven communes in one département, every optional file and key, nine places, five pathways.
VAL_ESSAI = FIXTURES / "val-essai"
# Eleven communes over two départements (2A, 2B), only what is required, three places.
DEUX_RIVES = FIXTURES / "deux-rives"
# The day every test runs on, whatever the calendar says (the fixtures' dates are set by it).
TODAY = dt.date(2026, 11, 29)
TERRITORY_FILES = ("territoire.yml", "communes.csv", "communes.geojson", "indicateurs-ifn.csv")

# A complete, valid, made-up place in Essai-le-Haut (exemple: true): tests change one thing.
VALID_PLACE = """\
id: lieu-test
nom: Lieu de test
commune: Essai-le-Haut
code_postal: "99100"
code_insee: "99001"
adresse: 1 rue de l'Exemple
latitude: 46.0356
longitude: 3.0393
telephone:
  - "+33400000000"
courriels:
  - contact@exemple.fr
site_web:
  - https://exemple.fr
horaires:
  lundi: "08:30-12:30, 13:30-17:00"
  mercredi: "09:00-12:00"
fermetures:
  - du: 2026-12-24
    au: 2026-12-31
    motif: Fêtes
permanences:
  - commune: "99004"
    lieu: Mairie
    horaires:
      mardi: "09:00-12:00"
    frequence: 1er mardi du mois
services:
  - Aide aux démarches administratives
frais_a_charge:
  - Gratuit
modalites_accompagnement:
  - Accompagnement individuel
langues:
  - fr
accepte_pass_numerique: false
profil: mediation
date_maj: 2026-11-02
source: Fiche de test
exemple: true
"""

VALID_PATHWAY = """\
id: parcours-test
titre: Un parcours de test
pour: habitants
resume: Pour tester.
debut: q1
questions:
  - id: q1
    question: Première question ?
    choix:
      - reponse: Oui
        suite: r1
      - reponse: Non
        suite: q2
  - id: q2
    question: Deuxième question ?
    choix:
      - reponse: A
        suite: r1
      - reponse: B
        suite: r2
resultats:
  - id: r1
    titre: Résultat un
    conseil: Allez-y.
    services:
      - Aide aux démarches administratives
  - id: r2
    titre: Résultat deux
    conseil: Appelez.
    services:
      - Aide aux démarches administratives
    modalites_accompagnement:
      - Accompagnement individuel
"""


@pytest.fixture(autouse=True)
def pinned_day(request: pytest.FixtureRequest, monkeypatch: pytest.MonkeyPatch) -> None:
    """Every test runs on TODAY, whatever the calendar says: the build's clock
    (helpfinder.core.clock.today) reads SOURCE_DATE_EPOCH, and child processes inherit it. The
    tests of data/ itself (test_data_*) run on the real day, as `make build` does."""
    if request.module.__name__.startswith("test_data_"):
        monkeypatch.delenv("SOURCE_DATE_EPOCH", raising=False)
    else:
        monkeypatch.setenv("SOURCE_DATE_EPOCH", EPOCH_2026_11_29)


def copy_territory(fixture: Path, target: Path) -> Path:
    """A whole fixture territory, with the generator's schemas, as the `data/` folder `target`."""
    shutil.copytree(fixture, target)
    shutil.copytree(SCHEMAS, target / "schemas")
    return target


def territory_without_records(target: Path) -> Path:
    """The Val d'Essai territory files and the schemas in `target`, with empty actors/ and
    pathways/."""
    target.mkdir()
    shutil.copytree(SCHEMAS, target / "schemas")
    for name in TERRITORY_FILES:
        shutil.copy(VAL_ESSAI / name, target / name)
    (target / "actors").mkdir()
    (target / "pathways").mkdir()
    return target


@pytest.fixture
def data_dir(tmp_path: Path) -> Path:
    """The Val d'Essai territory files and the schemas, with empty actors/ and pathways/."""
    return territory_without_records(tmp_path / "data")


def run(data_dir: Path, today: dt.date = TODAY) -> Report:
    return load_directory(data_dir, today)[1]


def write(data_dir: Path, relative: str, text: str | bytes) -> Path:
    path = data_dir / relative
    if isinstance(text, bytes):
        path.write_bytes(text)
    else:
        path.write_text(text, encoding="utf-8")
    return path


def problems_in(report: Report, file: str) -> list[Problem]:
    return [p for p in report.problems if p.file == file]


def assert_one_error(
    report: Report, file: str, record: str, code: str, field: str, line: int, words: str
) -> None:
    """The report holds exactly one error for `file`, with this record, code, field and line."""
    errors = [p for p in problems_in(report, file) if p.severity is Severity.ERROR]
    assert [(p.code, p.field) for p in errors] == [(code, field)], [p.format() for p in errors]
    (error,) = errors
    assert (error.record, error.line) == (record, line)
    assert words in error.message
    assert error.format().startswith(f"{file}:{line}: [{record}] {field}: ")


def line_of(text: str, needle: str, occurrence: int = 1) -> int:
    """1-based line of the `occurrence`-th line containing `needle`."""
    seen = 0
    for number, line in enumerate(text.splitlines(), start=1):
        if needle in line:
            seen += 1
            if seen == occurrence:
                return number
    raise AssertionError(f"{needle!r} not in text")


EPOCH_2026_11_29 = "1795910400"


def make_project(root: Path) -> Path:
    """Copy the project's site sources (not data/) into `root`."""
    sys.path.insert(0, str(ROOT / "scripts"))
    from build_site import copy_site_sources

    return copy_site_sources(root)


@pytest.fixture
def project(tmp_path: Path, data_dir: Path) -> Path:
    """A copy of the project's site sources around the fixture data (one place, one pathway)."""
    root = make_project(data_dir.parent)
    write(data_dir, "actors/lieu-test.yml", VALID_PLACE)
    write(data_dir, "pathways/parcours-test.yml", VALID_PATHWAY)
    return root


def build(root: Path, epoch: str | None = EPOCH_2026_11_29) -> subprocess.CompletedProcess[str]:
    """`make build` of the project in `root`, on TODAY (or, with epoch=None, on the real day:
    for data/, whose records are checked against the calendar)."""
    env = {**os.environ, "NO_MKDOCS_2_WARNING": "1"}
    env.pop("SOURCE_DATE_EPOCH", None)
    if epoch is not None:
        env["SOURCE_DATE_EPOCH"] = epoch
    return subprocess.run(
        [sys.executable, str(ROOT / "scripts" / "build_site.py"), "--root", str(root)],
        capture_output=True,
        text=True,
        env=env,
        check=False,
    )


def snapshot(site: Path) -> dict[str, str]:
    return {
        path.relative_to(site).as_posix(): hashlib.sha256(path.read_bytes()).hexdigest()
        for path in sorted(site.rglob("*"))
        if path.is_file()
    }


BROWSER_TIMEOUT_MS = 10_000


# --- the browser tests: one build, one server and one browser per session, one page per test


@pytest.fixture(scope="session")
def site(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The Val d'Essai fixture territory, built with the project's sources."""
    from browser import build_site_of

    try:
        return build_site_of(VAL_ESSAI, tmp_path_factory.mktemp("val-essai"))
    except RuntimeError as error:
        pytest.fail(str(error), pytrace=False)


@pytest.fixture(scope="session")
def base_url(site: Path) -> Iterator[str]:
    from browser import serve

    with serve(site) as url:
        yield url


@pytest.fixture(scope="session")
def tiles() -> tuple[str, ...]:
    """The tile servers of the fixture site: the only third party its pages may ask."""
    from browser import tile_hosts_of

    return tile_hosts_of(VAL_ESSAI)


@pytest.fixture(scope="session")
def browser() -> Iterator[Any]:
    from browser import AXE, CHROMIUM, CHROMIUM_ARGS, SETUP_HINT

    if not CHROMIUM.is_file():
        pytest.fail(
            f"Chromium is missing ({CHROMIUM}): install it with `apt-get install -y chromium` "
            "(.ci/run does), then run `make test`",
            pytrace=False,
        )
    if not AXE.is_file():
        pytest.fail(f"axe-core is missing ({AXE}): {SETUP_HINT} (npm ci)", pytrace=False)
    try:
        from playwright.sync_api import sync_playwright
    except ImportError:
        pytest.fail(f"the playwright Python package is missing: {SETUP_HINT}", pytrace=False)
    playwright = sync_playwright().start()
    try:
        chromium = playwright.chromium.launch(
            executable_path=str(CHROMIUM), args=CHROMIUM_ARGS, headless=True
        )
    except Exception as error:
        playwright.stop()
        pytest.fail(f"Chromium ({CHROMIUM}) does not start: {error}", pytrace=False)
    yield chromium
    chromium.close()
    playwright.stop()


@pytest.fixture
def open_page(browser: Any) -> Iterator[Any]:
    """Open `url` in a fresh context: one page per test, its context closed after the test.

    `on_request`, when given, is called with every request of the context (workers included).
    `settled=True` waits, after the load, until every request the page has started has
    finished, the late ones of its scripts included (see browser.wait_until_settled).
    """
    from browser import RequestLog, wait_until_settled

    contexts: list[Any] = []

    def opener(url: str, *, javascript: bool = True, settled: bool = False, on_request=None) -> Any:
        context = browser.new_context(java_script_enabled=javascript, locale="fr-FR")
        contexts.append(context)
        context.set_default_timeout(BROWSER_TIMEOUT_MS)
        log = RequestLog(context)
        if on_request is not None:
            context.on("request", on_request)
        page = context.new_page()
        page.goto(url, wait_until="load")
        if settled:
            wait_until_settled(page, log, BROWSER_TIMEOUT_MS)
        return page

    yield opener
    for context in contexts:
        context.close()
