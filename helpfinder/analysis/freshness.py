"""Which records need checking again, grouped by structure with their contacts: the
maintenance page of the site and `make a-verifier` give the same list.

A record is listed when it was last verified more than 12 months ago, or when someone
marked it `a_verifier: true`. A structure is its `structure_parente`, or the place itself.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field

from helpfinder.core import display
from helpfinder.core.clock import is_stale
from helpfinder.core.text import fold
from helpfinder.data.records import Record


@dataclass(frozen=True)
class ToCheck:
    place: Record
    stale: bool  # verified more than 12 months ago
    flagged: bool  # marked a_verifier: true

    @property
    def reasons(self) -> list[str]:
        data = self.place.data
        found = []
        if self.stale:
            found.append(f"vérifiée le {display.date(data['date_maj'])}, il y a plus de 12 mois")
        if self.flagged:
            note = data.get("notes_verification", "").strip()
            found.append(f"marquée « à vérifier »{f' : {note}' if note else ''}")
        return found


@dataclass
class Structure:
    nom: str
    records: list[ToCheck] = field(default_factory=list)


def records_to_check(places: list[Record], today: dt.date) -> list[Structure]:
    """The structures with records to check, by name; their records, oldest first."""
    groups: dict[str, Structure] = {}
    for place in places:
        data = place.data
        verified = data.get("date_maj")
        stale = not isinstance(verified, dt.date) or is_stale(verified, today)
        flagged = bool(data.get("a_verifier"))
        if not (stale or flagged):
            continue
        name = data.get("structure_parente") or data.get("nom") or place.id
        groups.setdefault(fold(name), Structure(name)).records.append(
            ToCheck(place, stale, flagged)
        )
    for group in groups.values():
        group.records.sort(key=lambda r: (r.place.data.get("date_maj") or dt.date.min, r.place.id))
    return [groups[key] for key in sorted(groups)]


def format_to_check(structures: list[Structure], total: int, today: dt.date) -> str:
    """The list as `make a-verifier` prints it."""
    count = sum(len(s.records) for s in structures)
    if not count:
        return f"Aucune fiche à revérifier au {today.isoformat()} ({total} fiches)."
    lines = [f"{count} fiches sur {total} à revérifier au {today.isoformat()} :"]
    for structure in structures:
        lines += ["", structure.nom]
        for item in structure.records:
            data = item.place.data
            lines.append(f"  {item.place.file} : {data.get('nom', '')} ({data.get('commune', '')})")
            lines += [f"    {reason}" for reason in item.reasons]
            contacts = [*(data.get("telephone") or []), *(data.get("courriels") or [])]
            contacts += data.get("site_web") or []
            lines.append(f"    contact : {', '.join(contacts) if contacts else 'aucun connu'}")
            lines.append(f"    source : {data.get('source', '')}")
    return "\n".join(lines)
