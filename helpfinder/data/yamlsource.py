"""Read one YAML record file safely: plain values, the line of every field, hostile input refused.

PyYAML's own loaders are not fit for contributor files: they silently keep the last of two
duplicate keys, turn `01999` into 1999 and `12:30` into 750, expand alias bombs, and give no
line numbers for values. Here libyaml (when present) only *parses*, which is fast and keeps
marks, and `_Builder` turns the parser's events into dicts, lists and strings:

- every scalar stays the text the contributor wrote (the schema decides its type later);
  only a plain `~`, `null` or empty value becomes None;
- a duplicate key, an alias (`*x`), a custom tag, a non-scalar key or a structure nested
  deeper than MAX_DEPTH is a problem, reported with its line;
- the line of every key and list item is kept in `lines`, keyed by path.
"""

from __future__ import annotations

import sys
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import yaml

from helpfinder.core.problems import Problem
from helpfinder.data import datafiles

try:  # libyaml's parser alone is about 7x faster; the pure-Python one gives the same events
    from yaml._yaml import CParser as _Parser
except ImportError:  # pragma: no cover - depends on how PyYAML was built
    from yaml import SafeLoader as _Parser  # type: ignore[assignment]

MAX_BYTES = 1024 * 1024
MAX_DEPTH = 12
_NULLS = frozenset({"", "~", "null", "Null", "NULL"})
_STANDARD_TAG = "tag:yaml.org,2002:"

KeyPath = tuple[str | int, ...]


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


class YamlFileError(Exception):
    """The file cannot be read as one YAML document; `problem` says where and why."""

    def __init__(self, problem: Problem) -> None:
        super().__init__(problem.format())
        self.problem = problem


def read_yaml_file(path: Path, shown_as: str, record: str) -> tuple[YamlDocument, list[Problem]]:
    """Read `path`; return its document and the structural problems found while building it.

    Raises YamlFileError when nothing usable can be read (size, encoding, syntax, empty).
    `shown_as` is the path printed in messages, `record` the record id printed with them.
    """

    try:
        size = path.stat().st_size
        if size > MAX_BYTES:
            raise _fail(
                shown_as,
                record,
                "fichier-trop-gros",
                f"le fichier fait {size / 1_048_576:.1f} Mo, une fiche ne doit pas dépasser "
                f"{MAX_BYTES // 1_048_576} Mo",
            )
        raw = datafiles.read_bytes(path)
    except OSError as exc:
        message = f"impossible de lire le fichier ({exc.strerror})"
        raise _fail(shown_as, record, "fichier-illisible", message) from exc
    return parse_yaml_bytes(raw, shown_as, record)


def parse_yaml_bytes(raw: bytes, shown_as: str, record: str) -> tuple[YamlDocument, list[Problem]]:
    """Same as read_yaml_file, from bytes already read."""

    def fail(code: str, message: str, line: int = 1) -> YamlFileError:
        return _fail(shown_as, record, code, message, line)

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
        builder = _Builder(shown_as, record)
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
    if builder.root is _NOTHING or builder.root is None:
        raise fail("fichier-vide", "le fichier est vide")
    return YamlDocument(builder.root, builder.lines), builder.problems


def _fail(shown_as: str, record: str, code: str, message: str, line: int = 1) -> YamlFileError:
    return YamlFileError(Problem(shown_as, line, record, "", code, message))


_NOTHING = object()  # no value yet (an empty stream, a mapping waiting for its key)
_DROP = object()  # a value that must be read but kept nowhere (after a duplicate key)


class _Frame:
    """An open mapping or list while its events arrive."""

    __slots__ = ("container", "key", "line", "path", "rejected")

    def __init__(self, container: Any, path: KeyPath, line: int, rejected: bool) -> None:
        self.container = container
        self.path = path
        self.line = line
        self.key: Any = _NOTHING  # mappings: the key waiting for its value
        self.rejected = rejected  # a container with a refused tag, or used as a key


class _Builder:
    """Build plain values from libyaml's events, recording lines and structural problems.

    Working from parser events (not composed nodes) skips PyYAML's per-scalar tag
    resolution, which we do not want anyway, and keeps the work linear and iterative.
    """

    def __init__(self, shown_as: str, record: str) -> None:
        self.shown_as = shown_as
        self.record = record
        self.lines: dict[KeyPath, int] = {}
        self.problems: list[Problem] = []
        self.stack: list[_Frame] = []
        self.root: Any = _NOTHING
        self.documents = 0
        self.too_deep = False

    def problem(self, line: int, path: KeyPath, code: str, message: str) -> None:
        self.problems.append(
            Problem(self.shown_as, line, self.record, format_path(path), code, message)
        )

    def feed(self, event: yaml.Event) -> None:
        kind = type(event)
        if kind is yaml.ScalarEvent:  # the hot path: most events are scalars
            line = event.start_mark.line + 1
            refused = event.tag is not None and self._tag_refused(event, line)
            plain_null = not event.style and event.implicit[0] and event.value in _NULLS
            self._attach(None if refused or plain_null else event.value, line)
        elif kind is yaml.MappingStartEvent or kind is yaml.SequenceStartEvent:
            self._open(event, {} if kind is yaml.MappingStartEvent else [])
        elif kind is yaml.MappingEndEvent or kind is yaml.SequenceEndEvent:
            frame = self.stack.pop()
            self._attach(None if frame.rejected else frame.container, frame.line)
        elif kind is yaml.AliasEvent:
            # Refusing every alias makes alias bombs harmless and records read as written.
            line = event.start_mark.line + 1
            self.problem(
                line, self._child_path(), "yaml-alias", "les alias YAML (*nom) ne sont pas acceptés"
            )
            self._attach(None, line)
        elif kind is yaml.DocumentStartEvent:
            self.documents += 1
            if self.documents > 1:
                raise _fail(
                    self.shown_as,
                    self.record,
                    "yaml-syntaxe",
                    "erreur de syntaxe YAML : un seul document par fichier "
                    "(retirez le second « --- »)",
                    event.start_mark.line + 1,
                )

    def _tag_refused(self, event: yaml.NodeEvent, line: int) -> bool:
        tag = getattr(event, "tag", None)
        if tag and not tag.startswith(_STANDARD_TAG) and tag != "!":
            self.problem(
                line, self._child_path(), "yaml-etiquette", f"étiquette YAML {tag!r} non acceptée"
            )
            return True
        return False

    def _open(self, event: yaml.NodeEvent, container: Any) -> None:
        line = event.start_mark.line + 1
        parent = self.stack[-1] if self.stack else None
        as_key = (
            parent is not None and isinstance(parent.container, dict) and parent.key is _NOTHING
        )
        path = self._child_path()
        rejected = (
            self._tag_refused(event, line) or as_key or (parent is not None and parent.rejected)
        )
        if len(self.stack) >= MAX_DEPTH and not self.too_deep:
            self.too_deep = True
            self.problem(line, path, "imbrication", "structure trop imbriquée")
        self.stack.append(_Frame(container, path, line, rejected or self.too_deep))

    def _child_path(self) -> KeyPath:
        """The path of the value about to be read."""
        if not self.stack:
            return ()
        frame = self.stack[-1]
        if isinstance(frame.container, list):
            return (*frame.path, len(frame.container) + 1)
        if frame.key is _NOTHING or frame.key is _DROP:
            return frame.path
        return (*frame.path, frame.key)

    def _attach(self, value: Any, line: int) -> None:
        if not self.stack:
            self.root = value
            return
        frame = self.stack[-1]
        container = frame.container
        if isinstance(container, list):
            index = len(container) + 1
            self.lines[(*frame.path, index)] = line
            container.append(value)
            return
        if frame.key is _NOTHING:  # this value is a key
            if not isinstance(value, str) or not value:
                self.problem(line, frame.path, "structure", "un nom de champ doit être un texte")
                frame.key = _DROP
            elif value in container:
                first = self.lines[(*frame.path, value)]
                self.problem(
                    line,
                    (*frame.path, value),
                    "yaml-cle-dupliquee",
                    f"le champ est écrit deux fois (déjà ligne {first}) : gardez-en un seul",
                )
                frame.key = _DROP
            else:
                # Field names repeat in every record: one shared string each keeps memory
                # and the data sent back by worker processes small.
                value = sys.intern(value)
                self.lines[(*frame.path, value)] = line
                frame.key = value
            return
        if frame.key is not _DROP:
            container[frame.key] = value
        frame.key = _NOTHING


def format_path(path: KeyPath) -> str:
    """`('horaires', 'lundi')` -> `horaires.lundi`; `('services', 2)` -> `services[2]`."""
    text = ""
    for part in path:
        if isinstance(part, int):
            text += f"[{part}]"
        else:
            text += f".{part}" if text else part
    return text


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
