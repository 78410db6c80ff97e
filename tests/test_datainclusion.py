"""The data·inclusion v1 export: every structure and service passes the vendored JSON
Schemas, and the correspondence of services to thématiques uses only their values."""

from __future__ import annotations

import json

import pytest
from jsonschema import Draft202012Validator, FormatChecker
from test_import import rich_place

from conftest import SCHEMAS, VAL_ESSAI, VALID_PLACE, build, write
from helpfinder.opendata.datainclusion import RESEAUX, THEMATIQUES

DI_SCHEMAS = SCHEMAS / "data-inclusion"


def validator(name: str) -> Draft202012Validator:
    schema = json.loads((DI_SCHEMAS / f"{name}.json").read_text(encoding="utf-8"))
    Draft202012Validator.check_schema(schema)
    return Draft202012Validator(schema, format_checker=FormatChecker())


def problems(folder, name: str) -> list[str]:
    records = json.loads((folder / f"{name}s.json").read_text(encoding="utf-8"))
    check = validator(name)
    return [f"{r['id']}: {e.message}" for r in records for e in check.iter_errors(r)]


def test_the_correspondence_uses_data_inclusion_values_only():
    service = json.loads((DI_SCHEMAS / "service.json").read_text(encoding="utf-8"))
    structure = json.loads((DI_SCHEMAS / "structure.json").read_text(encoding="utf-8"))
    themes = set(service["$defs"]["Thematique"]["enum"])
    assert {t for found in THEMATIQUES.values() for t in found} <= themes
    assert set(RESEAUX.values()) <= set(structure["$defs"]["ReseauPorteur"]["enum"])
    lieu = json.loads((SCHEMAS / "lieu.schema.json").read_text(encoding="utf-8"))
    services = next(f for f in lieu["fields"] if f["name"] == "services")
    assert set(THEMATIQUES) == set(services["arrayItem"]["constraints"]["enum"])


def test_the_places_pass_the_data_inclusion_schemas(site):
    folder = site / "donnees" / "data-inclusion"
    assert problems(folder, "structure") == []
    assert problems(folder, "service") == []
    structures = json.loads((folder / "structures.json").read_text(encoding="utf-8"))
    services = json.loads((folder / "services.json").read_text(encoding="utf-8"))
    assert len(structures) == len(services) == len(list((VAL_ESSAI / "actors").glob("*.yml")))
    assert {s["structure_id"] for s in services} == {s["id"] for s in structures}
    france = next(s for s in structures if s["id"].endswith("--france-services-val-essai"))
    assert france["siret"] == "99900000100014"
    assert set(france["reseaux_porteurs"]) == {"france-service", "conseillers-numeriques"}


def test_every_value_of_the_standard_passes(project):
    for n in range(24):
        write(project / "data", f"actors/lieu-riche-{n:02d}.yml", rich_place(n))
    conditional = VALID_PLACE.replace("  - Gratuit\n", "  - Gratuit sous condition\n").replace(
        "  - Accompagnement individuel\n", "  - À distance\n", 1
    )
    write(project / "data", "actors/lieu-test.yml", conditional)
    result = build(project)
    assert result.returncode == 0, result.stderr
    folder = project / "site" / "donnees" / "data-inclusion"
    assert problems(folder, "structure") == []
    assert problems(folder, "service") == []
    services = json.loads((folder / "services.json").read_text(encoding="utf-8"))
    (test,) = [s for s in services if s["structure_id"].endswith("--lieu-test")]
    # No data·inclusion value says « free under conditions »: it stays in words.
    assert test["frais"] is None and test["frais_precisions"] == "Gratuit sous condition"
    assert test["modes_accueil"] == ["en-presentiel", "a-distance"]


@pytest.mark.parametrize("name", ["structure", "service"])
def test_a_wrong_record_fails_the_schema(name):
    check = validator(name)
    broken = {"source": "x", "id": "x", "nom": "ab", "date_maj": "hier"}
    if name == "service":
        broken.update({"structure_id": "x", "description": "d"})
    assert [e.message for e in check.iter_errors(broken)]
