"""Read one YAML record file safely: plain values, the line of every field, hostile input refused.

PyYAML's own loaders are not fit for contributor files: they silently keep the last of two
duplicate keys, turn `01999` into 1999 and `12:30` into 750, expand alias bombs, and give no
line numbers for values. Here libyaml (when present) only *parses*, which is fast and keeps
marks, and `EventBuilder` (core/yamlevents.py) turns the parser's events into dicts, lists
and strings, with the line of every field and a problem for each duplicate key, alias,
custom tag or too deep a structure.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import yaml

from helpfinder.core.problems import Problem
from helpfinder.core.yamlevents import NOTHING, EventBuilder, KeyPath, YamlFileError, file_error
from helpfinder.data import datafiles

try:  # libyaml's parser alone is about 7x faster; the pure-Python one gives the same events
    from yaml._yaml import CParser as _Parser
except ImportError:  # pragma: no cover - depends on how PyYAML was built
    from yaml import SafeLoader as _Parser  # type: ignore[assignment]

MAX_BYTES = 1024 * 1024


@dataclass
class YamlDocument:
    """A file's content as plain values, with the 1-based line of each path in it."""

    data: Any
    lines: dict[KeyPath, int] = field(default_factory=dict)

    def line(self, *path: str | int) -> int:
        """Line of `path`, or of its nearest parent that has one; 1 for the whole file."""
        while path:
            if path in self.lines:
                return self.lines[path]
            path = path[:-1]
        return 1


def read_yaml_file(path: Path, shown_as: str, record: str) -> tuple[YamlDocument, list[Problem]]:
    """Read `path`; return its document and the structural problems found while building it.

    Raises YamlFileError when nothing usable can be read (size, encoding, syntax, empty).
    `shown_as` is the path printed in messages, `record` the record id printed with them.
    """

    try:
        size = path.stat().st_size
        if size > MAX_BYTES:
            raise file_error(
                shown_as,
                record,
                "fichier-trop-gros",
                f"le fichier fait {size / 1_048_576:.1f} Mo, une fiche ne doit pas dépasser "
                f"{MAX_BYTES // 1_048_576} Mo",
            )
        raw = datafiles.read_bytes(path)
    except OSError as exc:
        message = f"impossible de lire le fichier ({exc.strerror})"
        raise file_error(shown_as, record, "fichier-illisible", message) from exc
    return parse_yaml_bytes(raw, shown_as, record)


def parse_yaml_bytes(raw: bytes, shown_as: str, record: str) -> tuple[YamlDocument, list[Problem]]:
    """Same as read_yaml_file, from bytes already read."""

    def fail(code: str, message: str, line: int = 1) -> YamlFileError:
        return file_error(shown_as, record, code, message, line)

    if len(raw) > MAX_BYTES:
        raise fail("fichier-trop-gros", "le fichier est trop gros pour une fiche")
    if b"\x00" in raw:
        line = raw.count(b"\n", 0, raw.index(b"\x00")) + 1
        raise fail("fichier-binaire", "ce n'est pas un fichier texte (octet nul)", line)
    try:
        text = raw.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        line = raw.count(b"\n", 0, exc.start) + 1
        raise fail(
            "encodage",
            "le fichier n'est pas en UTF-8 : enregistrez-le en UTF-8 dans votre éditeur",
            line,
        ) from exc
    try:
        builder = EventBuilder(shown_as, record)
        parser = _Parser(text)
        try:
            next_event, feed = parser.get_event, builder.feed
            while (event := next_event()) is not None and type(event) is not yaml.StreamEndEvent:
                feed(event)
        finally:
            parser.dispose()
    except yaml.MarkedYAMLError as exc:
        raise YamlFileError(_syntax_problem(exc, text, shown_as, record)) from exc
    except yaml.YAMLError as exc:
        raise fail("yaml-syntaxe", f"YAML illisible ({exc})") from exc
    if builder.root is NOTHING or builder.root is None:
        raise fail("fichier-vide", "le fichier est vide")
    return YamlDocument(builder.root, builder.lines), builder.problems


_SYNTAX_HINTS = {
    "mapping values are not allowed": (
        "deux-points « : » inattendu ; si la valeur contient « : », mettez-la entre guillemets"
    ),
    "could not find expected ':'": "il manque « : » après le nom du champ",
    "did not find expected key": "indentation incohérente : alignez les champs du même niveau",
    "did not find expected '-' indicator": (
        "indentation incohérente dans la liste : alignez les tirets « - »"
    ),
    "found unexpected end of stream": "guillemet ou crochet non refermé",
    "found unknown escape character": "caractère d'échappement inconnu entre guillemets doubles",
    "special characters are not allowed": "caractère de contrôle interdit dans le fichier",
    "control characters are not allowed": "caractère de contrôle interdit dans le fichier",
}


def _syntax_problem(exc: yaml.MarkedYAMLError, text: str, shown_as: str, record: str) -> Problem:
    """Turn a PyYAML/libyaml error into one French sentence with the right line."""
    mark = exc.problem_mark or exc.context_mark
    line = mark.line + 1 if mark else 1
    problem = str(exc.problem or "")
    lines = text.splitlines()
    # A tab in the indentation is the commonest cause of "cannot start any token"; libyaml
    # does not name the character, so look at the offending line (and the one before).
    tab_related = "token" in problem or "indent" in problem or "tab" in problem
    for candidate in (line, line - 1):
        if tab_related and 1 <= candidate <= len(lines) and "\t" in lines[candidate - 1]:
            return Problem(
                shown_as,
                candidate,
                record,
                "",
                "yaml-tabulation",
                "tabulation interdite : indentez avec des espaces",
            )
    if "maximum nesting depth" in problem:  # libyaml's own limit (1000 levels)
        return Problem(shown_as, line, record, "", "imbrication", "structure trop imbriquée")
    for needle, hint in _SYNTAX_HINTS.items():
        if needle in problem or needle in str(exc.context or ""):
            return Problem(
                shown_as, line, record, "", "yaml-syntaxe", f"erreur de syntaxe YAML : {hint}"
            )
    return Problem(
        shown_as, line, record, "", "yaml-syntaxe", f"erreur de syntaxe YAML ({problem.strip()})"
    )
