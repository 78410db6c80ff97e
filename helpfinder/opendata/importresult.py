"""What `make import` did with each row of the territory, and the report people read."""

from __future__ import annotations

from dataclasses import dataclass, field

from helpfinder.core.problems import Problem, Severity, plural
from helpfinder.opendata.importstaging import STAGING_PREFIX

ADDED, UPDATED, SKIPPED, FAILED = "ajouté", "mis à jour", "ignoré", "erreur"


@dataclass(frozen=True)
class Outcome:
    """What happened to one row of the territory."""

    line: int
    action: str  # ADDED, UPDATED, SKIPPED or FAILED
    record: str  # the row's id in the file
    file: str = ""  # the record file written or matched, as printed
    reason: str = ""


@dataclass
class ImportResult:
    """What one import did: its rows, their outcomes and problems."""

    source: str
    rows: int = 0
    outside: int = 0
    outcomes: list[Outcome] = field(default_factory=list)
    problems: list[Problem] = field(default_factory=list)
    stale_removed: int = 0  # staging folders of killed imports, removed by this one

    def count(self, action: str) -> int:
        """How many rows had this outcome."""
        return sum(1 for outcome in self.outcomes if outcome.action == action)

    @property
    def ok(self) -> bool:
        """No row had an error."""
        return not any(p.severity is Severity.ERROR for p in self.problems)


def format_result(result: ImportResult, dry_run: bool = False) -> str:
    """The report as people read it: one line per row of the territory, then the problems."""
    lines = []
    for outcome in result.outcomes:
        where = outcome.file if outcome.action in (ADDED, UPDATED) else f"ligne {outcome.line}"
        record = f" [{outcome.record}]" if outcome.record else ""
        reason = f" : {outcome.reason}" if outcome.reason else ""
        line = f" (ligne {outcome.line})" if outcome.action in (ADDED, UPDATED) else ""
        lines.append(f"{outcome.action:<10} {where}{line}{record}{reason}")
    lines += [p.format() for p in sorted(result.problems, key=lambda p: (p.line, p.field))]
    if result.stale_removed:
        folders = plural(result.stale_removed, "dossier", "dossiers")
        lines.append(
            f"Nettoyage : supprimé de actors/ ce qu'un import interrompu avait laissé "
            f"({folders} {STAGING_PREFIX}…)."
        )
    territory = result.rows - result.outside
    lines.append(
        f"Bilan de {result.source} : {plural(result.rows, 'ligne lue', 'lignes lues')}, "
        f"{territory} du territoire : "
        f"{plural(result.count(ADDED), 'fiche ajoutée', 'fiches ajoutées')}, "
        f"{plural(result.count(UPDATED), 'mise à jour', 'mises à jour')}, "
        f"{plural(result.count(SKIPPED), 'ignorée', 'ignorées')}, "
        f"{plural(result.count(FAILED), 'ligne en erreur', 'lignes en erreur')} ; "
        f"{result.outside} hors du territoire."
    )
    if dry_run:
        lines.append("Essai : aucun fichier n'a été écrit.")
    return "\n".join(lines)
