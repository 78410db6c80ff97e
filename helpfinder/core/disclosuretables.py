"""The published tables as a linear model for the disclosure audit: figures that are sums
of unknown counts, and the facts anyone knows of those counts."""

from __future__ import annotations

from collections.abc import Hashable
from dataclasses import dataclass, field


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
