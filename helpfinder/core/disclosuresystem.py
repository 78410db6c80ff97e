"""The attacker's system for one choice of hidden figures, solved in integers by scipy's
HiGHS MILP."""

from __future__ import annotations

import numpy as np
from scipy.optimize import Bounds, LinearConstraint, milp

from helpfinder.core.disclosuretables import DisclosureError, Tables

# No count of these tables comes near it: the bound of an unknown nothing else bounds.
UNBOUNDED = 10**7


class System:
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
        row = figure_row(self.tables, self.tables.figures[index].terms)
        for lower, upper in ((value + 1, np.inf), (-np.inf, value - 1)):
            solution = self._solve(np.zeros(self.tables.unknowns), (row, lower, upper))
            if solution is not None:
                return solution
        return None

    def extreme(self, index: int, sense: int) -> int:
        """The smallest (sense 1) or largest (sense -1) value of a figure."""
        solution = self._solve(sense * figure_row(self.tables, self.tables.figures[index].terms))
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


def figure_row(tables: Tables, terms: tuple[int, ...]) -> np.ndarray:
    """The row of a figure: 1 for each of its unknowns."""
    row = np.zeros(tables.unknowns)
    row[list(terms)] = 1
    return row


def model_matrix(tables: Tables) -> np.ndarray:
    """The matrix of the system: one row per fact, then one per figure."""
    rows = []
    for fact in tables.facts:
        row = np.zeros(tables.unknowns)
        for unknown, coefficient in fact.coefficients.items():
            row[unknown] = coefficient
        rows.append(row)
    rows += [figure_row(tables, figure.terms) for figure in tables.figures]
    return np.array(rows).reshape(len(rows), tables.unknowns)
