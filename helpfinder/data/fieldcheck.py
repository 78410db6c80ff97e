"""Check a record's values against its schema, field by field, and give back typed values.

Every problem names the field path and the line where the contributor wrote it; a value
that fails is left out of the typed record (the caller stops the build on any error),
so later checks never see a half-valid value.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any

from helpfinder.core import textrules
from helpfinder.core.hours import HoursError, parse_day
from helpfinder.core.languages import language_codes
from helpfinder.core.problems import Problem, Severity, show
from helpfinder.core.suggest import did_you_mean
from helpfinder.core.text import slugify
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


class FormatError(ValueError):
    """A value does not have its field's format; `code` is the stable problem code."""

    def __init__(self, code: str, message: str) -> None:
        super().__init__(message)
        self.code = code

    def message_for(self, value: str) -> str:
        """The message for `value`; formats already name the value in their message."""
        return str(self)


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
        converter = _SCALAR_TYPES.get(spec.type)
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


# --- scalar types -------------------------------------------------------------------------


class _TypeError(FormatError):
    """A scalar of the wrong type: the message names the value and the type expected."""

    def __init__(self, expected: str, hint: str = "") -> None:
        super().__init__("type", expected)
        self.hint = hint

    def message_for(self, value: str) -> str:
        return f"{show(value)} n'est pas {self.args[0]}{self.hint}"


_NUMBER = re.compile(r"[+-]?(\d+(\.\d*)?|\.\d+)")
_INTEGER = re.compile(r"[+-]?\d+")
_ISO_DATE = re.compile(r"\d{4}-\d{2}-\d{2}")
_FRENCH_DATE = re.compile(r"(\d{1,2})/(\d{1,2})/(\d{4})")


def to_number(value: str) -> float:
    if _NUMBER.fullmatch(value):
        return float(value)
    hint = ""
    if _NUMBER.fullmatch(value.replace(",", ".", 1)):
        hint = f" ; écrivez-le avec un point : '{value.replace(',', '.', 1)}'"
    raise _TypeError("un nombre", hint)


def to_integer(value: str) -> int:
    if _INTEGER.fullmatch(value.replace(" ", "")):
        return int(value.replace(" ", ""))
    raise _TypeError("un nombre entier")


def to_boolean(value: str) -> bool:
    folded = value.casefold()
    if folded == "true":
        return True
    if folded == "false":
        return False
    guess = {"oui": "true", "yes": "true", "vrai": "true", "non": "false", "no": "false"}
    hint = f" ; écrivez '{guess[folded]}'" if folded in guess else ""
    raise _TypeError("true ou false", hint)


def to_date(value: str) -> dt.date:
    if _ISO_DATE.fullmatch(value):
        try:
            return dt.date.fromisoformat(value)
        except ValueError:
            raise _TypeError("une date qui existe") from None
    hint = ""
    french = _FRENCH_DATE.fullmatch(value)
    if french:
        day, month, year = french.groups()
        hint = f" ; écrivez '{int(year):04d}-{int(month):02d}-{int(day):02d}'"
    raise _TypeError("une date au format AAAA-MM-JJ", hint)


_SCALAR_TYPES: dict[str, Callable[[str], Any]] = {
    "number": to_number,
    "integer": to_integer,
    "boolean": to_boolean,
    "date": to_date,
}


# --- formats (x-format) -------------------------------------------------------------------

_ID = re.compile(r"[a-z0-9]+(?:-[a-z0-9]+)*")


def check_identifier(value: str) -> str:
    if _ID.fullmatch(value):
        return value
    slug = slugify(value)
    hint = f" ; par exemple '{slug}'" if slug else ""
    raise FormatError(
        "format-identifiant",
        f"{show(value)} : un identifiant s'écrit en minuscules sans accent, avec des tirets{hint}",
    )


# The phone shown as an example in messages and forms: in a range the regulator (ARCEP)
# keeps for works of fiction, so that nobody's real number is printed as an example.
EXAMPLE_PHONE = "01 99 00 12 34"


def international_phone(value: str) -> str | None:
    """The number as records write it (`01 99 00 12 34` -> `+33199001234`), or None when
    it is no phone number the standard accepts."""
    digits = re.sub(r"[\s.\-()]", "", value)
    if textrules.matches("telephone_fr", digits):
        return f"+33{digits[1:]}"
    return digits if textrules.matches("telephone", digits) else None


def check_phone(value: str) -> str:
    if textrules.matches("telephone", value):
        return value
    fixed = international_phone(value)
    hint = f" ; écrivez '{fixed}'" if fixed else ""
    raise FormatError(
        "format-telephone",
        f"{show(value)} n'est pas un numéro au format international +33…{hint}",
    )


def check_email(value: str) -> str:
    if textrules.matches("courriel", value):
        return value
    raise FormatError("format-courriel", f"{show(value)} n'est pas une adresse électronique")


def check_url(value: str) -> str:
    if textrules.matches("url", value):
        return value
    hint = ""
    if re.fullmatch(r"(www\.)?[a-z0-9-]+(\.[a-z0-9-]+)+(/\S*)?", value, re.IGNORECASE):
        hint = f" ; écrivez 'https://{value}'"
    raise FormatError(
        "format-url",
        f"{show(value)} : seules les adresses web commençant par http:// ou https:// "
        f"sont acceptées{hint}",
    )


def check_insee(value: str) -> str:
    if textrules.matches("code_insee", value):
        return value
    raise FormatError("format-insee", f"{show(value)} n'est pas un code INSEE (5 caractères)")


def check_postal_code(value: str) -> str:
    if textrules.matches("code_postal", value):
        return value
    raise FormatError("format-code-postal", f"{show(value)} n'est pas un code postal (5 chiffres)")


def check_hours(value: str) -> str:
    try:
        parse_day(value)
    except HoursError as exc:
        raise FormatError(exc.code, str(exc)) from None
    return value


def check_language(value: str) -> str:
    codes = language_codes()
    if value in codes:
        return value
    hint = did_you_mean(value, codes) if len(value) <= 3 else ""
    raise FormatError(
        "format-langue",
        f"{show(value)} n'est pas un code de langue ISO 639-1 (exemple : 'fr', 'ar'){hint}",
    )


FORMATS: dict[str, Callable[[str], str]] = {
    "identifiant": check_identifier,
    "telephone": check_phone,
    "courriel": check_email,
    "url": check_url,
    "code-insee": check_insee,
    "code-postal": check_postal_code,
    "plages-horaires": check_hours,
    "langue": check_language,
}
