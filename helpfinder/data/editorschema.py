"""JSON Schemas for editors, made from our Frictionless descriptors.

Editors that speak the YAML language server (VS Code, Vim, Emacs, Zed…) read the
`# yaml-language-server: $schema=…` line at the top of each record and check it as it is
typed: unknown fields, values outside a list, wrong formats, with the field's description
on hover. The descriptors stay the one source: `make schemas` writes these files and a test
fails when they differ from what the descriptors give.

Draft-07, the draft editors support best. Dates are text to an editor (YAML 1.2), so they
are checked by pattern. What needs the territory (a commune's code, a point in its
outline) or the whole record (ranges in order) is left to `make validate`.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

from helpfinder.data.schema import FieldSpec, RecordSchema

EDITOR_SCHEMAS_DIR = "editeur"  # under data/schemas/
KINDS = {"lieu": "actors", "parcours": "pathways", "plan": "plan"}  # kind -> folder in data/
DATE_PATTERN = r"^\d{4}-\d{2}-\d{2}$"
HOURS_PATTERN = (
    r"^\s*(([fF]erm[ée])|(\d{2}:\d{2}-\d{2}:\d{2}(\s*,\s*\d{2}:\d{2}-\d{2}:\d{2})*))\s*$"
)


def editor_schema(schema: RecordSchema) -> dict[str, Any]:
    """The whole JSON Schema of one kind of record."""
    descriptor = schema.descriptor
    return {
        "$schema": "http://json-schema.org/draft-07/schema#",
        "title": descriptor.get("title", schema.name),
        "description": descriptor.get("description", ""),
        **_object(schema.fields),
    }


def schema_line(kind: str) -> str:
    """The comment that points an editor at the schema, from a record's own folder."""
    return f"# yaml-language-server: $schema=../schemas/{EDITOR_SCHEMAS_DIR}/{kind}.json"


def schema_text(schema: RecordSchema) -> str:
    return json.dumps(editor_schema(schema), ensure_ascii=False, indent=2) + "\n"


def write_editor_schemas(schemas: dict[str, RecordSchema], schemas_dir: Path) -> list[Path]:
    folder = schemas_dir / EDITOR_SCHEMAS_DIR
    folder.mkdir(exist_ok=True)
    written = []
    for kind in KINDS:
        path = folder / f"{kind}.json"
        path.write_text(schema_text(schemas[kind]), encoding="utf-8")
        written.append(path)
    return written


def _object(fields: dict[str, FieldSpec]) -> dict[str, Any]:
    return {
        "type": "object",
        "properties": {name: _field(spec) for name, spec in fields.items()},
        "required": [name for name, spec in fields.items() if spec.required],
        "additionalProperties": False,
    }


def _field(spec: FieldSpec) -> dict[str, Any]:
    described: dict[str, Any] = {}
    if spec.title:
        described["title"] = spec.title
    if spec.description:
        described["description"] = spec.description
    if spec.example is not None:
        described["examples"] = [spec.example]
    return {**described, **_type(spec)}


def _type(spec: FieldSpec) -> dict[str, Any]:
    if spec.type == "array":
        out: dict[str, Any] = {"type": "array", "uniqueItems": True}
        if spec.item is not None:
            out["items"] = _type(spec.item)
        if spec.min_length:
            out["minItems"] = spec.min_length
        return out
    if spec.type == "object":
        return _object(spec.fields or {})
    if spec.type in ("number", "integer"):
        out = {"type": spec.type}
        if spec.minimum is not None:
            out["minimum"] = spec.minimum
        if spec.maximum is not None:
            out["maximum"] = spec.maximum
        return out
    if spec.type == "boolean":
        return {"type": "boolean"}
    out = {"type": "string"}
    if spec.type == "date":
        out["pattern"] = DATE_PATTERN
    elif spec.fmt == "plages-horaires":
        out["pattern"] = HOURS_PATTERN
    if spec.enum is not None:
        out["enum"] = list(spec.enum)
    if spec.pattern is not None:
        out["pattern"] = spec.pattern.pattern
    if spec.min_length:
        out["minLength"] = spec.min_length
    if spec.max_length:
        out["maxLength"] = spec.max_length
    return out
