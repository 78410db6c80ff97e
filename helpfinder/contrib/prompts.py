"""The questions of `make nouveau-lieu` and `make nouveau-parcours` and the readers that
check each answer as it is given (a commune of the territory, hours, a phone), asking again
until it can be used."""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from helpfinder.core.display import of_place
from helpfinder.core.fieldformats import (
    EXAMPLE_PHONE,
    FormatError,
    check_email,
    check_url,
    international_phone,
)
from helpfinder.core.hours import HoursError, loose_suggestion, parse_day
from helpfinder.core.suggest import either, name_matches
from helpfinder.core.text import fold
from helpfinder.data.territory import Commune, Territory

Ask = Callable[[str], str]  # shows a question, returns the answer (input() in a terminal)


class Refused(ValueError):
    """An answer that cannot be used; the message says why, in French."""


@dataclass(frozen=True)
class Question:
    field: str
    prompt: str
    read: Callable[[str], Any]  # the answer -> the value, or raises Refused
    required: bool = True
    help: str = ""  # what the flag --<field> takes, in `--help`


def flag(field: str) -> str:
    """The command-line flag of a field: `code_postal` -> `--code-postal`."""
    return f"--{field.replace('_', '-')}"


def commune_reader(territory: Territory) -> Callable[[str], Commune]:
    """A commune by its INSEE code or its name, written with or without accents, hyphens or
    capitals; anything else is refused with the names it may stand for."""

    def read(answer: str) -> Commune:
        answer = answer.strip()
        if answer in territory.communes:
            return territory.communes[answer]
        by_name = {fold(c.nom): c for c in territory.communes.values()}
        if fold(answer) in by_name:
            return by_name[fold(answer)]
        hints = name_matches(answer, [c.nom for c in territory.communes.values()])
        raise Refused(
            f"« {answer} » n'est pas une commune du territoire"
            + (f" ; vouliez-vous dire {either(hints)} ?" if hints else "")
        )

    return read


def postal_code_question(commune: Commune) -> Question | None:
    """The question of the postal code, for a commune that has several (None otherwise)."""
    codes = commune.codes_postaux
    if len(codes) < 2:
        return None
    return Question(
        "code_postal",
        f"Code postal ({' ou '.join(codes)}) : ",
        read_choice(codes),
        help=POSTAL_CODE_HELP,
    )


def check_postal_code(commune: Commune, code: str) -> str:
    """A postal code given as a flag: one of the commune's."""
    code = code.strip()
    if code in commune.codes_postaux:
        return code
    raise Refused(
        f"le code postal {of_place(commune.nom)} est {' ou '.join(commune.codes_postaux)}"
    )


POSTAL_CODE_HELP = (
    "le code postal du lieu, quand sa commune en a plusieurs (demandé, ou obligatoire avec "
    "--non-interactif)"
)


def services_reader(choices: tuple[str, ...]) -> Callable[[str], list[str]]:
    def read(answer: str) -> list[str]:
        chosen = []
        for part in re.split(r"[,;]", answer):
            part = part.strip()
            if not part:
                continue
            if part.isdigit() and 1 <= int(part) <= len(choices):
                chosen.append(choices[int(part) - 1])
            elif part in choices:
                chosen.append(part)
            else:
                raise Refused(f"« {part} » : donnez les numéros de la liste, par exemple 1,3")
        if not chosen:
            raise Refused("choisissez au moins un service")
        return list(dict.fromkeys(chosen))

    return read


def read_hours(answer: str) -> str | None:
    """A day's hours, strict or loosely written (`8h30-12h`); empty means closed."""
    answer = answer.strip()
    if not answer or fold(answer) in ("ferme", "non"):
        return None
    try:
        parse_day(answer)
        return answer
    except HoursError as exc:
        suggestion = loose_suggestion(answer)
        if suggestion:
            return suggestion
        raise Refused(str(exc)) from exc


def read_phone(answer: str) -> str:
    found = international_phone(answer)
    if found:
        return found
    raise Refused(f"« {answer} » : écrivez un numéro à 10 chiffres, par exemple {EXAMPLE_PHONE}")


def read_text(limit: int = 300) -> Callable[[str], str]:
    def read(answer: str) -> str:
        answer = " ".join(answer.split())
        if len(answer) > limit:
            raise Refused(f"{limit} caractères au plus")
        return answer

    return read


def read_choice(choices: tuple[str, ...]) -> Callable[[str], str]:
    def read(answer: str) -> str:
        answer = answer.strip()
        if answer.isdigit() and 1 <= int(answer) <= len(choices):
            return choices[int(answer) - 1]
        if answer in choices:
            return answer
        raise Refused(f"répondez par {' ou '.join(choices)}")

    return read


def ask_until_valid(question: Question, ask: Ask, say: Callable[[str], None]) -> Any:
    """Ask again until the answer is usable; an empty answer skips an optional question."""
    while True:
        answer = ask(question.prompt)
        if not answer.strip() and not question.required:
            return None
        if not answer.strip():
            say("  Cette réponse est obligatoire.")
            continue
        try:
            value = question.read(answer)
        except Refused as exc:
            say(f"  {exc}")
            continue
        if isinstance(value, str) and value != answer.strip():
            say(f"  compris : {value}")
        return value


def read_email(answer: str) -> str:
    return _as_validator_checks(check_email, answer.strip())


def read_url(answer: str) -> str:
    answer = answer.strip()
    if not answer.startswith(("http://", "https://")):
        answer = f"https://{answer}"  # « www.exemple.fr » is what people type
    return _as_validator_checks(check_url, answer)


def _as_validator_checks(check: Callable[[str], str], value: str) -> str:
    """The validator's own check of a format, its message as the reason to ask again."""
    try:
        return check(value)
    except FormatError as exc:
        raise Refused(str(exc)) from exc
