"""The territory files: communes, outlines, fragility index, and the territory record."""

from __future__ import annotations

import json

import pytest

from conftest import SCHEMAS, VAL_ESSAI, line_of, problems_in, run, write
from helpfinder.core.geo import contains, distance_km, distance_to_outline_km
from helpfinder.data.schema import load_schemas
from helpfinder.data.territory import load_territory


def test_territory_loads_the_communes_with_their_population():
    territory, problems = load_territory(VAL_ESSAI, load_schemas(SCHEMAS), VAL_ESSAI.parent)
    assert problems == []
    assert len(territory.communes) == 7
    assert sum(c.population for c in territory.communes.values()) == 16_690
    assert territory.communes["99001"].nom == "Essai-le-Haut"
    assert territory.communes["99001"].codes_postaux == ("99100",)
    assert territory.communes["99002"].codes_postaux == ("99100", "99110")
    assert set(territory.outlines) == set(territory.communes)
    # Essai-le-Haut has two IRIS (Sud and Nord); every other commune has one
    assert {code: len(rows) for code, rows in territory.indicators.items() if len(rows) != 1} == {
        "99001": 2
    }
    assert territory.info["recours_national"]["telephone"] == "+33170772372"


def test_every_commune_centre_lies_in_its_outline():
    territory, _ = load_territory(VAL_ESSAI, load_schemas(SCHEMAS), VAL_ESSAI.parent)
    for code, commune in territory.communes.items():
        assert contains(territory.outlines[code], commune.longitude, commune.latitude), code


def test_a_commune_centre_outside_its_outline_is_a_warning(data_dir):
    _replace_line(
        data_dir,
        "communes.csv",
        "2023,2357,299002100,46.03000,3.12000",
        "2023,2357,299002100,46.03000,3.32000",
    )
    problems = problems_in(run(data_dir), "data/communes.csv")
    assert [(p.code, p.line, p.record, p.severity.value) for p in problems] == [
        ("centre-hors-contour", 3, "99002", "avertissement")
    ]
    assert "Saint-Test" in problems[0].message and "km" in problems[0].message


def test_distances():
    # Essai-le-Haut centre to Saint-Test centre: 0.08° of longitude at 46.03° N, about 6.2 km
    assert distance_km(46.03, 3.04, 46.03, 3.12) == pytest.approx(6.18, abs=0.01)
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


ROW = "99002,Saint-Test,99100|99110,2300"  # line 3 of the fixture's communes.csv


@pytest.mark.parametrize(
    ("old", "new", "code", "line", "field"),
    [
        (ROW, "9900,Saint-Test,99100|99110,2300", "format-insee", 3, "code_insee"),
        (ROW, "99001,Saint-Test,99100|99110,2300", "valeur-dupliquee", 3, "code_insee"),
        (ROW, "99002,Saint-Test,99100|9911,2300", "format", 3, "codes_postaux"),
        (ROW, "99002,Saint-Test,99100|99110,deux mille", "type", 3, "population"),
        (ROW + ",2023", "99002,Saint-Test,99100|99110,2300", "colonnes-nombre", 3, ""),
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
        data_dir, "indicateurs-ifn.csv", "99002,Saint-Test,990020000", "99999,Saint-Test,990020000"
    )
    problems = problems_in(run(data_dir), "data/indicateurs-ifn.csv")
    assert [(p.code, p.line, p.record) for p in problems] == [("commune-inconnue", 4, "990020000")]


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


def _without_fragility_texts(data_dir) -> None:
    path = data_dir / "territoire.yml"
    text = path.read_text(encoding="utf-8")
    path.write_text(text[: text.index("indice_fragilite:")], encoding="utf-8")


def test_fragility_texts_are_required_only_with_the_index_file(data_dir):
    _without_fragility_texts(data_dir)
    problems = problems_in(run(data_dir), "data/territoire.yml")
    assert [(p.code, p.field, p.severity.value) for p in problems] == [
        ("champ-requis", "indice_fragilite", "erreur")
    ]
    assert "indicateurs-ifn.csv" in problems[0].message
    (data_dir / "indicateurs-ifn.csv").unlink()
    assert run(data_dir).problems == []


def test_an_outline_without_code_says_where_the_code_goes(data_dir):
    path = data_dir / "communes.geojson"
    collection = json.loads(path.read_text(encoding="utf-8"))
    collection["features"][2]["properties"] = {"nom": "Bourg-d'Exemple", "insee": "99003"}
    path.write_text(json.dumps(collection), encoding="utf-8")
    problems = [
        p for p in problems_in(run(data_dir), "data/communes.geojson") if p.code == "geojson"
    ]
    assert len(problems) == 1
    assert "objet n°3" in problems[0].message
    assert "« properties », un « code » qui est le code INSEE" in problems[0].message
