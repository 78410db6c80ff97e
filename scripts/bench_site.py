"""`make bench`: build the site for synthetic territories at four scales, against plain MkDocs.

For each scale (territoire, département, région, national) it writes a made-up territory
(communes named "Commune-de-démonstration-NNNNN", places marked `exemple: true`), builds it
with the project's real sources (`mkdocs build --strict` in a child process), then builds a
plain MkDocs + Material project with as many Markdown pages of similar size, in the same
run. It reports the build times and their ratio, the peak memory, the page count and the
median and largest page, and checks the targets of issue 3.
"""

from __future__ import annotations

import csv
import datetime as dt
import html
import json
import os
import re
import shutil
import statistics
import subprocess
import sys
import tempfile
import threading
import time
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from bench import PLACE, SERVICES
from build_site import copy_site_sources

from helpfinder.contrib.scaffold import pathway_record
from helpfinder.data.recordfile import record_yaml

ROOT = Path(__file__).resolve().parent.parent
DATA = ROOT / "data"
# 2026-11-29: the synthetic records (date_maj 2026-01-15) are then less than 12 months old.
SOURCE_DATE_EPOCH = "1795910400"
COMMUNE_SOURCE = "Commune synthétique de scripts/bench_site.py (pas une vraie commune)"
# The synthetic territory's own description: the bench never reads the territory of data/
# (but for the scale "donnees", which measures the site of data/ itself).
TERRITORY_YML = """\
nom: Territoire synthétique du banc d'essai
nom_court: Banc d'essai
site:
  titre: Banc d'essai (territoire synthétique)
  gestionnaire: "Personne : ce territoire est écrit par scripts/bench_site.py."
source: Territoire synthétique de scripts/bench_site.py (exemple).
recours_national:
  nom: Solidarité numérique
  telephone: "+33170772372"
  source: Numéro national.
"""
# Two pathways made as `make nouveau-parcours` makes them: one question, two outcomes.
PATHWAYS = (
    {
        "id": "demarche",
        "titre": "Je dois faire une démarche en ligne",
        "pour": "habitants",
        "resume": "Parcours du banc d'essai.",
        "services": ["Aide aux démarches administratives"],
    },
    {
        "id": "apprendre",
        "titre": "Je veux apprendre le numérique",
        "pour": "habitants",
        "resume": "Parcours du banc d'essai.",
        "services": ["Maîtrise des outils numériques du quotidien"],
    },
)
# Metropolitan France, and its départements 01..95 without 20 (Corsica is 2A/2B).
SOUTH, NORTH, WEST, EAST = 41.5, 51.0, -4.5, 8.0
DEPARTEMENTS = tuple(f"{n:02d}" for n in range(1, 96) if n != 20)
GRID_COLUMNS = 10
CELL_LAT = (NORTH - SOUTH) / 10
CELL_LON = (EAST - WEST) / GRID_COLUMNS
# Targets of issue 3.
MAX_RATIO = 1.3
MAX_SMALL_BUILD_S = 3.0  # for the site of data/ and the synthetic territory of its size
SMALL_SCALES = ("donnees", "territoire")
MAX_NATIONAL_MB = 4096.0
MAX_MAP_PAGE_KB = 50.0  # the map page's own HTML, at every scale (its data is in files)
# A page "grows with the number of pages" when the largest one is this much bigger than
# the largest page of the smallest scale measured in the same run.
MAX_PAGE_GROWTH = 1.5
# Builds shorter than this are run REPEATS times and their median time kept.
REPEAT_BELOW_S = 10.0
REPEATS = 3
SCRIPT = re.compile(r"<script\b.*?</script>", re.S)
ARTICLE = re.compile(r'<article class="md-content__inner md-typeset">(.*?)</article>', re.S)


@dataclass(frozen=True)
class Scale:
    name: str
    communes: int
    places: int
    departements: int
    real: bool = False  # the site of data/ itself: the counts are those of data/


SCALES = {
    s.name: s
    for s in (
        Scale("territoire", 17, 50, 1),
        Scale("departement", 300, 1_000, 1),
        Scale("region", 4_000, 1_200, 12),
        Scale("national", 35_000, 20_000, len(DEPARTEMENTS)),
        Scale("donnees", 0, 0, 1, real=True),
    )
}
DEFAULT_SCALES = ("territoire", "departement", "region", "national")


def progress(scale: str, message: str) -> None:
    print(f"[{time.strftime('%H:%M:%S')}] {scale}: {message}", file=sys.stderr, flush=True)


# --- The synthetic territory -------------------------------------------------------------


# Made-up commune names as varied as real ones: every initial, one in ten a « Saint- », a
# few with an article, some with a second part, short and long.
# fmt: off
_FIRST = (
    "Arn", "Bel", "Cor", "Dam", "Ess", "Fal", "Gor", "Hau", "Ill", "Jou", "Ker", "Lan", "Mor",
    "Nev", "Orb", "Pel", "Quin", "Ros", "Sal", "Tor", "Urb", "Val", "Ver", "Wis", "Yss", "Zan",
)
_MIDDLE = ("", "er", "in", "ol", "an", "eu")
_END = (
    "ac", "ay", "ans", "ieu", "ons", "eux", "ville", "court", "mont", "heim", "ignac", "ières",
    "ange", "oux", "ène", "as",
)
_AFTER = ("", "-sur-Loire", "", "-les-Bois", "", "-le-Haut", "", "-en-Val")
_PREFIX = ("Saint-", "", "", "Le ", "", "", "La ", "", "", "")  # by the last digit of n
# fmt: on
_BASES = len(_FIRST) * len(_MIDDLE) * len(_END) * len(_AFTER)


def commune_name(n: int) -> str:
    """The n-th made-up name: consecutive communes get unrelated names (a few, as in France,
    share their name with another commune, which the site tells apart by INSEE code)."""
    k = (n * 7919) % _BASES  # 7919 is prime and does not divide _BASES: a permutation
    parts = []
    for choices in (_FIRST, _MIDDLE, _END, _AFTER):
        k, i = divmod(k, len(choices))
        parts.append(choices[i])
    first, middle, end, after = parts
    return f"{_PREFIX[n % len(_PREFIX)]}{first}{middle}{end}{after}"


def commune_rows(count: int, departements: int) -> list[dict[str, str]]:
    """`count` made-up communes spread evenly over `departements` départements.

    Each département is a cell of a 10 x 10 grid over metropolitan France; its communes are
    spread over a regular grid inside that cell, so coordinates agree with the INSEE code.
    """
    if not 1 <= departements <= len(DEPARTEMENTS):
        raise ValueError(f"entre 1 et {len(DEPARTEMENTS)} départements")
    chosen = [(i * len(DEPARTEMENTS)) // departements for i in range(departements)]
    rows = []
    for d, slot in enumerate(chosen):
        code = DEPARTEMENTS[slot]
        size = count // departements + (1 if d < count % departements else 0)
        if size > 999:
            raise ValueError(f"{size} communes dans le {code} : au plus 999 par département")
        side = max(1, int(size**0.5 + 0.999))
        south = SOUTH + (slot // GRID_COLUMNS) * CELL_LAT
        west = WEST + (slot % GRID_COLUMNS) * CELL_LON
        for k in range(size):
            n = len(rows) + 1
            population = 80 + (n * 7919) % 12_000
            rows.append(
                {
                    "code_insee": f"{code}{k + 1:03d}",
                    "nom": commune_name(n),
                    "codes_postaux": f"{code}{k // 3:03d}",
                    "population": str(population),
                    "annee_population": "2023",
                    "population_totale": str(population + population // 50),
                    "siren": f"2{code}{k + 1:06d}",
                    "latitude": f"{south + (k // side + 0.5) / side * CELL_LAT:.5f}",
                    "longitude": f"{west + (k % side + 0.5) / side * CELL_LON:.5f}",
                    "source": COMMUNE_SOURCE,
                }
            )
    return rows


def write_territory(data_dir: Path, communes: int, places: int, departements: int) -> None:
    """A complete, valid `data/`: territory, communes (no outlines, no indicators), places,
    two pathways."""
    data_dir.mkdir(parents=True, exist_ok=True)
    shutil.copytree(DATA / "schemas", data_dir / "schemas")  # the generator's, not data's
    rows = commune_rows(communes, departements)
    codes = sorted({row["code_insee"][:2] for row in rows})
    names = "".join(
        f'  - code: "{code}"\n    nom: Département de démonstration {code}\n' for code in codes
    )
    (data_dir / "territoire.yml").write_text(
        TERRITORY_YML + f"departements:\n{names}", encoding="utf-8"
    )
    with (data_dir / "communes.csv").open("w", encoding="utf-8", newline="") as out:
        writer = csv.DictWriter(out, fieldnames=list(rows[0]), lineterminator="\n")
        writer.writeheader()
        writer.writerows(rows)
    write_places(data_dir / "actors", rows, places, SERVICES)
    (data_dir / "pathways").mkdir()
    for answers in PATHWAYS:
        text = record_yaml(pathway_record(answers))
        (data_dir / "pathways" / f"{answers['id']}.yml").write_text(text, encoding="utf-8")


def write_places(
    actors: Path, rows: list[dict[str, str]], places: int, services: tuple[str, ...]
) -> None:
    """`places` synthetic place files, spread evenly over the communes `rows`, each offering
    two consecutive services of `services`."""
    actors.mkdir()
    for n in range(places):
        # Fewer places than communes: one every few communes, in every département.
        row = rows[(n * len(rows)) // places if places <= len(rows) else n % len(rows)]
        # A few hundred metres from the centre: well within the 10 km allowed without outline.
        lat = float(row["latitude"]) + 0.002 * (n % 5 - 2)
        lon = float(row["longitude"]) + 0.002 * (n % 3 - 1)
        text = PLACE.format(
            id=f"lieu-demo-{n:05d}",
            n=n,
            commune=row["nom"],
            postal=row["codes_postaux"],
            insee=row["code_insee"],
            lat=f"{lat:.5f}",
            lon=f"{lon:.5f}",
            phone=n % 10_000,
            service1=services[n % len(services)],
            service2=services[(n + 1) % len(services)],
        )
        (actors / f"lieu-demo-{n:05d}.yml").write_text(text, encoding="utf-8")


# --- The plain MkDocs + Material reference ----------------------------------------------

PLAIN_CONFIG = """\
site_name: Référence MkDocs + Material
docs_dir: docs
use_directory_urls: true
theme:
  name: material
  language: fr
  font: false
plugins:
  - search:
      lang: fr
nav:
  - Accueil: index.md
  - Première page: pages/page-00001.md
  - Deuxième page: pages/page-00002.md
validation:
  nav:
    omitted_files: ignore
"""
PLAIN_HEAD = """\
# Page de référence n° {n}

Une page Markdown ordinaire, de la taille d'une page générée du site : des titres, des
listes et un tableau. Voir aussi la [page suivante]({next}).
"""
PLAIN_SECTION = """
## Rubrique {k} de la page {n}

Un paragraphe qui décrit un lieu, ses services et la façon d'y aller : en bus, à pied ou
en voiture, avec ou sans rendez-vous, selon les jours de la semaine.

- Aide aux démarches administratives
- Maîtrise des outils numériques du quotidien
- Accès internet et **matériel informatique**

| Jour | Horaires | Remarque |
| --- | --- | --- |
| Lundi | 08:30-12:30, 13:30-17:00 | Sans rendez-vous |
| Mercredi | 09:00-12:00 | Sur rendez-vous |
"""


def plain_page(n: int, total: int, size: int) -> str:
    """Markdown page `n` of `total`, with sections added until it is about `size` bytes."""
    following = f"page-{n % total + 1:05d}.md"
    text = PLAIN_HEAD.format(n=n, next=following)
    k = 1
    while len(text.encode()) < size:
        text += PLAIN_SECTION.format(k=k, n=n)
        k += 1
    return text


def write_plain_project(root: Path, pages: int, size: int) -> Path:
    """`pages` Markdown pages in all (index.md and pages/page-NNNNN.md), of about `size` bytes."""
    docs = root / "docs" / "pages"
    docs.mkdir(parents=True)
    (root / "mkdocs.yml").write_text(PLAIN_CONFIG, encoding="utf-8")
    (root / "docs" / "index.md").write_text(
        "# Accueil\n\nLa page d'accueil du site de référence.\n", encoding="utf-8"
    )
    total = max(pages - 1, 2)
    for n in range(1, total + 1):
        (docs / f"page-{n:05d}.md").write_text(plain_page(n, total, size), encoding="utf-8")
    return root


# --- Building and measuring --------------------------------------------------------------


@dataclass
class Measured:
    seconds: float
    peak_mb: float  # the largest single process of the build (exact: wait4's ru_maxrss)
    tree_mb: float  # the build's processes together, sampled (an upper bound: shared pages)
    returncode: int


class _TreeSampler(threading.Thread):
    """Samples the summed RSS of a process and its descendants (Linux /proc), every 0.2 s."""

    def __init__(self, pid: int) -> None:
        super().__init__(daemon=True)
        self.pid = pid
        self.peak_kb = 0
        self.done = threading.Event()

    def run(self) -> None:
        while not self.done.wait(0.2):
            self.peak_kb = max(self.peak_kb, sum(_rss_kb(p) for p in _tree(self.pid)))

    def stop(self) -> int:
        self.done.set()
        self.join()
        return self.peak_kb


def _tree(pid: int) -> list[int]:
    found, todo = [], [pid]
    while todo:
        current = todo.pop()
        found.append(current)
        try:
            for task in Path(f"/proc/{current}/task").iterdir():
                todo.extend(int(c) for c in (task / "children").read_text().split())
        except OSError:
            continue
    return found


def _rss_kb(pid: int) -> int:
    try:
        for line in Path(f"/proc/{pid}/status").read_text().splitlines():
            if line.startswith("VmRSS:"):
                return int(line.split()[1])
    except (OSError, ValueError):
        pass
    return 0


def mkdocs_build(root: Path, site: Path, log: Path) -> Measured:
    """`mkdocs build --strict` of the project in `root`, in a child process, measured."""
    env = {
        **os.environ,
        "NO_MKDOCS_2_WARNING": "1",
        "SOURCE_DATE_EPOCH": SOURCE_DATE_EPOCH,
        "OFFLINE": "false",
    }
    command = [sys.executable, "-m", "mkdocs", "build", "--strict", "--site-dir", str(site)]
    with log.open("wb") as out:
        started = time.perf_counter()
        child = subprocess.Popen(command, cwd=root, env=env, stdout=out, stderr=subprocess.STDOUT)
        sampler = _TreeSampler(child.pid)
        sampler.start()
        # wait4's ru_maxrss (KiB on Linux) is the child's peak, or that of the largest of the
        # processes it started and waited for (the workers that check place files).
        _, status, usage = os.wait4(child.pid, 0)
        seconds = time.perf_counter() - started
        child.returncode = os.waitstatus_to_exitcode(status)
    tree_kb = sampler.stop()
    peak_mb = usage.ru_maxrss / 1024
    return Measured(seconds, peak_mb, max(tree_kb / 1024, peak_mb), child.returncode)


def site_pages(site: Path) -> dict[str, int]:
    """Every HTML page of a built site and its size in bytes, by path."""
    return {p.relative_to(site).as_posix(): p.stat().st_size for p in sorted(site.rglob("*.html"))}


def article_text_bytes(page: Path) -> int:
    """Size of the text of a page's article (scripts and tags removed, spaces collapsed): what
    a reader reads, which the plain reference pages match."""
    found = ARTICLE.search(page.read_text(encoding="utf-8"))
    article = SCRIPT.sub(" ", found.group(1) if found else "")
    text = html.unescape(re.sub(r"<[^>]+>", " ", article))
    return len(" ".join(text.split()).encode())


def describe_site(site: Path, measured: Measured) -> dict[str, Any]:
    pages = site_pages(site)
    sizes = sorted(pages.values())
    largest = sorted(pages.items(), key=lambda item: (-item[1], item[0]))[:5]
    folders: dict[str, int] = {}
    for path in pages:
        folder = path.split("/")[0] if "/" in path else "."
        folders[folder] = folders.get(folder, 0) + 1
    search_index = site / "search" / "search_index.json"
    return {
        "seconds": round(measured.seconds, 2),
        "peak_mb": round(measured.peak_mb, 1),
        "tree_mb": round(measured.tree_mb, 1),
        "pages": len(pages),
        "pages_by_folder": dict(sorted(folders.items())),
        "median_page_kb": round(statistics.median(sizes) / 1024, 1) if sizes else 0.0,
        "max_page_kb": round(sizes[-1] / 1024, 1) if sizes else 0.0,
        "largest_pages": [{"page": p, "kb": round(s / 1024, 1)} for p, s in largest],
        "search_index_mb": round(search_index.stat().st_size / 2**20, 2)
        if search_index.exists()
        else 0.0,
    }


def median_article_bytes(site: Path) -> int:
    """Article text size of the median-sized generated page (communes/ and lieux/)."""
    pages = site_pages(site)
    generated = sorted(
        (size, path) for path, size in pages.items() if path.startswith(("communes/", "lieux/"))
    ) or sorted((size, path) for path, size in pages.items())
    return article_text_bytes(site / generated[len(generated) // 2][1])


class BuildFailed(RuntimeError):
    pass


def _build_or_fail(root: Path, site: Path, what: str, repeats: int) -> Measured:
    """Build once; a short build is built again (`repeats` runs, median time: less noise)."""
    runs: list[Measured] = []
    while len(runs) < (1 if runs and runs[0].seconds >= REPEAT_BELOW_S else repeats):
        log = root / "build.log"
        measured = mkdocs_build(root, site, log)
        if measured.returncode != 0:
            lines = log.read_text(encoding="utf-8", errors="replace").splitlines()
            tail = "\n".join(lines[-30:])
            raise BuildFailed(f"{what} : mkdocs build a échoué ({measured.returncode})\n{tail}")
        runs.append(measured)
    return Measured(
        statistics.median(r.seconds for r in runs),
        max(r.peak_mb for r in runs),
        max(r.tree_mb for r in runs),
        0,
    )


def run_scale(
    name: str,
    communes: int,
    places: int,
    departements: int,
    workdir: Path | None = None,
    repeats: int = REPEATS,
    real_data: bool = False,
) -> dict[str, Any]:
    """Write, build and measure one scale, then the plain reference with as many pages.

    With `real_data`, the site is that of the project's own `data/` (the counts given are
    replaced by those of `data/`)."""
    with tempfile.TemporaryDirectory(prefix=f"helpfinder-bench-{name}-") as tmp:
        base = workdir or Path(tmp)
        ours_root, plain_root = base / "ours", base / "plain"
        started = time.perf_counter()
        if real_data:
            shutil.copytree(DATA, ours_root / "data")
            with (DATA / "communes.csv").open(encoding="utf-8") as table_file:
                communes = sum(1 for _ in csv.DictReader(table_file))
            places = len(list((DATA / "actors").glob("*.y*ml")))
            progress(name, f"les données de data/ : {communes} communes et {places} lieux")
        else:
            progress(name, f"écriture de {communes} communes et {places} lieux")
            write_territory(ours_root / "data", communes, places, departements)
        copy_site_sources(ours_root)
        written = time.perf_counter() - started
        progress(name, f"construction du site ({written:.1f} s d'écriture)")
        ours_site = ours_root / "site"
        ours = describe_site(ours_site, _build_or_fail(ours_root, ours_site, "notre site", repeats))
        progress(name, f"{ours['pages']} pages en {ours['seconds']:.1f} s, {ours['tree_mb']} Mo")
        # Our 404.html has its counterpart in the plain site too: as many HTML files in all.
        article = median_article_bytes(ours_site)
        write_plain_project(plain_root, ours["pages"] - 1, article)
        progress(name, f"référence MkDocs + Material : {ours['pages'] - 1} pages de {article} o")
        plain_site = plain_root / "site"
        plain = describe_site(
            plain_site, _build_or_fail(plain_root, plain_site, "la référence", repeats)
        )
        progress(name, f"référence en {plain['seconds']:.1f} s, {plain['tree_mb']} Mo")
        return {
            "scale": name,
            "communes": communes,
            "places": places,
            "departements": departements,
            "median_article_bytes": article,
            "ours": ours,
            "plain": plain,
            "ratio": round(ours["seconds"] / plain["seconds"], 2),
            "carte": map_figures(ours_root, name),
        }


# --- The map ------------------------------------------------------------------------------


def map_figures(root: Path, scale: str) -> dict[str, Any]:
    """The map page's size, its data's size, the time to write both, and the time until the
    map shows its markers in headless Chromium (tiles refused: only our own work counts)."""
    site = root / "site"
    page = site / "carte" / "index.html"
    data = sorted((site / "donnees").glob("carte-*.geojson"))
    progress(scale, "carte : génération et premier affichage")
    return {
        "page_kb": round(page.stat().st_size / 1024, 1),
        "data_kb": round(sum(p.stat().st_size for p in data) / 1024, 1),
        "generate_s": _map_generation_seconds(root / "data"),
        "first_render_s": _first_render_seconds(site),
    }


def _map_generation_seconds(data_dir: Path) -> float:
    """Time to compute the map's data files and page view, once the directory is loaded."""
    sys.path.insert(0, str(ROOT))
    from helpfinder.analysis.index import build_index
    from helpfinder.data.load import load_directory
    from helpfinder.site.mapview import map_view
    from helpfinder.site.pages import generate_files

    directory, _ = load_directory(data_dir, dt.date(2026, 11, 29))
    index = build_index(directory, dt.date(2026, 11, 29))
    started = time.perf_counter()
    generate_files(index, True)
    map_view(index, "../", bool(directory.territory.outlines))
    return round(time.perf_counter() - started, 2)


def _first_render_seconds(site: Path) -> float | None:
    """From navigation to the markers on the map, in Debian's Chromium (None: no browser)."""
    import concurrent.futures
    import functools
    import http.server

    try:
        from playwright.sync_api import sync_playwright
    except ImportError:
        return None

    class Quiet(http.server.SimpleHTTPRequestHandler):
        def log_message(self, format: str, *args: Any) -> None:
            pass

    handler = functools.partial(Quiet, directory=str(site))
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()

    def measure() -> float:
        with sync_playwright() as playwright:
            browser = playwright.chromium.launch(
                executable_path="/usr/bin/chromium", args=["--no-sandbox", "--disable-gpu"]
            )
            page = browser.new_page()
            page.route(
                "**/*", lambda r: r.abort() if "127.0.0.1" not in r.request.url else r.continue_()
            )
            started = time.perf_counter()
            page.goto(f"http://127.0.0.1:{server.server_address[1]}/carte/")
            page.wait_for_selector("[data-map-ready]", timeout=120_000)
            seconds = time.perf_counter() - started
            browser.close()
        return round(seconds, 2)

    try:
        # In a thread of its own: playwright's sync API refuses to start in a thread where
        # another playwright (the test suite's browser) already runs its event loop.
        with concurrent.futures.ThreadPoolExecutor(1) as pool:
            return pool.submit(measure).result()
    finally:
        server.shutdown()
        server.server_close()


# --- Report ------------------------------------------------------------------------------

COLUMNS = (
    "échelle",
    "communes",
    "lieux",
    "pages",
    "notre temps (s)",
    "MkDocs seul (s)",
    "ratio",
    "notre pic (Mo)",
    "pic MkDocs seul (Mo)",
    "page médiane (Ko)",
    "page max (Ko)",
    "page la plus grosse",
    "index de recherche (Mo)",
    "carte : page (Ko)",
    "carte : données (Ko)",
    "carte : calcul (s)",
    "carte : 1er affichage (s)",
)


def table(results: list[dict[str, Any]]) -> str:
    lines = ["| " + " | ".join(COLUMNS) + " |", "|" + " --- |" * len(COLUMNS)]
    for r in results:
        ours, plain = r["ours"], r["plain"]
        cells = (
            r["scale"],
            f"{r['communes']:,}",
            f"{r['places']:,}",
            f"{ours['pages']:,}",
            f"{ours['seconds']:.1f}",
            f"{plain['seconds']:.1f}",
            f"{r['ratio']:.2f}",
            f"{ours['tree_mb']:.0f}",
            f"{plain['tree_mb']:.0f}",
            f"{ours['median_page_kb']:.1f}",
            f"{ours['max_page_kb']:.1f}",
            f"`{ours['largest_pages'][0]['page']}`" if ours["largest_pages"] else "",
            f"{ours['search_index_mb']:.1f}",
            f"{r['carte']['page_kb']:.1f}",
            f"{r['carte']['data_kb']:.0f}",
            f"{r['carte']['generate_s']:.2f}",
            "?" if r["carte"]["first_render_s"] is None else f"{r['carte']['first_render_s']:.2f}",
        )
        lines.append("| " + " | ".join(cells).replace(",", " ") + " |")
    return "\n".join(lines)


def check_targets(results: list[dict[str, Any]]) -> list[str]:
    """One line per target of issue 3 that is missed (empty: all met)."""
    missed = []
    for r in results:
        if r["ratio"] > MAX_RATIO:
            missed.append(f"{r['scale']} : ratio {r['ratio']:.2f} > {MAX_RATIO}")
        if r["scale"] in SMALL_SCALES and r["ours"]["seconds"] >= MAX_SMALL_BUILD_S:
            missed.append(
                f"{r['scale']} : {r['ours']['seconds']:.1f} s, pas moins de {MAX_SMALL_BUILD_S:g} s"
            )
        if r["carte"]["page_kb"] >= MAX_MAP_PAGE_KB:
            missed.append(f"{r['scale']} : page de la carte {r['carte']['page_kb']} Ko")
        if r["scale"] == "national" and r["ours"]["tree_mb"] >= MAX_NATIONAL_MB:
            missed.append(f"national : {r['ours']['tree_mb']:.0f} Mo >= {MAX_NATIONAL_MB:.0f} Mo")
    if len(results) > 1:
        smallest = min(results, key=lambda r: r["ours"]["pages"])
        reference = smallest["ours"]["max_page_kb"]
        for r in results:
            if r["ours"]["max_page_kb"] > MAX_PAGE_GROWTH * reference:
                page = r["ours"]["largest_pages"][0]
                missed.append(
                    f"{r['scale']} : {page['page']} fait {page['kb']} Ko, plus de "
                    f"{MAX_PAGE_GROWTH:g} fois la plus grosse page de {smallest['scale']} "
                    f"({reference} Ko) : sa taille croît avec le nombre de pages"
                )
    return missed


def main(scales: list[str], as_json: bool) -> int:
    results = []
    for name in scales:
        scale = SCALES[name]
        results.append(
            run_scale(name, scale.communes, scale.places, scale.departements, real_data=scale.real)
        )
    missed = check_targets(results)
    if as_json:
        print(json.dumps({"results": results, "missed": missed}, ensure_ascii=False, indent=2))
    else:
        print(table(results))
        print()
        print(
            f"Objectifs : ratio <= {MAX_RATIO}, donnees et territoire < {MAX_SMALL_BUILD_S:g} s, "
            f"national < {MAX_NATIONAL_MB:.0f} Mo, pages de taille bornée : "
            + ("atteints" if not missed else "MANQUÉS")
        )
    for line in missed:
        print(f"  manqué : {line}", file=sys.stderr if as_json else sys.stdout)
    return 0 if not missed else 1
