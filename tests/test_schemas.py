"""Our schemas are valid Frictionless schemas, and agree with the vendored national standard."""

from __future__ import annotations

import hashlib
import json
import re

import pytest
from frictionless import Resource, Schema, validate

from conftest import SCHEMAS, VAL_ESSAI
from helpfinder.data.schema import SCHEMA_FILES, load_schemas

STANDARD = SCHEMAS / "standard-mediation-numerique"
MULTI_VALUE = re.compile(r"^\(\?:\(\?:\^\|\\\|\)\((.*)\)\)\+\$$")


def frictionless_schema(path):
    # from a dict: frictionless refuses absolute descriptor paths as "not safe"
    return Schema.from_descriptor(json.loads(path.read_text(encoding="utf-8")))


def standard_values(pattern: str) -> list[str]:
    """The values of a `(?:(?:^|\\|)(A|B|C))+$` pattern of the national standard."""
    inner = MULTI_VALUE.match(pattern).group(1)
    return [re.sub(r"\\(.)", r"\1", value) for value in re.split(r"(?<!\\)\|", inner)]


@pytest.mark.parametrize("name", sorted(SCHEMA_FILES.values()))
def test_our_schemas_are_valid_frictionless_descriptors(name):
    report = Schema.validate_descriptor(str(SCHEMAS / name))
    assert report.valid, [e.message for e in report.flatten(["message"])]


def test_vendored_standard_is_unchanged():
    source = (STANDARD / "SOURCE.txt").read_text(encoding="utf-8")
    recorded = dict(
        (name, digest) for digest, name in re.findall(r"^\s+([0-9a-f]{64})\s+(\S+)$", source, re.M)
    )
    assert set(recorded) == {
        "schema.json",
        "exemple-valide.csv",
        "enumerations.json",
        "descriptif-des-evolutions.txt",
    }
    for name, digest in recorded.items():
        assert hashlib.sha256((STANDARD / name).read_bytes()).hexdigest() == digest, name


def test_place_vocabularies_are_the_standard_ones():
    standard = json.loads((STANDARD / "schema.json").read_text(encoding="utf-8"))
    lieu = load_schemas(SCHEMAS)["lieu"].fields
    compared = 0
    for field in standard["fields"]:
        pattern = field.get("constraints", {}).get("pattern", "")
        if not MULTI_VALUE.match(pattern):
            continue
        ours = lieu[field["name"]].item.enum
        assert list(ours) == standard_values(pattern), field["name"]
        compared += 1
    assert compared == 9
    enumerations = json.loads((STANDARD / "enumerations.json").read_text(encoding="utf-8"))
    typologies = [t["value"] for t in enumerations["fields"]["typologie"]]
    assert list(lieu["typologie"].item.enum) == typologies


def test_place_fields_keep_the_standard_names():
    standard = json.loads((STANDARD / "schema.json").read_text(encoding="utf-8"))
    ours = set(load_schemas(SCHEMAS)["lieu"].fields)
    # `horaires` and the multi-valued fields change shape, not name
    assert {f["name"] for f in standard["fields"]} <= ours


def test_pathway_criteria_take_their_values_from_the_place_schema():
    schemas = load_schemas(SCHEMAS)
    outcome = schemas["parcours"].fields["resultats"].item.fields
    for name in ("services", "equipements", "dispositif_programmes_nationaux"):
        assert outcome[name].item.enum == schemas["lieu"].fields[name].item.enum


@pytest.mark.parametrize(
    ("table", "schema"),
    [
        ("communes.csv", "communes.schema.json"),
        ("indicateurs-ifn.csv", "indicateurs-ifn.schema.json"),
    ],
)
def test_territory_tables_pass_frictionless_validate(table, schema):
    resource = Resource(
        path=table, basepath=str(VAL_ESSAI), schema=frictionless_schema(SCHEMAS / schema)
    )
    report = validate(resource)
    assert report.valid, report.flatten(["rowNumber", "fieldName", "message"])


def test_frictionless_rejects_a_broken_commune_table(tmp_path):
    text = (VAL_ESSAI / "communes.csv").read_text(encoding="utf-8")
    (tmp_path / "communes.csv").write_text(text.replace("99002,Saint-Test", "9900,Saint-Test"))
    resource = Resource(
        path="communes.csv",
        basepath=str(tmp_path),
        schema=frictionless_schema(SCHEMAS / "communes.schema.json"),
    )
    report = validate(resource)
    assert not report.valid
    assert report.flatten(["rowNumber", "fieldName", "type"]) == [
        [3, "code_insee", "constraint-error"]
    ]  # same line as ours


def test_standard_example_passes_the_vendored_schema():
    resource = Resource(
        path="exemple-valide.csv",
        basepath=str(STANDARD),
        schema=frictionless_schema(STANDARD / "schema.json"),
    )
    assert validate(resource).valid
