"""Validate place records (`data/actors/*.yml`): schema, then what only the territory can tell."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable
from pathlib import Path
from typing import Any

from helpfinder.core import personaldata
from helpfinder.core.clock import is_stale
from helpfinder.core.geo import distance_km, distance_to_outline_km
from helpfinder.core.problems import Problem, Severity, show
from helpfinder.core.text import fold
from helpfinder.data.fieldcheck import Checker
from helpfinder.data.records import Record, read_record
from helpfinder.data.schema import RecordSchema
from helpfinder.data.territory import Commune, Territory

# Geocoding puts a place on its street; outlines are simplified. Within this distance of
# its commune's outline a place is accepted; further away it is probably in another commune.
OUTLINE_TOLERANCE_KM = 1.0
# Without an outline, only the commune's centre is known: a commune is rarely wider than this.
CENTRE_TOLERANCE_KM = 10.0


def check_place_file(
    path: Path, shown_as: str, schema: RecordSchema, territory: Territory, today: dt.date
) -> tuple[Record | None, list[Problem]]:
    """Read and check one place file; the Record is None when the file could not be read."""
    record, checker = read_record(path, shown_as, schema)
    if record is not None:
        _check_against_territory(checker, record.data, territory)
        _check_dates(checker, record.data, today)
        _check_personal_data(checker, record.data)
    return record, checker.problems


def check_unique_ids(records: Iterable[Record]) -> list[Problem]:
    """Two files may not describe the same id (`x.yml` and `x.yaml`)."""
    first: dict[str, Record] = {}
    problems = []
    for record in records:
        if record.id in first:
            problems.append(
                Problem(
                    record.file,
                    record.line("id"),
                    record.id,
                    "id",
                    "id-duplique",
                    f"l'identifiant est déjà utilisé par {first[record.id].file}",
                )
            )
        first.setdefault(record.id, record)
    return problems


def _check_against_territory(checker: Checker, data: dict[str, Any], territory: Territory) -> None:
    code = data.get("code_insee")
    commune = territory.communes.get(code) if code else None
    if code and commune is None:
        checker.report(("code_insee",), "commune-inconnue", _unknown_commune(code, data, territory))
    if commune is not None:
        _check_commune_fields(checker, data, commune)
        _check_coordinates(checker, data, commune, territory)
    for index, permanence in enumerate(data.get("permanences") or [], start=1):
        where = permanence.get("commune") if isinstance(permanence, dict) else None
        if where and where not in territory.communes:
            checker.report(
                ("permanences", index, "commune"),
                "commune-inconnue",
                f"la commune {where} n'est pas dans le territoire (data/communes.csv)",
            )


def _unknown_commune(code: str, data: dict[str, Any], territory: Territory) -> str:
    message = f"la commune {code} n'est pas dans le territoire (data/communes.csv)"
    named = data.get("commune")
    for commune in territory.communes.values():
        if named and fold(commune.nom) == fold(named):
            return f"{message} ; le code INSEE de {commune.nom} est '{commune.code_insee}'"
    postal = territory.communes_with_postal_code(data.get("code_postal") or "")
    if postal:
        listed = ", ".join(f"{c.nom} ({c.code_insee})" for c in postal)
        return f"{message} ; pour le code postal {data['code_postal']} : {listed}"
    return message


def _check_commune_fields(checker: Checker, data: dict[str, Any], commune: Commune) -> None:
    postal = data.get("code_postal")
    if postal and postal not in commune.codes_postaux:
        expected = ", ".join(commune.codes_postaux)
        checker.report(
            ("code_postal",),
            "code-postal-commune",
            f"le code postal {postal} n'est pas celui de {commune.nom} ({expected})",
        )
    named = data.get("commune")
    if named and fold(named) != fold(commune.nom):
        checker.report(
            ("commune",),
            "commune-nom",
            f"'{named}' n'est pas le nom de la commune {commune.code_insee} : "
            f"écrivez '{commune.nom}' (ou corrigez code_insee)",
        )


def _check_coordinates(
    checker: Checker, data: dict[str, Any], commune: Commune, territory: Territory
) -> None:
    if checker.is_wrong("latitude") or checker.is_wrong("longitude"):
        return
    lat, lon = data.get("latitude"), data.get("longitude")
    if (lat is None) != (lon is None):
        missing, given = ("longitude", "latitude") if lon is None else ("latitude", "longitude")
        checker.report(
            (missing,),
            "coordonnees-incompletes",
            f"{given} est donnée sans {missing} : remplissez les deux ou aucune",
            line=checker.doc.line(given),
        )
        return
    if lat is None or lon is None:
        return
    outline = territory.outlines.get(commune.code_insee)
    if outline:
        away = distance_to_outline_km(outline, lon, lat)
        limit, what = OUTLINE_TOLERANCE_KM, "des limites"
    else:
        away = distance_km(lat, lon, commune.latitude, commune.longitude)
        limit, what = CENTRE_TOLERANCE_KM, "du centre"
    if away > limit:
        checker.report(
            ("latitude",),
            "coordonnees-hors-commune",
            f"le point ({lat}, {lon}) est à {away:.1f} km {what} de {commune.nom} : "
            "vérifiez la latitude, la longitude (pas inversées ?) et le code INSEE",
        )


def check_not_future(checker: Checker, data: dict[str, Any], today: dt.date) -> bool:
    """`date_maj` is a day that has come; False (and a problem) when it is in the future."""
    verified = data.get("date_maj")
    if isinstance(verified, dt.date) and verified > today:
        checker.report(
            ("date_maj",),
            "date-future",
            f"la date {verified.isoformat()} est dans le futur (aujourd'hui : {today})",
        )
        return False
    return True


def _check_dates(checker: Checker, data: dict[str, Any], today: dt.date) -> None:
    verified = data.get("date_maj")
    fresh_enough = check_not_future(checker, data, today)
    if isinstance(verified, dt.date) and fresh_enough and is_stale(verified, today):
        flag = "" if data.get("a_verifier") else " ; ajoutez a_verifier: true"
        checker.report(
            ("date_maj",),
            "fiche-ancienne",
            f"informations vérifiées le {verified.isoformat()}, il y a plus de 12 mois : "
            f"à revérifier auprès du lieu{flag}",
            Severity.WARNING,
        )
    for index, closure in enumerate(data.get("fermetures") or [], start=1):
        start, end = closure.get("du"), closure.get("au")
        if isinstance(start, dt.date) and isinstance(end, dt.date) and end < start:
            checker.report(
                ("fermetures", index, "au"),
                "fermeture-dates",
                f"la fin ({end}) est avant le début ({start})",
            )


# What looks like a person's own contact: the field, the test, what it looks like, and
# what to publish instead.
_PERSONAL_CONTACTS = (
    (
        "courriels",
        personaldata.personal_email,
        "ressemble à l'adresse d'une personne (prénom.nom chez une messagerie grand public)",
        "l'adresse de l'accueil du lieu",
    ),
    (
        "telephone",
        personaldata.mobile_number,
        "est un numéro de portable",
        "le numéro de l'accueil du lieu",
    ),
)


def _check_personal_data(checker: Checker, data: dict[str, Any]) -> None:
    """Warnings for what looks like a person's own contact, which the site would publish."""
    for name, looks_personal, what, instead in _PERSONAL_CONTACTS:
        for index, contact in enumerate(data.get(name) or [], start=1):
            if looks_personal(contact):
                checker.report(
                    (name, index),
                    "donnee-personnelle",
                    f"{show(contact)} {what} : le site le publiera tel quel. Si c'est le "
                    f"contact d'une personne et non du lieu, mettez plutôt {instead}, ou "
                    "demandez-lui son accord",
                    Severity.WARNING,
                )
    notes = data.get("notes_verification") or ""
    if found := personaldata.contacts_in_text(notes):
        checker.report(
            ("notes_verification",),
            "donnee-personnelle",
            f"les notes contiennent {show(found[0])} : elles sont publiées sur la page « À "
            "vérifier ». N'y écrivez ni le nom, ni le numéro, ni l'adresse d'une personne",
            Severity.WARNING,
        )
