"""Time the « État des lieux » computation at the national scale: 35,000 communes (each
with a fragility index) and 20,000 places offering the nine services.

All pairs would be 700 million distances per service; the coverage uses the same grid
search as the commune pages. The figures: load and index (for reference), then the
coverage, the population shares, the white zones, the priorities and the CSV.
"""

from __future__ import annotations

import csv
import datetime as dt
import resource
import shutil
import sys
import tempfile
import time
from pathlib import Path
from typing import Any, TextIO

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "scripts"))

import bench_site  # noqa: E402

from helpfinder.analysis import coverage as cov  # noqa: E402
from helpfinder.analysis.index import build_index  # noqa: E402
from helpfinder.core.arguments import ArgumentParser  # noqa: E402
from helpfinder.data.load import load_directory  # noqa: E402
from helpfinder.data.schema import load_schemas  # noqa: E402
from helpfinder.site import coverage_views  # noqa: E402

MAX_SECONDS = 60.0
DAY = dt.date(2026, 11, 29)
# What the pages must say of an index (territoire.yml requires it with indicateurs-ifn.csv).
INDEX_TEXTS = """\
indice_fragilite:
  nom: Indice synthétique
  explication: Valeurs synthétiques du banc d'essai.
  source: scripts/bench_coverage.py
  millesime: Aucun.
"""


def write_national(data_dir: Path, communes: int, places: int) -> None:
    """communes.csv, an index for every commune, and places offering all nine services."""
    data_dir.mkdir(parents=True)
    shutil.copytree(ROOT / "data" / "schemas", data_dir / "schemas")  # the generator's
    (data_dir / "territoire.yml").write_text(
        bench_site.TERRITORY_YML + INDEX_TEXTS, encoding="utf-8"
    )
    rows = bench_site.commune_rows(communes, len(bench_site.DEPARTEMENTS))
    with (data_dir / "communes.csv").open("w", encoding="utf-8", newline="") as out:
        writer = csv.DictWriter(out, fieldnames=list(rows[0]), lineterminator="\n")
        writer.writeheader()
        writer.writerows(rows)
    header = list(load_schemas(data_dir / "schemas")["indicateur"].fields)
    with (data_dir / "indicateurs-ifn.csv").open("w", encoding="utf-8", newline="") as out:
        writer = csv.writer(out, lineterminator="\n")
        writer.writerow(header)
        for n, row in enumerate(rows):
            score = f"{60 + (n * 7919) % 80}.0"
            values = {
                "code_insee": row["code_insee"],
                "commune": row["nom"],
                "iris_code": f"{row['code_insee']}0000",
                "iris_nom": row["nom"],
                "iris_type": "Commune non découpée en IRIS",
                "source": "Indice synthétique de scripts/bench_coverage.py",
            }
            writer.writerow([values.get(name, score) for name in header])
    services = load_schemas(data_dir / "schemas")["lieu"].fields["services"].item.enum or ()
    bench_site.write_places(data_dir / "actors", rows, places, services)
    (data_dir / "pathways").mkdir()


def run(communes: int = 35_000, places: int = 20_000) -> dict[str, Any]:
    with tempfile.TemporaryDirectory(prefix="helpfinder-bench-coverage-") as tmp:
        data_dir = Path(tmp) / "data"
        write_national(data_dir, communes, places)
        started = time.perf_counter()
        directory, report = load_directory(data_dir, DAY)
        index = build_index(directory, DAY)
        loaded = time.perf_counter()
        coverages = cov.commune_coverage(
            index.communes, index.services, index.nearest, index.iris_scores
        )
        covered = time.perf_counter()
        for service in index.services:
            for km in cov.BANDS_KM:
                cov.population_share(coverages, service, km)
            cov.white_zones(coverages, service)
        ranked = cov.priorities(coverages)
        table = coverage_views.coverage_csv(index)
        done = time.perf_counter()
    return {
        "communes": len(coverages),
        "places": len(index.places),
        "errors": len(report.errors),
        "ranked": len(ranked),
        "csv_rows": table.count("\n") - 1,
        "load_index_s": loaded - started,
        "coverage_s": covered - loaded,
        "summaries_s": done - covered,
        "total_s": done - loaded,
        "peak_rss_mb": resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024,
    }


def main(out: TextIO = sys.stdout, communes: int = 35_000, places: int = 20_000) -> int:
    result = run(communes, places)
    print(
        f"État des lieux, {result['communes']} communes x {result['places']} lieux "
        f"(9 services) : couverture {result['coverage_s']:.1f} s, parts, zones blanches, "
        f"priorités et CSV {result['summaries_s']:.1f} s ; lecture et index "
        f"{result['load_index_s']:.1f} s ; {result['peak_rss_mb']:.0f} Mo au plus",
        file=out,
    )
    ok = (
        result["errors"] == 0
        and result["csv_rows"] == result["communes"] == result["ranked"]
        and result["total_s"] < MAX_SECONDS
    )
    print(
        f"Objectif (< {MAX_SECONDS:g} s, sans erreur) : {'atteint' if ok else 'MANQUÉ'}", file=out
    )
    return 0 if ok else 1


def cli(argv: list[str] | None = None) -> int:
    parser = ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--communes", type=int, default=35_000, help="nombre de communes")
    parser.add_argument("--lieux", type=int, default=20_000, help="nombre de lieux")
    args = parser.parse_args(argv)
    return main(communes=args.communes, places=args.lieux)


if __name__ == "__main__":
    sys.exit(cli())
