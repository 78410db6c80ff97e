"""The territory: its communes, their outlines, the fragility index and the national fallback."""

from __future__ import annotations

import json
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from helpfinder.core.geo import Polygon, contains, distance_to_outline_km, polygons_of
from helpfinder.core.problems import Problem, Severity
from helpfinder.core.yamlevents import YamlFileError
from helpfinder.data import datafiles
from helpfinder.data.fieldcheck import Checker
from helpfinder.data.schema import RecordSchema
from helpfinder.data.tables import MAX_TABLE_BYTES, read_csv_table
from helpfinder.data.yamlsource import read_yaml_file

TERRITORY_FILE = "territoire.yml"
COMMUNES_FILE = "communes.csv"
OUTLINES_FILE = "communes.geojson"
INDICATORS_FILE = "indicateurs-ifn.csv"


def departement_of(code_insee: str) -> str:
    """`01999` -> `01`, `2A999` -> `2A`; overseas `97499` -> `974` (the code starts with it)."""
    return code_insee[:3] if code_insee.startswith("97") else code_insee[:2]


@dataclass(frozen=True)
class Commune:
    code_insee: str
    nom: str
    codes_postaux: tuple[str, ...]
    population: int
    annee_population: int
    latitude: float
    longitude: float
    population_totale: int | None = None
    siren: str | None = None


@dataclass
class Territory:
    """Everything about the place the directory covers, read from `data/`."""

    info: dict[str, Any] = field(default_factory=dict)
    communes: dict[str, Commune] = field(default_factory=dict)
    outlines: dict[str, list[Polygon]] = field(default_factory=dict)
    indicators: dict[str, list[dict[str, Any]]] = field(default_factory=dict)

    def communes_with_postal_code(self, code_postal: str) -> list[Commune]:
        return [c for c in self.communes.values() if code_postal in c.codes_postaux]


def load_territory(
    data_dir: Path, schemas: dict[str, RecordSchema], shown: Path
) -> tuple[Territory, list[Problem]]:
    """Read and check the territory files of `data_dir`; `shown` is the root for printed paths."""
    territory = Territory()
    problems: list[Problem] = []

    def shown_as(name: str) -> str:
        return (data_dir / name).relative_to(shown).as_posix()

    info_path = data_dir / TERRITORY_FILE
    if not info_path.exists():
        problems.append(_missing(shown_as(TERRITORY_FILE)))
    else:
        try:
            doc, found = read_yaml_file(info_path, shown_as(TERRITORY_FILE), "territoire")
            problems.extend(found)
            checker = Checker(shown_as(TERRITORY_FILE), "territoire", doc)
            territory.info = checker.check_fields(schemas["territoire"].fields, doc.data) or {}
            problems.extend(checker.problems)
        except YamlFileError as exc:
            problems.append(exc.problem)

    communes_path = data_dir / COMMUNES_FILE
    lines: dict[str, int] = {}  # the line of each commune in communes.csv, for messages
    if not communes_path.exists():
        problems.append(_missing(shown_as(COMMUNES_FILE)))
    else:
        rows, found = read_csv_table(
            communes_path, shown_as(COMMUNES_FILE), schemas["commune"], "code_insee"
        )
        problems.extend(found)
        for line, row in rows:
            if all(row.get(k) is not None for k in ("code_insee", "nom", "population")):
                territory.communes[row["code_insee"]] = _commune(row)
                lines[row["code_insee"]] = line

    outlines_path = data_dir / OUTLINES_FILE
    if outlines_path.exists():
        territory.outlines, found = _read_outlines(
            outlines_path, shown_as(OUTLINES_FILE), territory
        )
        problems.extend(found)
        problems.extend(_centres_outside(territory, lines, shown_as(COMMUNES_FILE)))

    problems.extend(_departement_names(territory, shown_as(TERRITORY_FILE)))

    indicators_path = data_dir / INDICATORS_FILE
    if indicators_path.exists():
        rows, found = read_csv_table(
            indicators_path, shown_as(INDICATORS_FILE), schemas["indicateur"], "iris_code"
        )
        problems.extend(found)
        for line, row in rows:
            code = row.get("code_insee")
            if code and code not in territory.communes:
                problems.append(
                    Problem(
                        shown_as(INDICATORS_FILE),
                        line,
                        row.get("iris_code") or "",
                        "code_insee",
                        "commune-inconnue",
                        f"la commune {code} n'est pas dans {COMMUNES_FILE}",
                    )
                )
            elif code:
                territory.indicators.setdefault(code, []).append(row)
        if territory.info and not territory.info.get("indice_fragilite"):
            # The pages show the index with its source and caveats: no figure without them.
            problems.append(
                Problem(
                    shown_as(TERRITORY_FILE),
                    1,
                    "territoire",
                    "indice_fragilite",
                    "champ-requis",
                    f"obligatoire quand {INDICATORS_FILE} existe : nom, explication, source "
                    "et millésime de l'indice (ou retirez ce fichier)",
                )
            )
    return territory, problems


def _commune(row: dict[str, Any]) -> Commune:
    return Commune(
        code_insee=row["code_insee"],
        nom=row["nom"],
        codes_postaux=tuple((row.get("codes_postaux") or "").split("|")),
        population=row["population"],
        annee_population=row.get("annee_population") or 0,
        latitude=row.get("latitude") or 0.0,
        longitude=row.get("longitude") or 0.0,
        population_totale=row.get("population_totale"),
        siren=row.get("siren"),
    )


def _well_formed(polygon: Any) -> bool:
    """A polygon is a list of closed rings of at least 4 [longitude, latitude] number pairs."""
    return isinstance(polygon, list) and all(
        isinstance(ring, list)
        and len(ring) >= 4
        and all(
            isinstance(point, list)
            and len(point) >= 2
            and all(isinstance(x, int | float) and not isinstance(x, bool) for x in point[:2])
            for point in ring
        )
        for ring in polygon
    )


def _departement_names(territory: Territory, shown_as: str) -> list[Problem]:
    """Warnings: a territory over several départements with one that has no name (the site
    would write « Département 01 »), or a name for a département without any commune."""
    named = {e.get("code"): e for e in territory.info.get("departements") or []}
    present = sorted({departement_of(code) for code in territory.communes})
    found = []
    if len(present) > 1:
        for code in present:
            if code not in named:
                found.append(
                    Problem(
                        shown_as,
                        1,
                        "territoire",
                        "departements",
                        "departement-sans-nom",
                        f"le département {code} n'a pas de nom : ajoutez-le sous « departements: »"
                        f' (- code: "{code}" puis nom: …), sinon le site écrit '
                        f"« Département {code} »",
                        Severity.WARNING,
                    )
                )
    for code in named:
        if territory.communes and code not in present:
            found.append(
                Problem(
                    shown_as,
                    1,
                    "territoire",
                    "departements",
                    "departement-sans-commune",
                    f"aucune commune de {COMMUNES_FILE} n'est dans le département {code}",
                    Severity.WARNING,
                )
            )
    return found


def _centres_outside(territory: Territory, lines: dict[str, int], shown_as: str) -> list[Problem]:
    """A warning for each commune whose centre (communes.csv) is not inside its outline: the
    places of that commune without coordinates would be shown at that wrong point."""
    found = []
    for code, commune in sorted(territory.communes.items()):
        outline = territory.outlines.get(code)
        if outline and not contains(outline, commune.longitude, commune.latitude):
            km = distance_to_outline_km(outline, commune.longitude, commune.latitude)
            found.append(
                Problem(
                    shown_as,
                    lines.get(code, 0),
                    code,
                    "latitude",
                    "centre-hors-contour",
                    f"le centre de {commune.nom} ({commune.latitude}, {commune.longitude}) est à "
                    f"{km:.1f} km hors de son contour (communes.geojson) : latitude et longitude "
                    "inversées, ou le point d'une autre commune ?",
                    Severity.WARNING,
                )
            )
    return found


def _missing(shown_as: str) -> Problem:
    return Problem(shown_as, 0, "", "", "fichier-manquant", "fichier manquant")


def _read_outlines(
    path: Path, shown_as: str, territory: Territory
) -> tuple[dict[str, list[Polygon]], list[Problem]]:
    """Commune outlines by INSEE code, from a GeoJSON FeatureCollection (`code` property)."""

    def problem(code: str, message: str, severity: Severity = Severity.ERROR) -> Problem:
        return Problem(shown_as, 1, "", "", code, message, severity)

    try:
        if path.stat().st_size > MAX_TABLE_BYTES:
            return {}, [problem("fichier-trop-gros", "le fichier des contours est trop gros")]
        collection = json.loads(datafiles.read_bytes(path).decode("utf-8-sig"))
    except OSError as exc:
        return {}, [problem("fichier-illisible", f"fichier illisible ({exc.strerror})")]
    except (UnicodeDecodeError, ValueError) as exc:
        return {}, [problem("geojson", f"GeoJSON illisible ({exc})")]
    features = collection.get("features") if isinstance(collection, dict) else None
    if not isinstance(features, list):
        return {}, [problem("geojson", "attendu : une FeatureCollection avec des « features »")]
    outlines: dict[str, list[Polygon]] = {}
    problems: list[Problem] = []
    for index, feature in enumerate(features, start=1):
        properties = feature.get("properties") if isinstance(feature, dict) else None
        code = properties.get("code") if isinstance(properties, dict) else None
        geometry = feature.get("geometry") if isinstance(feature, dict) else None
        polygons = polygons_of(geometry) if isinstance(geometry, dict) else []
        if not code or not polygons or not all(_well_formed(p) for p in polygons):
            problems.append(
                problem(
                    "geojson",
                    f"objet n°{index} : chaque objet (« feature ») doit avoir, dans ses "
                    "« properties », un « code » qui est le code INSEE de la commune (entre "
                    "guillemets), et une géométrie Polygon ou MultiPolygon",
                )
            )
        elif code not in territory.communes:
            problems.append(problem("commune-inconnue", f"{code} n'est pas dans {COMMUNES_FILE}"))
        else:
            outlines[code] = polygons
    for code, commune in sorted(territory.communes.items()):
        if code not in outlines:
            problems.append(
                problem(
                    "contour-manquant",
                    f"pas de contour pour {commune.nom} ({code})",
                    Severity.WARNING,
                )
            )
    return outlines, problems
