"""Data problems found while loading and validating, and how they are printed for people."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field
from enum import StrEnum

from helpfinder.core.codes import CODES


class Severity(StrEnum):
    ERROR = "erreur"
    WARNING = "avertissement"


@dataclass(frozen=True, order=True)
class Problem:
    """One thing wrong (error) or worth a look (warning) in one file.

    `code` is stable (tests and tools rely on it); `message` is for people, in French.
    `line` is 1-based; 0 when the problem concerns no line in particular (a missing file).
    """

    file: str
    line: int
    record: str
    field: str
    code: str
    message: str
    severity: Severity = Severity.ERROR

    def __post_init__(self) -> None:
        if self.code not in CODES:
            raise ValueError(f"problem code {self.code!r} is not registered in codes.CODES")

    def format(self) -> str:
        """`data/actors/x.yml:12: [x] horaires.lundi: '8h30-12h' n'est pas au format …`."""
        where = f"{self.file}:{self.line}" if self.line else self.file
        record = f" [{self.record}]" if self.record else ""
        subject = f" {self.field}:" if self.field else ""
        prefix = "avertissement : " if self.severity is Severity.WARNING else ""
        return f"{where}:{record}{subject} {prefix}{self.message}"

    def as_dict(self) -> dict[str, str | int]:
        return {
            "fichier": self.file,
            "ligne": self.line,
            "fiche": self.record,
            "champ": self.field,
            "code": self.code,
            "message": self.message,
            "gravite": self.severity.value,
        }


@dataclass
class Report:
    """Every problem of one validation run, errors and warnings, in a stable order."""

    problems: list[Problem] = field(default_factory=list)

    def add(self, problem: Problem) -> None:
        self.problems.append(problem)

    def extend(self, problems: Iterable[Problem]) -> None:
        self.problems.extend(problems)

    @property
    def errors(self) -> list[Problem]:
        return sorted(p for p in self.problems if p.severity is Severity.ERROR)

    @property
    def warnings(self) -> list[Problem]:
        return sorted(p for p in self.problems if p.severity is Severity.WARNING)

    @property
    def ok(self) -> bool:
        return not any(p.severity is Severity.ERROR for p in self.problems)

    def summary(self, where: str = "data/") -> str:
        """One line: how many errors and warnings, in French, with plurals right."""
        n_err, n_warn = len(self.errors), len(self.warnings)
        parts = [plural(n_err, "erreur", "erreurs")]
        if n_warn:
            parts.append(plural(n_warn, "avertissement", "avertissements"))
        return f"{', '.join(parts)} dans {where}"


def plural(count: int, one: str, many: str) -> str:
    """`0 erreur`, `1 erreur`, `2 erreurs` (French keeps the singular for 0 and 1)."""
    return f"{count} {one if count < 2 else many}"


def show(value: object, limit: int = 60) -> str:
    """Quote a user's value for a message: short, on one line, control characters visible."""
    text = value if isinstance(value, str) else repr(value)
    if len(text) > limit * 4:
        text = text[: limit * 4]  # bound the work on very long values
    text = "".join(c if c.isprintable() else repr(c)[1:-1] for c in text)
    if len(text) > limit:
        text = text[: limit - 1] + "…"
    return f"'{text}'"
