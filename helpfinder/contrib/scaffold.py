"""`make nouveau-lieu` and `make nouveau-parcours`: a new record from a few answers.

The answers come from flags or, for what is missing, from questions asked one at a time.
Each answer is checked as it is given (a commune of the territory, hours, a phone), the
file is written with a comment above each field and the optional fields as commented-out
examples, and it is checked by the validator before it lands in `data/`.
"""

from __future__ import annotations

import datetime as dt
import re
import tempfile
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from helpfinder.core.display import of_place
from helpfinder.core.fieldformats import (
    EXAMPLE_PHONE,
    FormatError,
    check_email,
    check_url,
    international_phone,
)
from helpfinder.core.hours import WEEKDAYS, HoursError, loose_suggestion, parse_day
from helpfinder.core.problems import Problem, Severity
from helpfinder.core.suggest import either, name_matches
from helpfinder.core.text import fold, slugify
from helpfinder.data.editorschema import schema_line
from helpfinder.data.pathways import check_pathway_file
from helpfinder.data.places import check_place_file
from helpfinder.data.recordfile import record_yaml, write_atomically
from helpfinder.data.schema import FieldSpec, RecordSchema
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


def place_questions(territory: Territory, schema: RecordSchema) -> list[Question]:
    """The questions of `make nouveau-lieu`, in the order they are asked; the postal code's
    is asked only for a commune that has several (see postal_code_question)."""
    services = schema.fields["services"].item.enum or ()
    numbered = "\n".join(f"  {n}. {s}" for n, s in enumerate(services, start=1))
    listed = " ; ".join(f"{n}. {s}" for n, s in enumerate(services, start=1))
    questions = [
        Question(
            "nom",
            "Nom du lieu, tel que le public le connaît : ",
            read_text(200),
            help="le nom du lieu, tel que le public le connaît",
        ),
        Question(
            "commune",
            "Commune (nom ou code INSEE) : ",
            commune_reader(territory),
            help="la commune du lieu : son nom (accents et tirets facultatifs) ou son code INSEE",
        ),
        Question("code_postal", "", str, False, POSTAL_CODE_HELP),
        Question(
            "adresse",
            "Adresse (numéro et rue) : ",
            read_text(300),
            help="l'adresse : numéro et rue",
        ),
        Question(
            "services",
            f"Services proposés :\n{numbered}\nNuméros, séparés par des virgules : ",
            services_reader(services),
            help=f"les services proposés, par leurs numéros séparés par des virgules : {listed}",
        ),
        Question(
            "telephone",
            "Téléphone (vide si inconnu) : ",
            read_phone,
            False,
            f"le téléphone, par exemple « {EXAMPLE_PHONE} »",
        ),
        Question(
            "courriel",
            "Adresse électronique du lieu (vide si inconnue) : ",
            _email,
            False,
            "l'adresse électronique du lieu",
        ),
        Question("site_web", "Site web (vide si inconnu) : ", _url, False, "l'adresse du site web"),
    ]
    questions += [
        Question(
            day,
            f"Horaires du {day}, par exemple 08:30-12:30, 13:30-17:00 (vide si fermé) : ",
            read_hours,
            False,
            f"les horaires du {day}, par exemple « 08:30-12:30, 13:30-17:00 » (rien : fermé)",
        )
        for day in WEEKDAYS
    ]
    questions += [
        Question(
            "source",
            "D'où viennent ces informations (qui vous les a données) ? ",
            read_text(500),
            help="d'où viennent ces informations : qui les a données",
        ),
        Question(
            "profil",
            "Profil : 1. mediation (le métier du lieu est l'aide au numérique), "
            "2. aidant (premier accueil, aide aux démarches et oriente) : ",
            read_choice(("mediation", "aidant")),
            help="mediation (le métier du lieu est l'aide au numérique) ou aidant (premier "
            "accueil, aide aux démarches et oriente)",
        ),
    ]
    return questions


def place_record(answers: dict[str, Any], today: dt.date) -> dict[str, Any]:
    """Our record from the answers (the commune gives its code and postal code)."""
    commune: Commune = answers["commune"]
    name_slug = slugify(answers["nom"]) or "lieu"
    data: dict[str, Any] = {
        "id": answers.get("id") or f"{name_slug}-{slugify(commune.nom)}"[:80],
        "nom": answers["nom"],
        "commune": commune.nom,
        "code_postal": answers.get("code_postal") or commune.codes_postaux[0],
        "code_insee": commune.code_insee,
        "adresse": answers["adresse"],
    }
    for name, key in (
        ("telephone", "telephone"),
        ("courriels", "courriel"),
        ("site_web", "site_web"),
    ):
        if answers.get(key):
            data[name] = [answers[key]]
    hours = {day: answers[day] for day in WEEKDAYS if answers.get(day)}
    if hours:
        data["horaires"] = hours
    data["source"] = answers["source"]
    data["date_maj"] = answers.get("date_maj") or today
    data["services"] = answers["services"]
    data["profil"] = answers["profil"]
    return data


def pathway_questions(schema: RecordSchema) -> list[Question]:
    services = schema.fields["resultats"].item.fields["services"].item.enum or ()
    numbered = "\n".join(f"  {n}. {s}" for n, s in enumerate(services, start=1))
    listed = " ; ".join(f"{n}. {s}" for n, s in enumerate(services, start=1))
    return [
        Question(
            "titre",
            "Le besoin, dans les mots de la personne : ",
            read_text(120),
            help="le besoin, dans les mots de la personne",
        ),
        Question(
            "pour",
            "Pour qui : 1. habitants (la personne suit le parcours), "
            "2. aidants (pour les professionnels qui orientent) : ",
            read_choice(("habitants", "aidants")),
            help="habitants (la personne suit le parcours) ou aidants (les professionnels qui "
            "orientent)",
        ),
        Question(
            "resume",
            "À quoi sert ce parcours, en une phrase : ",
            read_text(400),
            help="à quoi sert ce parcours, en une phrase",
        ),
        Question(
            "services",
            f"Quels services répondent à ce besoin ?\n{numbered}\nNuméros : ",
            services_reader(services),
            help=f"les services qui répondent à ce besoin, par leurs numéros : {listed}",
        ),
    ]


def pathway_record(answers: dict[str, Any]) -> dict[str, Any]:
    """A first tree to edit: one question, two answers, two results."""
    services = answers["services"]
    return {
        "id": answers.get("id") or (slugify(answers["titre"]) or "parcours")[:80],
        "titre": answers["titre"],
        "pour": answers["pour"],
        "resume": answers["resume"],
        "debut": "premiere-question",
        "questions": [
            {
                "id": "premiere-question",
                "question": "Avez-vous déjà essayé seul ?",
                "choix": [
                    {"reponse": "Oui, mais je bloque", "suite": "aide-ponctuelle"},
                    {"reponse": "Non, je ne sais pas par où commencer", "suite": "accompagnement"},
                ],
            }
        ],
        "resultats": [
            {
                "id": "aide-ponctuelle",
                "titre": "Un coup de main ponctuel",
                "conseil": "Un lieu près de chez vous peut vous aider pour cette étape.",
                "services": services,
            },
            {
                "id": "accompagnement",
                "titre": "Être accompagné pas à pas",
                "conseil": "Un lieu près de chez vous peut vous accompagner du début à la fin.",
                "services": services,
                "modalites_accompagnement": ["Accompagnement individuel"],
            },
        ],
    }


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


def check_place(schema: RecordSchema, territory: Territory, today: dt.date):
    def check(path: Path, shown_as: str) -> list[Problem]:
        return check_place_file(path, shown_as, schema, territory, today)[1]

    return check


def check_pathway(schema: RecordSchema):
    def check(path: Path, shown_as: str) -> list[Problem]:
        return check_pathway_file(path, shown_as, schema)[1]

    return check


def _email(answer: str) -> str:
    return _as_validator_checks(check_email, answer.strip())


def _url(answer: str) -> str:
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
