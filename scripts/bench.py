"""`make bench`: time the site build at four scales, importing a national file, and
loading many synthetic places.

By default it builds synthetic territories (territoire, département, région, national)
with the real site sources and with plain MkDocs + Material (see `scripts/bench_site.py`),
then imports a 20,000-row national-standard file (see `scripts/bench_import.py`) and
computes the « État des lieux » for 35,000 communes and 20,000 places
(`scripts/bench_coverage.py`).

With `--import-only` or `--coverage-only`: only that one.

With `--places-only`: writes a synthetic territory of 17 communes into a temporary folder,
then N synthetic place files (about 15 filled fields, `exemple: true`), then runs the real
pipeline in a fresh process and reports its time, throughput and peak memory.
"""

from __future__ import annotations

import json
import resource
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from helpfinder.core.arguments import ArgumentParser  # noqa: E402
from helpfinder.data.load import SCHEMAS_DIR  # noqa: E402
from helpfinder.data.schema import RecordSchema, load_schemas  # noqa: E402
from helpfinder.data.territory import load_territory  # noqa: E402

PLACES_COMMUNES = 17  # the size of the embedded territory

SERVICES = (
    "Aide aux démarches administratives",
    "Maîtrise des outils numériques du quotidien",
    "Accès internet et matériel informatique",
    "Insertion professionnelle via le numérique",
)
PLACE = """\
id: {id}
nom: "Lieu de démonstration n° {n}"
commune: "{commune}"
code_postal: "{postal}"
code_insee: "{insee}"
adresse: "{n} rue de l'Exemple"
latitude: {lat}
longitude: {lon}
telephone:
  - "+3347400{phone:04d}"
courriels:
  - lieu-{n}@exemple.invalid
services:
  - {service1}
  - {service2}
horaires:
  lundi: "08:30-12:30, 13:30-17:00"
  mercredi: "09:00-12:00"
frais_a_charge: [Gratuit]
modalites_accompagnement: [Accompagnement individuel]
profil: mediation
date_maj: 2026-01-15
source: Fiche synthétique générée par scripts/bench.py
exemple: true
"""

MEASURE = """
import json, sys, time, datetime
from pathlib import Path
started = time.perf_counter()
from helpfinder.data.load import load_directory
imported = time.perf_counter()
directory, report = load_directory(Path(sys.argv[1]), datetime.date(2026, 11, 29))
done = time.perf_counter()
print(json.dumps({"import_s": imported - started, "load_validate_s": done - imported,
                  "places": len(directory.places), "errors": len(report.errors),
                  "warnings": len(report.warnings)}))
"""


def write_places(data_dir: Path, count: int) -> None:
    territory, _ = load_territory(data_dir, _schemas(data_dir), data_dir.parent)
    communes = sorted(territory.communes.values(), key=lambda c: c.code_insee)
    actors = data_dir / "actors"
    actors.mkdir(exist_ok=True)
    for n in range(count):
        commune = communes[n % len(communes)]
        text = PLACE.format(
            id=f"lieu-demo-{n:05d}",
            n=n,
            commune=commune.nom,
            postal=commune.codes_postaux[0],
            insee=commune.code_insee,
            lat=commune.latitude,
            lon=commune.longitude,
            phone=n % 10_000,
            service1=SERVICES[n % len(SERVICES)],
            service2=SERVICES[(n + 1) % len(SERVICES)],
        )
        (actors / f"lieu-demo-{n:05d}.yml").write_text(text, encoding="utf-8")


def _schemas(data_dir: Path) -> dict[str, RecordSchema]:
    return load_schemas(data_dir / SCHEMAS_DIR)


def run(count: int) -> dict[str, float | int]:
    with tempfile.TemporaryDirectory(prefix="helpfinder-bench-") as tmp:
        import bench_site  # here: bench_site imports this module's PLACE

        data_dir = Path(tmp) / "data"
        bench_site.write_territory(data_dir, PLACES_COMMUNES, 0, 1)
        started = time.perf_counter()
        write_places(data_dir, count)
        generated = time.perf_counter() - started
        child = subprocess.run(
            [sys.executable, "-c", MEASURE, str(data_dir)],
            check=True,
            capture_output=True,
            text=True,
            cwd=ROOT,
        )
        result = json.loads(child.stdout)
    peak_kb = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss
    result.update(
        {
            "generate_s": generated,
            "files_per_s": count / result["load_validate_s"],
            "peak_rss_mb": peak_kb / 1024,
        }
    )
    return result


def main(argv: list[str] | None = None) -> int:
    parser = ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument(
        "--scales",
        help="échelles du site, séparées par des virgules : territoire, departement, region, "
        "national (par défaut : les quatre), et donnees (le site de data/)",
    )
    parser.add_argument("--json", action="store_true", help="résultats en JSON sur stdout")
    parser.add_argument(
        "--places-only", action="store_true", help="seulement lecture + validation des fiches"
    )
    parser.add_argument(
        "--import-only", action="store_true", help="seulement l'import d'un fichier national"
    )
    parser.add_argument(
        "--coverage-only",
        action="store_true",
        help="seulement le calcul de l'état des lieux à l'échelle nationale",
    )
    parser.add_argument("--places", type=int, default=20_000, help="nombre de fiches")
    parser.add_argument("--max-seconds", type=float, default=5.0, help="objectif de temps")
    parser.add_argument("--max-mb", type=float, default=1024.0, help="objectif de mémoire")
    args = parser.parse_args(argv)
    if args.places_only:
        return places_bench(args.places, args.max_seconds, args.max_mb)
    import bench_coverage
    import bench_import
    import bench_site

    if args.import_only:
        return bench_import.main()
    if args.coverage_only:
        return bench_coverage.main()

    chosen = args.scales or ",".join(bench_site.DEFAULT_SCALES)
    scales = [s.strip() for s in chosen.split(",") if s.strip()]
    unknown = [s for s in scales if s not in bench_site.SCALES]
    if unknown or not scales:
        parser.error(
            f"échelle inconnue : {', '.join(unknown)} ; connues : {', '.join(bench_site.SCALES)}"
        )
    try:
        site_code = bench_site.main(scales, args.json)
    except bench_site.BuildFailed as exc:
        print(exc, file=sys.stderr)
        site_code = 1
    if args.scales:  # a chosen set of site scales is a question about the site only
        return site_code
    # With --json, stdout holds the site's JSON alone: the import's lines go to stderr.
    out = sys.stderr if args.json else sys.stdout
    print(file=out)
    import_code = bench_import.main(out=out)
    print(file=out)
    return max(site_code, import_code, bench_coverage.main(out=out))


def places_bench(places: int, max_seconds: float, max_mb: float) -> int:
    result = run(places)
    print(f"{places} fiches synthétiques (générées en {result['generate_s']:.1f} s)")
    print(f"  import du code      : {result['import_s']:.2f} s")
    print(
        f"  lecture + validation: {result['load_validate_s']:.2f} s "
        f"({result['files_per_s']:,.0f} fiches/s)".replace(",", " ")
    )
    print(f"  mémoire maximale    : {result['peak_rss_mb']:.0f} Mo (le plus gros processus)")
    print(f"  erreurs / avertissements : {result['errors']} / {result['warnings']}")
    ok = (
        result["errors"] == 0
        and result["places"] == places
        and result["load_validate_s"] < max_seconds
        and result["peak_rss_mb"] < max_mb
    )
    print(
        f"objectif (< {max_seconds:g} s, < {max_mb:g} Mo, 0 erreur) : "
        f"{'atteint' if ok else 'MANQUÉ'}"
    )
    return 0 if ok else 1


if __name__ == "__main__":
    sys.exit(main())
