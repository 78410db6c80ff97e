"""Which published counts to hide so that no hidden one can be worked out from the others:
primary suppression of small counts, then secondary suppression checked by an audit of
every published total (cell suppression, as statistical offices do it).

The published tables are described as figures: each is the sum of some unknowns, the
nonnegative integer counts of a finer table nobody sees (the joint table of several
questions, with « no answer » as a category). An attacker who reads everything published
knows each shown figure exactly, knows that a hidden count of a shown line is at least 1
(zeros are always shown) and knows the facts that hold whatever the answers (a count of a
multiple-choice question is at most its total…). The audit gives each hidden figure its
smallest and largest value over every integer solution of that system (scipy's HiGHS
MILP); a hidden figure is exposed when they are equal. A zero is not exposed when a shown
zero covers it (nobody of that age, nobody chose that answer): zeros are shown anyway.

While a figure is exposed, a complement is hidden: a nonzero count shown that shares an
identity with it, preferring its own table, the smallest of those that free an exposed
figure; when no count is left, its whole line or question. Hiding only loosens the
system, so a figure once free stays free. At the end, each complement that turns out not
to be needed (a later one protects the same figures) is shown again if the audit stays
clean without it.
"""

from __future__ import annotations

from collections.abc import Hashable, Iterable, Iterator
from dataclasses import dataclass, field

import numpy as np
from scipy.optimize import Bounds, LinearConstraint, milp

# No count of these tables comes near it: the bound of an unknown nothing else bounds.
UNBOUNDED = 10**7
# How many complements are tried, smallest first, before taking the smallest anyway.
CANDIDATES = 12


@dataclass(frozen=True)
class Figure:
    """One number to publish: the sum of some unknowns."""

    value: int
    terms: tuple[int, ...]
    group: Hashable  # its line or question: hidden whole when its total is hidden
    table: Hashable  # the table it is printed in
    total: bool = False  # the line's or question's total (n), not one answer's count


@dataclass(frozen=True)
class Fact:
    """What anyone knows of the unknowns whatever the answers:
    lower <= sum(coefficient * unknown) <= upper."""

    coefficients: dict[int, int]
    lower: float
    upper: float


@dataclass
class Tables:
    """Everything published, as a linear model over the unknowns."""

    unknowns: int
    figures: list[Figure] = field(default_factory=list)
    facts: list[Fact] = field(default_factory=list)
    # Figures that appear together in one published identity (a total and its parts).
    relations: list[tuple[int, ...]] = field(default_factory=list)
    # Figures that count the same people (an age band's count and its line in each
    # breakdown): a line hidden whole to protect another takes its bundle with it.
    bundles: list[tuple[int, ...]] = field(default_factory=list)


class DisclosureError(RuntimeError):
    """Nothing is left to hide and a figure is still exposed: a model that is not right."""


def primary(tables: Tables, below: int) -> set[int]:
    """The figures hidden for their own sake: a count from 1 to below - 1, and every figure
    of a line or question whose total is under `below`."""
    small_groups = {f.group for f in tables.figures if f.total and f.value < below}
    return {
        i
        for i, f in enumerate(tables.figures)
        if f.group in small_groups or (not f.total and 0 < f.value < below)
    }


def protect(tables: Tables, below: int) -> set[int]:
    """The figures to hide: primary suppression, then complements until the audit finds no
    hidden figure that can be worked out, then the complements not needed shown again."""
    kept = primary(tables, below)
    audit = _Audit(tables)
    hidden = set(kept)
    while exposed := audit.exposed(hidden):
        hidden = audit.complement(hidden, exposed)
    return audit.pruned(hidden, kept)


def intervals(tables: Tables, hidden: Iterable[int]) -> dict[int, tuple[int, int]]:
    """The audit in full: the smallest and largest value of each hidden figure that agree
    with everything shown."""
    hidden = set(hidden)
    system = _System(tables, hidden, _matrix(tables))
    return {i: (system.extreme(i, 1), system.extreme(i, -1)) for i in sorted(hidden)}


class _Audit:
    """The audits of successive suppressions, remembering the solutions found: each shows
    several figures free, and stays a solution when more is hidden."""

    def __init__(self, tables: Tables) -> None:
        self.tables = tables
        self.matrix = _matrix(tables)
        self.free: set[int] = set()
        self.witnesses: list[np.ndarray] = []

    def exposed(self, hidden: set[int]) -> list[int]:
        """The hidden figures (in order) whose value can be worked out. Only for growing
        suppressions: a figure once free is not checked again."""
        suspects = [i for i in sorted(hidden - self.free) if _sensitive(self.tables, hidden, i)]
        self.free |= {i for i in suspects if self._moved(i, self.witnesses)}
        system = _System(self.tables, hidden, self.matrix)
        found = []
        for i in suspects:
            if i in self.free:
                continue
            if (solution := system.moving(i)) is None:
                found.append(i)
            else:
                self.witnesses.append(solution)
                self.free |= {j for j in suspects if self._moved(j, [solution])}
        return found

    def complement(self, hidden: set[int], exposed: list[int]) -> set[int]:
        """The hidden figures with one complement more, chosen among those of the exposed
        figures (see _complements) of the first kind there is: the smallest that frees
        some exposed figure, of the first few; when none does, the smallest, and the next
        round adds more."""
        ranks: dict[frozenset[int], tuple[int, int, int, int]] = {}
        for figure in exposed:
            for tier, option in _complements(self.tables, hidden, figure):
                rank = (tier // 10, self._value(option), tier, min(option))
                ranks[frozenset(option)] = min(rank, ranks.get(frozenset(option), rank))
        if not ranks:
            raise DisclosureError("plus rien à cacher, et un nombre caché se retrouve encore")
        kind = min(rank[0] for rank in ranks.values())
        ranked = sorted((o for o in ranks if ranks[o][0] == kind), key=ranks.__getitem__)
        for option in ranked[:CANDIDATES]:
            wider = _widened(self.tables, hidden, option)
            if (solution := self._freeing(wider, exposed)) is not None:
                self.witnesses.append(solution)
                return wider
        return _widened(self.tables, hidden, ranked[0])

    def pruned(self, hidden: set[int], kept: set[int]) -> set[int]:
        """The suppression without the complements that are not needed, largest first: a
        whole line or question, the complements of a line, one count (never those of
        `kept`)."""
        figures = self.tables.figures
        lines = {figures[i].group for i in hidden - kept if figures[i].total}
        cells = sorted(i for i in hidden - kept if figures[i].group not in lines)
        shown = {figures[i].group for i in cells}
        # Whole lines first, then all the complements of a line together, then one by one.
        units = [_members(self.tables, g) - kept for g in lines]
        units += [{i for i in cells if figures[i].group == g} for g in shown]
        units += [{i} for i in cells]
        units.sort(key=lambda u: (-sum(figures[i].value for i in u), min(u)))
        for unit in units:
            trial = hidden - unit
            if trial == _widened(self.tables, trial, set()) and self._clean(trial):
                hidden = trial
        return hidden

    def _freeing(self, hidden: set[int], exposed: list[int]) -> np.ndarray | None:
        """A solution where some exposed figure is not its true value, with these hidden."""
        system = _System(self.tables, hidden, self.matrix)
        for i in exposed:
            if (solution := system.moving(i)) is not None:
                return solution
        return None

    def _clean(self, hidden: set[int]) -> bool:
        """Whether no hidden figure can be worked out (any suppression, checked in full)."""
        system = _System(self.tables, hidden, self.matrix)
        valid = [w for w in self.witnesses if system.holds(w)]
        for i in sorted(hidden):
            if not _sensitive(self.tables, hidden, i) or self._moved(i, valid):
                continue
            if (solution := system.moving(i)) is None:
                return False
            valid.append(solution)
            self.witnesses.append(solution)
        return True

    def _moved(self, index: int, solutions: list[np.ndarray]) -> bool:
        terms = list(self.tables.figures[index].terms)
        value = self.tables.figures[index].value
        return any(int(s[terms].sum()) != value for s in solutions)

    def _value(self, option: Iterable[int]) -> int:
        return sum(self.tables.figures[i].value for i in option)


class _System:
    """The attacker's system for one choice of hidden figures, as matrices for HiGHS: the
    facts, then one row per figure (its value when shown, its floor when hidden)."""

    def __init__(self, tables: Tables, hidden: set[int], matrix: np.ndarray) -> None:
        self.tables = tables
        self.matrix = matrix
        totals = {f.group: i for i, f in enumerate(tables.figures) if f.total}
        lower = [fact.lower for fact in tables.facts]
        upper = [fact.upper for fact in tables.facts]
        for i, figure in enumerate(tables.figures):
            if i not in hidden:
                lower.append(figure.value)
                upper.append(figure.value)
            else:  # at least 1 for a count of a line shown (zeros are shown), else 0
                lower.append(int(not figure.total and totals.get(figure.group) not in hidden))
                upper.append(np.inf)
        self.lower = np.array(lower, dtype=float)
        self.upper = np.array(upper, dtype=float)

    def holds(self, solution: np.ndarray) -> bool:
        """Whether integer counts satisfy the system exactly."""
        sums = self.matrix.astype(np.int64) @ solution
        return bool((sums >= self.lower).all() and (sums <= self.upper).all())

    def moving(self, index: int) -> np.ndarray | None:
        """A solution where a figure is not its true value, or None when it is determined."""
        value = self.tables.figures[index].value
        row = _row(self.tables, self.tables.figures[index].terms)
        for lower, upper in ((value + 1, np.inf), (-np.inf, value - 1)):
            solution = self._solve(np.zeros(self.tables.unknowns), (row, lower, upper))
            if solution is not None:
                return solution
        return None

    def extreme(self, index: int, sense: int) -> int:
        """The smallest (sense 1) or largest (sense -1) value of a figure."""
        solution = self._solve(sense * _row(self.tables, self.tables.figures[index].terms))
        if solution is None:
            raise DisclosureError("HiGHS n'a pas trouvé de solution à un système qui en a une")
        return int(solution[list(self.tables.figures[index].terms)].sum())

    def _solve(
        self, objective: np.ndarray, extra: tuple[np.ndarray, float, float] | None = None
    ) -> np.ndarray | None:
        """An optimal integer solution, with one more constraint if given, checked exactly
        in integers; None when there is none (or when HiGHS's does not check out)."""
        matrix, lower, upper = self.matrix, self.lower, self.upper
        if extra is not None:
            matrix = np.vstack([matrix, extra[0]])
            lower, upper = np.append(lower, extra[1]), np.append(upper, extra[2])
        result = milp(
            objective,
            constraints=LinearConstraint(matrix, lower, upper),
            integrality=np.ones(self.tables.unknowns),
            bounds=Bounds(0, UNBOUNDED),
            options={"mip_rel_gap": 0},
        )
        if result.x is None:
            return None
        solution = np.rint(result.x).astype(np.int64)
        sums = matrix.astype(np.int64) @ solution
        if (sums < lower).any() or (sums > upper).any():
            return None
        return solution


def _sensitive(tables: Tables, hidden: set[int], index: int) -> bool:
    """Whether working the figure out would tell something hidden: not for a zero that a
    shown zero covers (its unknowns are among those of a zero that is shown)."""
    figure = tables.figures[index]
    if figure.value > 0:
        return True
    terms = set(figure.terms)
    return not any(
        f.value == 0 and i not in hidden and terms <= set(f.terms)
        for i, f in enumerate(tables.figures)
    )


def _complements(tables: Tables, hidden: set[int], index: int) -> Iterator[tuple[int, set[int]]]:
    """What may be hidden to free an exposed figure, each with its tier (the tens: its
    kind): a nonzero count shown that shares an identity with it, from its own table (0)
    or another (1); for a figure of a hidden line, a line sharing an identity with it, of
    its table (2) or another (3). Only when none of those is left: its own line (10), the
    lines sharing an identity with it (11, 12); then the smallest count or line (20)."""
    figure = tables.figures[index]
    related = sorted({j for r in tables.relations if index in r for j in r} - hidden)
    for j in related:
        if not tables.figures[j].total and tables.figures[j].value > 0:
            yield int(tables.figures[j].table != figure.table), {j}
    in_hidden_line = _total_of(tables, figure.group) in hidden
    if not in_hidden_line:
        yield 10, _line(tables, figure.group)
    totals = {t for j in related if (t := _total_of(tables, tables.figures[j].group)) is not None}
    for t in sorted(totals - hidden):
        other = int(tables.figures[t].table != figure.table)
        yield (2 if in_hidden_line else 11) + other, _line(tables, tables.figures[t].group)
    for j, f in enumerate(tables.figures):
        if j not in hidden and f.value > 0:
            yield 20, _line(tables, f.group) if f.total else {j}


def _line(tables: Tables, group: Hashable) -> set[int]:
    """A line or question hidden whole as a complement, with the rest of its bundle."""
    members = _members(tables, group)
    for bundle in tables.bundles:
        if members & set(bundle):
            for i in bundle:
                members |= (
                    _members(tables, tables.figures[i].group) if tables.figures[i].total else {i}
                )
    return members


def _members(tables: Tables, group: Hashable) -> set[int]:
    return {i for i, f in enumerate(tables.figures) if f.group == group}


def _total_of(tables: Tables, group: Hashable) -> int | None:
    for i, f in enumerate(tables.figures):
        if f.total and f.group == group:
            return i
    return None


def _widened(tables: Tables, hidden: set[int], more: Iterable[int]) -> set[int]:
    """The hidden figures with more, and every figure of a line whose total is hidden."""
    wider = hidden | set(more)
    groups = {tables.figures[i].group for i in wider if tables.figures[i].total}
    return wider | {i for i, f in enumerate(tables.figures) if f.group in groups}


def _row(tables: Tables, terms: tuple[int, ...]) -> np.ndarray:
    row = np.zeros(tables.unknowns)
    row[list(terms)] = 1
    return row


def _matrix(tables: Tables) -> np.ndarray:
    rows = []
    for fact in tables.facts:
        row = np.zeros(tables.unknowns)
        for unknown, coefficient in fact.coefficients.items():
            row[unknown] = coefficient
        rows.append(row)
    rows += [_row(tables, figure.terms) for figure in tables.figures]
    return np.array(rows).reshape(len(rows), tables.unknowns)
