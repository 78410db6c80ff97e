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

import numpy as np

from helpfinder.core.disclosuresystem import System, model_matrix
from helpfinder.core.disclosuretables import DisclosureError, Tables

# How many complements are tried, smallest first, before taking the smallest anyway.
CANDIDATES = 12


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
    system = System(tables, hidden, model_matrix(tables))
    return {i: (system.extreme(i, 1), system.extreme(i, -1)) for i in sorted(hidden)}


class _Audit:
    """The audits of successive suppressions, remembering the solutions found: each shows
    several figures free, and stays a solution when more is hidden."""

    def __init__(self, tables: Tables) -> None:
        self.tables = tables
        self.matrix = model_matrix(tables)
        self.free: set[int] = set()
        self.witnesses: list[np.ndarray] = []

    def exposed(self, hidden: set[int]) -> list[int]:
        """The hidden figures (in order) whose value can be worked out. Only for growing
        suppressions: a figure once free is not checked again."""
        suspects = [i for i in sorted(hidden - self.free) if _sensitive(self.tables, hidden, i)]
        self.free |= {i for i in suspects if self._moved(i, self.witnesses)}
        system = System(self.tables, hidden, self.matrix)
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
        for candidate in ranked[:CANDIDATES]:
            wider = _widened(self.tables, hidden, candidate)
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
        system = System(self.tables, hidden, self.matrix)
        for i in exposed:
            if (solution := system.moving(i)) is not None:
                return solution
        return None

    def _clean(self, hidden: set[int]) -> bool:
        """Whether no hidden figure can be worked out (any suppression, checked in full)."""
        system = System(self.tables, hidden, self.matrix)
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
