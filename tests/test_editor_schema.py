"""The JSON Schemas editors use: made from our descriptors, never out of date, pointed at by
every record, and in agreement with the validator on real and broken records."""

from __future__ import annotations

import datetime as dt
import json
from pathlib import Path

import pytest
import yaml
from jsonschema import Draft7Validator

from conftest import SCHEMAS, VAL_ESSAI, VALID_PATHWAY, VALID_PLACE, copy_territory
from helpfinder.data.editorschema import EDITOR_SCHEMAS_DIR, KINDS, schema_line, schema_text
from helpfinder.data.schema import load_schemas

RECORD_SCHEMAS = load_schemas(SCHEMAS)


def validator(kind: str) -> Draft7Validator:
    path = SCHEMAS / EDITOR_SCHEMAS_DIR / f"{kind}.json"
    schema = json.loads(path.read_text(encoding="utf-8"))
    Draft7Validator.check_schema(schema)
    return Draft7Validator(schema)


def as_editor_reads(text: str) -> object:
    """The record as an editor sees it: YAML 1.2, where a date is text."""

    def plain(value: object) -> object:
        if isinstance(value, dict):
            return {k: plain(v) for k, v in value.items()}
        if isinstance(value, list):
            return [plain(v) for v in value]
        return value.isoformat() if isinstance(value, dt.date) else value

    return plain(yaml.safe_load(text))


@pytest.mark.parametrize("kind", KINDS)
def test_editor_schemas_are_those_the_descriptors_give(kind):
    path = SCHEMAS / EDITOR_SCHEMAS_DIR / f"{kind}.json"
    assert path.read_text(encoding="utf-8") == schema_text(RECORD_SCHEMAS[kind]), "make schemas"


@pytest.mark.parametrize("kind", KINDS)
def test_every_record_points_at_its_schema_and_passes_it(kind, tmp_path):
    data = copy_territory(VAL_ESSAI, tmp_path / "data")
    files = sorted((data / KINDS[kind]).glob("*.yml"))
    assert files
    for path in files:
        text = path.read_text(encoding="utf-8")
        assert text.splitlines()[0] == schema_line(kind), path
        # The line's relative path leads to the file, from the record's folder.
        target = path.parent / schema_line(kind).split("$schema=", 1)[1]
        assert target.resolve() == (data / "schemas" / EDITOR_SCHEMAS_DIR / f"{kind}.json")
        errors = [e.message for e in validator(kind).iter_errors(as_editor_reads(text))]
        assert errors == [], path


def test_the_fixture_records_pass_their_schemas():
    assert list(validator("lieu").iter_errors(as_editor_reads(VALID_PLACE))) == []
    assert list(validator("parcours").iter_errors(as_editor_reads(VALID_PATHWAY))) == []


@pytest.mark.parametrize(
    ("change", "where", "words"),
    [
        (("exemple: true", "exemple: true\nhoraire: lundi"), "", "'horaire' was unexpected"),
        (
            ("  - Aide aux démarches administratives", "  - Aide aux démarches"),
            "services/0",
            "is not one of",
        ),
        (
            ('lundi: "08:30-12:30, 13:30-17:00"', 'lundi: "8h30-12h"'),
            "horaires/lundi",
            "does not match",
        ),
        (("date_maj: 2026-11-02", "date_maj: 02/11/2026"), "date_maj", "does not match"),
        (('  - "+33400000000"', '  - "04 00 00 00 00"'), "telephone/0", "does not match"),
        (("profil: mediation", "profil: autre"), "profil", "is not one of"),
        (("latitude: 46.0356", "latitude: 95.8"), "latitude", "maximum"),
    ],
)
def test_an_editor_flags_what_the_validator_refuses(change, where, words):
    old, new = change
    assert old in VALID_PLACE, old
    record = as_editor_reads(VALID_PLACE.replace(old, new))
    errors = list(validator("lieu").iter_errors(record))
    assert len(errors) == 1, [e.message for e in errors]
    assert "/".join(str(p) for p in errors[0].absolute_path) == where
    assert words in errors[0].message


def test_every_field_is_described_for_the_editor():
    for kind in KINDS:
        properties = json.loads(schema_text(RECORD_SCHEMAS[kind]))["properties"]
        assert list(properties) == list(RECORD_SCHEMAS[kind].fields)
        for name, prop in properties.items():
            assert prop.get("title") and prop.get("description"), (kind, name)


def test_the_schema_line_is_what_editors_read():
    assert schema_line("lieu") == "# yaml-language-server: $schema=../schemas/editeur/lieu.json"
    assert Path(SCHEMAS / "editeur").is_dir()
