"""Shared fixtures: a throw-away copy of the territory with no places, and record helpers."""

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

from helpfinder.pipeline import load_directory
from helpfinder.problems import Problem, Report, Severity

ROOT = Path(__file__).resolve().parent.parent
DATA = ROOT / "data"
TODAY = dt.date(2026, 11, 29)
TERRITORY_FILES = ("territoire.yml", "communes.csv", "communes.geojson", "indicateurs-ifn.csv")

# A complete, valid, made-up place in L'Arbresle (exemple: true): tests change one thing.
VALID_PLACE = """\
id: lieu-test
nom: Lieu de test
commune: L'Arbresle
code_postal: "69210"
code_insee: "69010"
adresse: 1 rue de l'Exemple
latitude: 45.8356
longitude: 4.6093
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
  - commune: "69021"
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


@pytest.fixture
def data_dir(tmp_path: Path) -> Path:
    """A copy of the real territory and schemas, with empty actors/ and pathways/."""
    target = tmp_path / "data"
    target.mkdir()
    shutil.copytree(DATA / "schemas", target / "schemas")
    for name in TERRITORY_FILES:
        shutil.copy(DATA / name, target / name)
    (target / "actors").mkdir()
    (target / "pathways").mkdir()
    return target


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


def build(root: Path) -> subprocess.CompletedProcess[str]:
    env = {**os.environ, "SOURCE_DATE_EPOCH": EPOCH_2026_11_29, "NO_MKDOCS_2_WARNING": "1"}
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
    from browser import build_real_site

    try:
        return build_real_site(tmp_path_factory.mktemp("real-site"))
    except RuntimeError as error:
        pytest.fail(str(error), pytrace=False)


@pytest.fixture(scope="session")
def base_url(site: Path) -> Iterator[str]:
    from browser import serve

    with serve(site) as url:
        yield url


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
    """
    contexts: list[Any] = []

    def opener(url: str, *, javascript: bool = True, wait: str = "load", on_request=None) -> Any:
        context = browser.new_context(java_script_enabled=javascript, locale="fr-FR")
        contexts.append(context)
        context.set_default_timeout(BROWSER_TIMEOUT_MS)
        if on_request is not None:
            context.on("request", on_request)
        page = context.new_page()
        page.goto(url, wait_until=wait)
        return page

    yield opener
    for context in contexts:
        context.close()
