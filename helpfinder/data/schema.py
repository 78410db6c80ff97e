"""Our record schemas: Frictionless Table Schema descriptors read into field specs.

The descriptors in `data/schemas/` are the single source of truth for field names, types,
allowed values and patterns. Frictionless has no nested records, so extension keys describe
what it cannot: `x-fields` (the fields of an `object`), `x-format` (the name of a check in
`fieldcheck` that gives a friendlier message and a suggestion than a bare pattern) and
`x-values-of` (`"lieu.services"`: take the allowed values of another schema's field, so a
pathway's criteria can never drift from the place vocabulary).
"""

from __future__ import annotations

import json
import re
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from helpfinder.data import datafiles

SCHEMA_FILES = {
    "lieu": "lieu.schema.json",
    "parcours": "parcours.schema.json",
    "plan": "plan.schema.json",
    "compte-rendu": "compte-rendu.schema.json",
    "fiche-benchmark": "fiche-benchmark.schema.json",
    "commune": "communes.schema.json",
    "indicateur": "indicateurs-ifn.schema.json",
    "territoire": "territoire.schema.json",
}


@dataclass(frozen=True)
class FieldSpec:
    """One field: what type it has and what values it accepts."""

    name: str
    type: str
    title: str = ""
    description: str = ""
    example: Any = None
    required: bool = False
    unique: bool = False
    enum: tuple[str, ...] | None = None
    pattern: re.Pattern[str] | None = None
    fmt: str | None = None
    min_length: int | None = None
    max_length: int | None = None
    minimum: float | None = None
    maximum: float | None = None
    item: FieldSpec | None = None
    fields: dict[str, FieldSpec] | None = None


@dataclass(frozen=True)
class RecordSchema:
    """The fields of one kind of record, in the order of the descriptor."""

    name: str
    path: Path
    fields: dict[str, FieldSpec] = field(default_factory=dict)
    descriptor: dict[str, Any] = field(default_factory=dict)


Vocabularies = dict[str, tuple[str, ...]]  # "lieu.services" -> allowed values


def field_from_descriptor(desc: dict[str, Any], vocabularies: Vocabularies) -> FieldSpec:
    """Build a FieldSpec (recursively for list items and nested fields)."""
    constraints = desc.get("constraints", {})
    item = desc.get("arrayItem")
    nested = desc.get("x-fields")
    enum = constraints.get("enum")
    if "x-values-of" in desc:
        enum = vocabularies[desc["x-values-of"]]
    pattern = constraints.get("pattern")
    return FieldSpec(
        name=desc.get("name", ""),
        type=desc.get("type", "string"),
        title=desc.get("title", ""),
        description=desc.get("description", ""),
        example=desc.get("example"),
        required=bool(constraints.get("required", False)),
        unique=bool(constraints.get("unique", False)),
        enum=tuple(enum) if enum is not None else None,
        pattern=re.compile(pattern) if pattern else None,
        fmt=desc.get("x-format"),
        min_length=constraints.get("minLength"),
        max_length=constraints.get("maxLength"),
        minimum=constraints.get("minimum"),
        maximum=constraints.get("maximum"),
        item=field_from_descriptor(item, vocabularies) if item else None,
        fields={f["name"]: field_from_descriptor(f, vocabularies) for f in nested}
        if nested
        else None,
    )


def load_schemas(schemas_dir: Path) -> dict[str, RecordSchema]:
    """Read every descriptor of SCHEMA_FILES from `schemas_dir`, resolving `x-values-of`.

    Raises OSError or ValueError (with the file named) when a descriptor cannot be read.
    """
    descriptors: dict[str, tuple[Path, dict[str, Any]]] = {}
    for kind, name in SCHEMA_FILES.items():
        path = schemas_dir / name
        try:
            descriptors[kind] = (path, json.loads(datafiles.read_bytes(path).decode("utf-8")))
        except ValueError as exc:
            raise ValueError(f"{path}: JSON illisible ({exc})") from exc
    vocabularies = _vocabularies(descriptors)
    schemas = {}
    for kind, (path, descriptor) in descriptors.items():
        fields = {f["name"]: field_from_descriptor(f, vocabularies) for f in descriptor["fields"]}
        schemas[kind] = RecordSchema(kind, path, fields, descriptor)
    return schemas


def _vocabularies(descriptors: dict[str, tuple[Path, dict[str, Any]]]) -> Vocabularies:
    """Every field's allowed values (its own enum, or its list items'), by `kind.field`."""
    found: Vocabularies = {}
    for kind, (_, descriptor) in descriptors.items():
        for desc in descriptor["fields"]:
            enum = desc.get("constraints", {}).get("enum")
            enum = enum or desc.get("arrayItem", {}).get("constraints", {}).get("enum")
            if enum:
                found[f"{kind}.{desc['name']}"] = tuple(enum)
    return found
