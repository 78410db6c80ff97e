"""Check a record's values against its schema, field by field, and give back typed values.

Every problem names the field path and the line where the contributor wrote it; a value
that fails is left out of the typed record (the caller stops the build on any error),
so later checks never see a half-valid value.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from helpfinder.core import textrules
from helpfinder.core.fieldformats import FORMATS, SCALAR_TYPES, FormatError
from helpfinder.core.problems import Problem, Severity, show
from helpfinder.core.suggest import did_you_mean
from helpfinder.core.yamlevents import KeyPath, format_path
from helpfinder.data.schema import FieldSpec
from helpfinder.data.yamlsource import YamlDocument

INVALID = object()  # a value that failed its checks

_TYPE_NAMES = {
    "string": "un texte",
    "number": "un nombre",
    "integer": "un nombre entier",
    "boolean": "true ou false",
    "date": "une date AAAA-MM-JJ",
    "array": "une liste",
    "object": "des champs « nom: valeur »",
}
_ENUM_LIST_LIMIT = 12


@dataclass
class Checker:
    """Checks one record file; collects problems with file, line, record and field."""

    shown_as: str
    record: str
    doc: YamlDocument
    problems: list[Problem] = field(default_factory=list)
    # Fields already found wrong: later checks skip them, so one mistake gives one error.
    wrong: set[str] = field(default_factory=set)

    def __post_init__(self) -> None:
        self.wrong.update(p.field for p in self.problems if p.field)

    def report(
        self,
        path: KeyPath,
        code: str,
        message: str,
        severity: Severity = Severity.ERROR,
        line: int | None = None,
    ) -> None:
        """Record a problem at `path`, on the line where it was written (or `line`)."""
        if severity is Severity.ERROR:
            self.wrong.add(format_path(path))
        self.problems.append(
            Problem(
                self.shown_as,
                line or self.doc.line(*path),
                self.record,
                format_path(path),
                code,
                message,
                severity,
            )
        )

    def check_fields(
        self, fields: dict[str, FieldSpec], data: Any, path: KeyPath = ()
    ) -> dict[str, Any] | None:
        """Check a mapping against `fields`; None if it is not a mapping at all."""
        if not isinstance(data, dict):
            found = _kind_of(data)
            self.report(
                path, "structure", f"attendu : des champs « nom: valeur », trouvé : {found}"
            )
            return None
        for key in data:
            if key not in fields:
                hint = did_you_mean(key, fields)
                self.report((*path, key), "champ-inconnu", f"champ inconnu {show(key)}{hint}")
        # Only the fields given (and valid) are kept: records stay small, and "absent"
        # reads the same everywhere (`record.get(name)`).
        result: dict[str, Any] = {}
        for name, spec in fields.items():
            value = data.get(name)
            if _is_empty(value):
                if spec.required and format_path((*path, name)) not in self.wrong:
                    self.report((*path, name), "champ-requis", "champ obligatoire manquant ou vide")
                continue
            checked = self.check_value(spec, value, (*path, name))
            if checked is not INVALID and checked != []:
                result[name] = checked
        return result

    def is_wrong(self, *path: str | int) -> bool:
        """True when an error was already reported for `path`."""
        return format_path(path) in self.wrong

    def check_value(self, spec: FieldSpec, value: Any, path: KeyPath) -> Any:
        if spec.type == "array":
            return self._check_array(spec, value, path)
        if spec.type == "object":
            if spec.fields is None:
                return value if isinstance(value, dict) else self._wrong_type(spec, value, path)
            checked = self.check_fields(spec.fields, value, path)
            return INVALID if checked is None else checked
        if not isinstance(value, str):
            return self._wrong_type(spec, value, path)
        forbidden = textrules.forbidden_character(value)
        if forbidden is not None:
            self.report(
                path,
                "caractere-interdit",
                f"{show(value)} contient un caractère invisible interdit : {forbidden} ; "
                "retapez le texte sans le copier-coller",
            )
            return INVALID
        value = value.strip()
        converter = SCALAR_TYPES.get(spec.type)
        if converter is not None:
            try:
                converted = converter(value)
            except FormatError as exc:
                self.report(path, exc.code, exc.message_for(value))
                return INVALID
            return self._check_bounds(spec, converted, path)
        return self._check_string(spec, value, path)

    def _check_bounds(self, spec: FieldSpec, value: Any, path: KeyPath) -> Any:
        if spec.minimum is not None and value < spec.minimum:
            bound = f"au moins {spec.minimum}"
        elif spec.maximum is not None and value > spec.maximum:
            bound = f"au plus {spec.maximum}"
        else:
            return value
        self.report(path, "valeur-hors-limites", f"{value} : la valeur doit être {bound}")
        return INVALID

    def _check_string(self, spec: FieldSpec, value: str, path: KeyPath) -> Any:
        if spec.max_length is not None and len(value) > spec.max_length:
            self.report(
                path,
                "longueur",
                f"{len(value)} caractères, pour {spec.max_length} au plus : raccourcissez le texte",
            )
            return INVALID
        if spec.enum is not None and value not in spec.enum:
            self.report(path, "valeur-non-autorisee", _enum_message(value, spec.enum))
            return INVALID
        check = FORMATS.get(spec.fmt or "")
        if check is not None:
            try:
                return check(value)
            except FormatError as exc:
                self.report(path, exc.code, exc.message_for(value))
                return INVALID
        if spec.pattern is not None and not spec.pattern.fullmatch(value):
            example = f" (exemple : {spec.example})" if spec.example is not None else ""
            self.report(path, "format", f"{show(value)} n'a pas le format attendu{example}")
            return INVALID
        return value

    def _check_array(self, spec: FieldSpec, value: Any, path: KeyPath) -> Any:
        if isinstance(value, dict):
            return self._wrong_type(spec, value, path)
        items = value if isinstance(value, list) else [value]  # one value may stand for a list
        result: list[Any] = []
        for index, item in enumerate(items, start=1):
            item_path = (*path, index) if isinstance(value, list) else path
            if _is_empty(item):
                self.report(
                    item_path, "valeur-vide", "valeur vide dans la liste : retirez la ligne"
                )
                continue
            checked = self.check_value(spec.item or FieldSpec("", "string"), item, item_path)
            if checked is INVALID:
                continue
            if checked in result:
                self.report(
                    item_path,
                    "valeur-en-double",
                    f"{show(item)} est déjà dans la liste",
                    Severity.WARNING,
                )
                continue
            result.append(checked)
        if spec.min_length and len(result) < spec.min_length and len(result) == len(items):
            self.report(
                path,
                "nombre-valeurs",
                f"il faut au moins {spec.min_length} valeurs, il y en a {len(result)}",
            )
        return result

    def _wrong_type(self, spec: FieldSpec, value: Any, path: KeyPath) -> Any:
        expected = _TYPE_NAMES.get(spec.type, spec.type)
        self.report(path, "type", f"attendu : {expected}, trouvé : {_kind_of(value)}")
        return INVALID


def _is_empty(value: Any) -> bool:
    return (
        value is None
        or value == []
        or value == {}
        or (isinstance(value, str) and not value.strip())
    )


def _kind_of(value: Any) -> str:
    if isinstance(value, dict):
        return "des champs « nom: valeur »"
    if isinstance(value, list):
        return "une liste"
    if value is None:
        return "une valeur vide"
    return f"le texte {show(value)}"


def _enum_message(value: str, allowed: tuple[str, ...]) -> str:
    hint = did_you_mean(value, allowed)
    if hint:
        return f"{show(value)} n'est pas une valeur autorisée{hint}"
    if len(allowed) <= _ENUM_LIST_LIMIT:
        listed = ", ".join(f"'{a}'" for a in allowed)
        return f"{show(value)} n'est pas une valeur autorisée ; valeurs possibles : {listed}"
    return f"{show(value)} n'est pas une valeur autorisée (voir la liste dans le schéma)"
