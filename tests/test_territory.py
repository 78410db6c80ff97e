"""The territory files: communes, outlines, fragility index, and the territory record."""

from __future__ import annotations

import json

import pytest

from conftest import DATA, line_of, problems_in, run, write
from helpfinder.geo import contains, distance_km, distance_to_outline_km
from helpfinder.schema import load_schemas
from helpfinder.territory import load_territory


def test_real_territory_loads_the_17_communes_with_their_population():
    territory, problems = load_territory(DATA, load_schemas(DATA / "schemas"), DATA.parent)
    assert problems == []
    assert len(territory.communes) == 17
    assert sum(c.population for c in territory.communes.values()) == 39_338
    assert territory.communes["69010"].nom == "L'Arbresle"
    assert territory.communes["69010"].codes_postaux == ("69210",)
    assert territory.communes["69076"].codes_postaux == ("69380",)
    assert set(territory.outlines) == set(territory.communes)
    # L'Arbresle has two IRIS (Nord and Sud); every other commune has one
    assert {code: len(rows) for code, rows in territory.indicators.items() if len(rows) != 1} == {
        "69010": 2
    }
    assert territory.info["recours_national"]["telephone"] == "+33170772372"


def test_every_commune_centre_lies_in_its_outline():
    territory, _ = load_territory(DATA, load_schemas(DATA / "schemas"), DATA.parent)
    for code, commune in territory.communes.items():
        assert contains(territory.outlines[code], commune.longitude, commune.latitude), code


def test_distances():
    # L'Arbresle centre to Bessenay centre, about 8.3 km as the crow flies
    assert distance_km(45.8356663158, 4.60937267063, 45.774361074, 4.54738228306) == pytest.approx(
        8.3, abs=0.1
    )
    square = [[[0.0, 0.0], [0.01, 0.0], [0.01, 0.01], [0.0, 0.01], [0.0, 0.0]]]
    assert distance_to_outline_km([square], 0.005, 0.005) == 0
    assert distance_to_outline_km([square], 0.02, 0.005) == pytest.approx(1.11, abs=0.01)
    with_hole = [
        square[0],
        [[0.004, 0.004], [0.006, 0.004], [0.006, 0.006], [0.004, 0.006], [0.004, 0.004]],
    ]
    assert not contains([with_hole], 0.005, 0.005)


def _replace_line(data_dir, name, old, new):
    path = data_dir / name
    text = path.read_text(encoding="utf-8")
    assert old in text
    path.write_text(text.replace(old, new, 1), encoding="utf-8")


@pytest.mark.parametrize(
    ("old", "new", "code", "line", "field"),
    [
        ("69021,Bessenay,69690,2331", "6902,Bessenay,69690,2331", "format-insee", 3, "code_insee"),
        (
            "69021,Bessenay,69690,2331",
            "69010,Bessenay,69690,2331",
            "valeur-dupliquee",
            3,
            "code_insee",
        ),
        ("69021,Bessenay,69690,2331", "69021,Bessenay,6969,2331", "format", 3, "codes_postaux"),
        ("69021,Bessenay,69690,2331", "69021,Bessenay,69690,deux mille", "type", 3, "population"),
        ("69021,Bessenay,69690,2331,2023", "69021,Bessenay,69690,2331", "colonnes-nombre", 3, ""),
        ("code_insee,nom,", "code_insee,name,", "colonne-inconnue", 1, "name"),
    ],
)
def test_commune_table_errors(data_dir, old, new, code, line, field):
    _replace_line(data_dir, "communes.csv", old, new)
    problems = [p for p in problems_in(run(data_dir), "data/communes.csv") if p.code == code]
    assert [(p.line, p.field) for p in problems] == [(line, field)]


def test_semicolon_csv_is_named(data_dir):
    text = (data_dir / "communes.csv").read_text(encoding="utf-8")
    write(data_dir, "communes.csv", text.replace(",", ";"))
    problems = problems_in(run(data_dir), "data/communes.csv")
    assert [(p.code, p.line) for p in problems] == [("separateur", 1)]


def test_missing_territory_file_is_an_error(data_dir):
    (data_dir / "communes.csv").unlink()
    report = run(data_dir)
    assert ("data/communes.csv", "fichier-manquant") in [(p.file, p.code) for p in report.errors]


def test_outline_of_an_unknown_commune_and_a_missing_outline(data_dir):
    path = data_dir / "communes.geojson"
    collection = json.loads(path.read_text(encoding="utf-8"))
    collection["features"][0]["properties"]["code"] = "01001"
    path.write_text(json.dumps(collection), encoding="utf-8")
    problems = problems_in(run(data_dir), "data/communes.geojson")
    assert sorted((p.code, p.severity.value) for p in problems) == [
        ("commune-inconnue", "erreur"),
        ("contour-manquant", "avertissement"),
    ]


def test_malformed_outline_is_an_error_not_a_crash(data_dir):
    path = data_dir / "communes.geojson"
    collection = json.loads(path.read_text(encoding="utf-8"))
    collection["features"][0]["geometry"]["coordinates"] = [["not", "numbers"]]
    path.write_text(json.dumps(collection), encoding="utf-8")
    codes = [p.code for p in problems_in(run(data_dir), "data/communes.geojson")]
    assert codes == ["geojson", "contour-manquant"]


def test_indicator_for_unknown_commune(data_dir):
    _replace_line(
        data_dir, "indicateurs-ifn.csv", "69021,Bessenay,690210000", "69999,Bessenay,690210000"
    )
    problems = problems_in(run(data_dir), "data/indicateurs-ifn.csv")
    assert [(p.code, p.line, p.record) for p in problems] == [("commune-inconnue", 4, "690210000")]


def test_territory_record_is_checked(data_dir):
    _replace_line(
        data_dir, "territoire.yml", 'telephone: "+33170772372"', "telephone: 01 70 77 23 72"
    )
    problems = problems_in(run(data_dir), "data/territoire.yml")
    line = line_of((data_dir / "territoire.yml").read_text(encoding="utf-8"), "telephone: 01")
    assert [(p.code, p.field, p.line) for p in problems] == [
        ("format-telephone", "recours_national.telephone", line)
    ]


@pytest.mark.parametrize("name", ["communes.geojson", "communes.csv", "indicateurs-ifn.csv"])
def test_huge_territory_file_is_refused_without_reading_it(data_dir, name):
    with (data_dir / name).open("r+b") as handle:  # sparse: costs no disk and no time
        handle.truncate(60 * 1024 * 1024)
    problems = problems_in(run(data_dir), f"data/{name}")
    assert [p.code for p in problems] == ["fichier-trop-gros"]
