"""Time `make import` on a national-size file: 20,000 rows of the national standard spread
over France, of which a few dozen are in the territory of `data/`.

The import runs as a person runs it (a fresh `scripts/import_places.py` process) into a
copy of the territory with no places, and must take under 10 s.
"""

from __future__ import annotations

import csv
import io
import resource
import subprocess
import sys
import tempfile
import time
from pathlib import Path
from typing import Any, TextIO

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "scripts"))

import bench_site  # noqa: E402

from helpfinder.core.arguments import ArgumentParser  # noqa: E402
from helpfinder.data.published import STANDARD_SCHEMA  # noqa: E402
from helpfinder.data.territory import COMMUNES_FILE  # noqa: E402
from helpfinder.opendata.export import standard_columns  # noqa: E402

MAX_SECONDS = 10.0
TERRITORY_ROWS = 51
TERRITORY_COMMUNES = 17  # the size of the embedded territory
# What national files hold: hours our table takes, and some it cannot (kept for a person).
HOURS = (
    "Mo-Fr 09:00-12:00,14:00-17:00",
    "Tu,Th 14:00-18:00; Sa 09:00-12:00",
    "Mo-Sa 10:00-19:00; PH off",
    "Jan-Jun We 09:00-12:00",
    "",
)
SERVICES = (
    "Aide aux démarches administratives",
    "Maîtrise des outils numériques du quotidien",
    "Accès internet et matériel informatique",
)


def national_rows(total: int, territory: list[dict[str, str]]) -> list[dict[str, str]]:
    """`total` rows: `TERRITORY_ROWS` of them in the communes of `territory`, the others in
    made-up communes across France."""
    ours = {c["code_insee"] for c in territory}
    elsewhere = [
        c
        for c in bench_site.commune_rows(total, len(bench_site.DEPARTEMENTS))
        if c["code_insee"] not in ours
    ]
    communes = [territory[n % len(territory)] for n in range(TERRITORY_ROWS)]
    communes += elsewhere[: total - TERRITORY_ROWS]
    rows = []
    for n, commune in enumerate(communes):
        rows.append(
            {
                "id": f"structure-{n:05d}",
                "pivot": "00000000000000",
                "nom": f"Lieu de démonstration n° {n}",
                "commune": commune["nom"],
                "code_postal": commune["codes_postaux"].split("|")[0],
                "code_insee": commune["code_insee"],
                "adresse": f"{n % 90 + 1} rue de l'Exemple",
                "latitude": commune["latitude"],
                "longitude": commune["longitude"],
                "typologie": "ASSO",
                "telephone": f"+3347400{n % 10_000:04d}",
                "courriels": f"lieu-{n}@exemple.invalid",
                "horaires": HOURS[n % len(HOURS)],
                "presentation_resume": "Aide au numérique, sur place et à distance.",
                "source": "Fichier synthétique de scripts/bench_import.py",
                "date_maj": "2026-06-15",
                "services": "|".join(SERVICES[: 1 + n % len(SERVICES)]),
                "frais_a_charge": "Gratuit",
                "modalites_accompagnement": "Accompagnement individuel|Dans un atelier collectif",
            }
        )
    return rows


def write_national_file(path: Path, total: int, data_dir: Path) -> int:
    """Write the file; return how many of its rows are in the territory."""
    with (data_dir / COMMUNES_FILE).open(encoding="utf-8", newline="") as table:
        territory = list(csv.DictReader(table))
    schema = (data_dir / "schemas" / STANDARD_SCHEMA).read_text(encoding="utf-8")
    columns = standard_columns(schema)
    out = io.StringIO()
    writer = csv.DictWriter(out, fieldnames=columns, lineterminator="\n")
    writer.writeheader()
    for row in national_rows(total, territory):
        writer.writerow({name: row.get(name, "") for name in columns})
    path.write_text(out.getvalue(), encoding="utf-8")
    return TERRITORY_ROWS


def run(total: int) -> dict[str, Any]:
    with tempfile.TemporaryDirectory(prefix="helpfinder-bench-import-") as tmp:
        data_dir = Path(tmp) / "data"
        bench_site.write_territory(data_dir, TERRITORY_COMMUNES, 0, 1)  # no place yet
        source = Path(tmp) / "national.csv"
        expected = write_national_file(source, total, data_dir)
        started = time.perf_counter()
        child = subprocess.run(
            [
                sys.executable,
                str(ROOT / "scripts" / "import_places.py"),
                str(source),
                "--data",
                str(data_dir),
            ],
            capture_output=True,
            text=True,
            check=False,
        )
        seconds = time.perf_counter() - started
        written = len(list((data_dir / "actors").glob("*.yml")))
        return {
            "rows": total,
            "territory_rows": expected,
            "written": written,
            "exit_code": child.returncode,
            "seconds": seconds,
            "file_mb": source.stat().st_size / 1e6,
            "peak_rss_mb": resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss / 1024,
            "summary": child.stdout.strip().splitlines()[-1] if child.stdout.strip() else "",
            "stderr": child.stderr.strip(),
        }


def main(total: int = 20_000, out: TextIO = sys.stdout) -> int:
    result = run(total)
    print(
        f"Import d'un fichier national de {result['rows']} lignes ({result['file_mb']:.1f} Mo) : "
        f"{result['seconds']:.2f} s, {result['peak_rss_mb']:.0f} Mo au plus",
        file=out,
    )
    print(f"  {result['summary'] or result['stderr']}", file=out)
    ok = (
        result["exit_code"] == 0
        and result["written"] == result["territory_rows"]
        and result["seconds"] < MAX_SECONDS
    )
    print(
        f"Objectif (< {MAX_SECONDS:g} s, {result['territory_rows']} fiches écrites) : "
        + ("atteint" if ok else "MANQUÉ"),
        file=out,
    )
    return 0 if ok else 1


def cli(argv: list[str] | None = None) -> int:
    parser = ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--lignes", type=int, default=20_000, help="lignes du fichier national")
    args = parser.parse_args(argv)
    return main(args.lignes)


if __name__ == "__main__":
    sys.exit(cli())
