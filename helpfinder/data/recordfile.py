"""Writing a place record as a YAML file people can read and edit, and telling later whether
someone has edited it.

An imported file carries a fingerprint of its fields on a comment line. A later import may
replace the file only while the fingerprint still matches: once a person has changed
anything below that line, the file is theirs and no import touches it.
"""

from __future__ import annotations

import hashlib
import os
import tempfile
from collections.abc import Iterable
from pathlib import Path
from typing import Any

import yaml

from helpfinder.data.editorschema import schema_line

FINGERPRINT = "# empreinte-import: "


class _ReadableDumper(yaml.SafeDumper):
    """Lists indented under their key (`  - …`), as the hand-written records are, and no
    YAML aliases (`&id001`) when a value appears twice: our records refuse them."""

    def ignore_aliases(self, data: Any) -> bool:
        return True

    def increase_indent(self, flow: bool = False, indentless: bool = False) -> None:
        return super().increase_indent(flow, False)


def record_text(
    data: dict[str, Any], order: Iterable[str], comments: Iterable[str], kind: str = "lieu"
) -> str:
    """The file: the editor's schema line, comment lines, the fingerprint line, then the
    fields in `order`."""
    ordered = {name: data[name] for name in order if name in data}
    ordered.update((name, value) for name, value in data.items() if name not in ordered)
    body = record_yaml(ordered)
    header = "".join(f"# {line}\n" for line in comments)
    return f"{schema_line(kind)}\n{header}{FINGERPRINT}{_digest(body)}\n{body}"


def record_yaml(data: dict[str, Any]) -> str:
    """Fields as YAML the way our records are written: block style, keys in the given
    order, text as it is (accents included), lines wrapped at 100 characters."""
    return yaml.dump(
        data,
        Dumper=_ReadableDumper,
        allow_unicode=True,
        sort_keys=False,
        default_flow_style=False,
        width=100,
    )


def untouched_since_import(text: str) -> bool | None:
    """True if the fields are as the import wrote them, False if a person changed them,
    None if no import wrote this file."""
    before, found, rest = text.partition(FINGERPRINT)
    if not found or (before and not before.endswith("\n")):
        return None
    digest, _, body = rest.partition("\n")
    return digest.strip() == _digest(body)


def write_atomically(path: Path, text: str) -> None:
    """Readers see the old file or the new one, never half of it, even if we are killed."""
    handle, temporary = tempfile.mkstemp(dir=path.parent, prefix=f".{path.name}.", suffix=".tmp")
    try:
        with os.fdopen(handle, "w", encoding="utf-8", newline="\n") as out:
            out.write(text)
        # mkstemp makes the file private (0600); a record is as readable as any other file.
        umask = os.umask(0)
        os.umask(umask)
        os.chmod(temporary, 0o666 & ~umask)
        os.replace(temporary, path)
    except BaseException:
        Path(temporary).unlink(missing_ok=True)
        raise


def _digest(body: str) -> str:
    return hashlib.sha256(body.encode("utf-8")).hexdigest()[:16]
