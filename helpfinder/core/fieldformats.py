"""The scalar types and formats (x-format) of field values: each turns the text a
contributor wrote into its value, or raises FormatError with a message that says how to
write it."""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Callable
from typing import Any

from helpfinder.core import textrules
from helpfinder.core.hours import HoursError, parse_day
from helpfinder.core.languages import language_codes
from helpfinder.core.problems import show
from helpfinder.core.suggest import did_you_mean
from helpfinder.core.text import slugify


class FormatError(ValueError):
    """A value does not have its field's format; `code` is the stable problem code."""

    def __init__(self, code: str, message: str) -> None:
        super().__init__(message)
        self.code = code

    def message_for(self, value: str) -> str:
        """The message for `value`; formats already name the value in their message."""
        return str(self)


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


SCALAR_TYPES: dict[str, Callable[[str], Any]] = {
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
