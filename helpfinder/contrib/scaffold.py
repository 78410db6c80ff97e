"""The questions `make nouveau-lieu` and `make nouveau-parcours` ask, and the place or
pathway record built from their answers.

The answers come from flags or, for what is missing, from questions asked one at a time.
Each answer is checked as it is given (a commune of the territory, hours, a phone: see
prompts.py), the file is written with a comment above each field and the optional fields as
commented-out examples, and it is checked by the validator before it lands in `data/` (see
newrecordfile.py).
"""

from __future__ import annotations

import datetime as dt
from typing import Any

from helpfinder.contrib.prompts import (
    POSTAL_CODE_HELP,
    Question,
    commune_reader,
    read_choice,
    read_email,
    read_hours,
    read_phone,
    read_text,
    read_url,
    services_reader,
)
from helpfinder.core.fieldformats import EXAMPLE_PHONE
from helpfinder.core.hours import WEEKDAYS
from helpfinder.core.text import slugify
from helpfinder.data.schema import FieldSpec, RecordSchema
from helpfinder.data.territory import Commune, Territory


def place_questions(territory: Territory, schema: RecordSchema) -> list[Question]:
    """The questions of `make nouveau-lieu`, in the order they are asked; the postal code's
    is asked only for a commune that has several (see postal_code_question)."""
    services = _item_choices(schema.fields["services"])
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
            read_email,
            False,
            "l'adresse électronique du lieu",
        ),
        Question(
            "site_web", "Site web (vide si inconnu) : ", read_url, False, "l'adresse du site web"
        ),
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
    outcome = schema.fields["resultats"].item
    services = _item_choices(
        outcome.fields["services"] if outcome is not None and outcome.fields else None
    )
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


def _item_choices(spec: FieldSpec | None) -> tuple[str, ...]:
    """The values the items of a list field may take, from the schema (none if it has none)."""
    item = spec.item if spec is not None else None
    return (item.enum if item is not None else None) or ()
