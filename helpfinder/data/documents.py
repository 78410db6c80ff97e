"""Documents written in Markdown with a YAML front matter: the comptes rendus of the comité
(`data/comptes-rendus/`) and the benchmark's fiches (`data/benchmark/`).

The front matter is checked against its schema like any record, with the file's own line
numbers; a fiche must also have its sections (`## Contexte`…). The body is rendered by
`markdowntext.render_markdown`.
"""

from __future__ import annotations

import dataclasses
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from helpfinder.core.problems import Problem
from helpfinder.core.text import fold
from helpfinder.core.yamlevents import YamlFileError
from helpfinder.data import datafiles
from helpfinder.data.records import check_record
from helpfinder.data.schema import RecordSchema
from helpfinder.data.yamlsource import parse_yaml_bytes

DOCUMENT_SUFFIX = ".md"
# Files whose name starts with this are models to copy, not documents.
MODEL_PREFIX = "_"
FENCE = "---"
# The sections every benchmark fiche has, in this order.
FICHE_SECTIONS = ("Contexte", "Actions", "Forces", "Faiblesses", "Transférabilité", "Contacts")


@dataclass
class Document:
    id: str
    file: str
    data: dict[str, Any]
    body: str  # Markdown


def document_files(folder: Path) -> list[Path]:
    """The documents of `folder` (sorted), leaving out hidden files and models."""
    if not folder.is_dir():
        return []
    return sorted(
        p
        for p in folder.iterdir()
        if p.suffix == DOCUMENT_SUFFIX
        and p.is_file()
        and not p.is_symlink()  # refused by datafiles.links_in
        and not p.name.startswith((".", MODEL_PREFIX))
    )


def check_document_file(
    path: Path, shown_as: str, schema: RecordSchema, sections: tuple[str, ...] = ()
) -> tuple[Document | None, list[Problem]]:
    """Read one document: its front matter checked against `schema`, its sections present."""
    record_id = path.stem
    try:
        text = datafiles.read_bytes(path).decode("utf-8-sig")
    except (OSError, UnicodeDecodeError) as exc:
        reason = "n'est pas en UTF-8" if isinstance(exc, UnicodeDecodeError) else "illisible"
        code = "encodage" if isinstance(exc, UnicodeDecodeError) else "fichier-illisible"
        return None, [Problem(shown_as, 1, record_id, "", code, f"le fichier {reason}")]
    lines = text.split("\n")
    if not lines or lines[0].strip() != FENCE or FENCE not in (s.strip() for s in lines[1:]):
        message = "le fichier doit commencer par ses champs entre deux lignes « --- »"
        return None, [Problem(shown_as, 1, record_id, "", "structure", message)]
    end = next(n for n in range(1, len(lines)) if lines[n].strip() == FENCE)
    front, body = "\n".join(lines[1:end]) + "\n", "\n".join(lines[end + 1 :])
    try:
        doc, problems = parse_yaml_bytes(front.encode("utf-8"), shown_as, record_id)
    except YamlFileError as exc:
        return None, [_moved(exc.problem)]
    record, checker = check_record(doc, problems, shown_as, record_id, schema, DOCUMENT_SUFFIX)
    found = [_moved(p) for p in checker.problems]
    if record is None:
        return None, found
    headings = {fold(line[3:].strip()) for line in body.split("\n") if line.startswith("## ")}
    for section in sections:
        if fold(section) not in headings:
            found.append(
                Problem(
                    shown_as,
                    end + 1,
                    record_id,
                    "",
                    "section-manquante",
                    f"il manque la partie « ## {section} » (même vide, écrivez-la)",
                )
            )
    return Document(record_id, shown_as, record.data, body), found


def _moved(problem: Problem) -> Problem:
    """A problem of the front matter, on the file's own line (after the first « --- »)."""
    return dataclasses.replace(problem, line=problem.line + 1) if problem.line else problem
