"""Plain values built from PyYAML's parser events, with the line of every field and a
problem for each construct a contributor file must not use.

- every scalar stays the text the contributor wrote (the schema decides its type later);
  only a plain `~`, `null` or empty value becomes None;
- a duplicate key, an alias (`*x`), a custom tag, a non-scalar key or a structure nested
  deeper than MAX_DEPTH is a problem, reported with its line;
- the line of every key and list item is kept in `lines`, keyed by path.
"""

from __future__ import annotations

import sys
from typing import Any

import yaml

from helpfinder.core.problems import Problem

MAX_DEPTH = 12
_NULLS = frozenset({"", "~", "null", "Null", "NULL"})
_STANDARD_TAG = "tag:yaml.org,2002:"

KeyPath = tuple[str | int, ...]


class YamlFileError(Exception):
    """The file cannot be read as one YAML document; `problem` says where and why."""

    def __init__(self, problem: Problem) -> None:
        super().__init__(problem.format())
        self.problem = problem


def file_error(shown_as: str, record: str, code: str, message: str, line: int = 1) -> YamlFileError:
    """The error for a file that cannot be read, with its one problem."""
    return YamlFileError(Problem(shown_as, line, record, "", code, message))


NOTHING = object()  # no value yet (an empty stream, a mapping waiting for its key)
_DROP = object()  # a value that must be read but kept nowhere (after a duplicate key)


class _Frame:
    """An open mapping or list while its events arrive."""

    __slots__ = ("container", "key", "line", "path", "rejected")

    def __init__(self, container: Any, path: KeyPath, line: int, rejected: bool) -> None:
        self.container = container
        self.path = path
        self.line = line
        self.key: Any = NOTHING  # mappings: the key waiting for its value
        self.rejected = rejected  # a container with a refused tag, or used as a key


class EventBuilder:
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
        self.root: Any = NOTHING
        self.documents = 0
        self.too_deep = False

    def problem(self, line: int, path: KeyPath, code: str, message: str) -> None:
        self.problems.append(
            Problem(self.shown_as, line, self.record, format_path(path), code, message)
        )

    def feed(self, event: yaml.Event) -> None:
        if isinstance(event, yaml.ScalarEvent):  # the hot path: most events are scalars
            mark = event.start_mark
            line = mark.line + 1 if mark is not None else 1
            refused = event.tag is not None and self._tag_refused(event, line)
            plain_null = not event.style and event.implicit[0] and event.value in _NULLS
            self._attach(None if refused or plain_null else event.value, line)
        elif isinstance(event, yaml.MappingStartEvent | yaml.SequenceStartEvent):
            self._open(event, {} if isinstance(event, yaml.MappingStartEvent) else [])
        elif isinstance(event, yaml.MappingEndEvent | yaml.SequenceEndEvent):
            frame = self.stack.pop()
            self._attach(None if frame.rejected else frame.container, frame.line)
        elif isinstance(event, yaml.AliasEvent):
            # Refusing every alias makes alias bombs harmless and records read as written.
            line = _line_of(event)
            self.problem(
                line, self._child_path(), "yaml-alias", "les alias YAML (*nom) ne sont pas acceptés"
            )
            self._attach(None, line)
        elif isinstance(event, yaml.DocumentStartEvent):
            self.documents += 1
            if self.documents > 1:
                raise file_error(
                    self.shown_as,
                    self.record,
                    "yaml-syntaxe",
                    "erreur de syntaxe YAML : un seul document par fichier "
                    "(retirez le second « --- »)",
                    _line_of(event),
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
        line = _line_of(event)
        parent = self.stack[-1] if self.stack else None
        as_key = parent is not None and isinstance(parent.container, dict) and parent.key is NOTHING
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
        if frame.key is NOTHING or frame.key is _DROP:
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
        if frame.key is NOTHING:  # this value is a key
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
        frame.key = NOTHING


def format_path(path: KeyPath) -> str:
    """`('horaires', 'lundi')` -> `horaires.lundi`; `('services', 2)` -> `services[2]`."""
    text = ""
    for part in path:
        if isinstance(part, int):
            text += f"[{part}]"
        else:
            text += f".{part}" if text else part
    return text


def _line_of(event: yaml.Event) -> int:
    """The 1-based line where an event starts (1 when the parser gave no mark)."""
    return event.start_mark.line + 1 if event.start_mark is not None else 1
