"""The new record's file: each field with its title above it and the optional ones as
commented-out examples, checked by the validator as the file it would be, then written whole
or not at all."""

from __future__ import annotations

import datetime as dt
import tempfile
from collections.abc import Callable
from pathlib import Path
from typing import Any

from helpfinder.core.problems import Problem, Severity
from helpfinder.data.editorschema import schema_line
from helpfinder.data.pathways import check_pathway_file
from helpfinder.data.places import check_place_file
from helpfinder.data.recordfile import record_yaml, write_atomically
from helpfinder.data.schema import FieldSpec, RecordSchema
from helpfinder.data.territory import Territory


def commented_record(
    data: dict[str, Any],
    schema: RecordSchema,
    kind: str,
    note: str,
    examples: dict[str, Any] | None = None,
) -> str:
    """The record with each field's title above it, and every optional field it lacks as a
    commented-out example, in the schema's order. `examples` (by field) replace the
    schema's: the territory's own commune, for the fields that name a place."""
    examples = examples or {}
    lines = [schema_line(kind), f"# {note}", ""]
    for name, spec in schema.fields.items():
        if name in data:
            lines.append(f"# {spec.title}")
            lines.append(record_yaml({name: data[name]}).rstrip("\n"))
        elif not spec.required:
            # The name alone, never the example's value: uncommented, it would put another
            # place's details into this record.
            given = examples.get(name, spec.example)
            example = f" Exemple : {_inline(given)}" if given is not None else ""
            lines.append(f"# {spec.title} (facultatif) : {_first_sentence(spec)}{example}")
            lines.append(f"# {name}:")
        lines.append("")
    return "\n".join(lines)


def write_checked(
    text: str, final: Path, check: Callable[[Path, str], list[Problem]]
) -> list[Problem]:
    """Check `text` as the file `final` would be, then write it whole; nothing on an error.
    An existing file is never replaced."""
    if final.exists():
        shown = final.name
        return [Problem(shown, 0, final.stem, "id", "id-duplique", f"{shown} existe déjà")]
    with tempfile.TemporaryDirectory(dir=final.parent, prefix=".nouveau-") as folder:
        staged = Path(folder) / final.name
        staged.write_text(text, encoding="utf-8")
        problems = check(staged, final.name)
    if not any(p.severity is Severity.ERROR for p in problems):
        write_atomically(final, text)
    return problems


def check_place(
    schema: RecordSchema, territory: Territory, today: dt.date
) -> Callable[[Path, str], list[Problem]]:
    """The validator's check of a new place record, as write_checked takes it."""

    def check(path: Path, shown_as: str) -> list[Problem]:
        return check_place_file(path, shown_as, schema, territory, today)[1]

    return check


def check_pathway(schema: RecordSchema) -> Callable[[Path, str], list[Problem]]:
    """The validator's check of a new pathway record, as write_checked takes it."""

    def check(path: Path, shown_as: str) -> list[Problem]:
        return check_pathway_file(path, shown_as, schema)[1]

    return check


def _inline(value: Any) -> str:
    if isinstance(value, list):
        return ", ".join(_inline(v) for v in value)
    if isinstance(value, dict):
        return " ; ".join(f"{k} : {_inline(v)}" for k, v in value.items())
    return str(value)


def _first_sentence(spec: FieldSpec) -> str:
    """The description's first sentence that says something (not « Extension locale. »)."""
    sentences = [s for s in spec.description.split(". ") if s.rstrip(".") != "Extension locale"]
    return (sentences[0] if sentences else spec.description).rstrip(".") + "."
