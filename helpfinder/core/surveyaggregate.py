"""The survey's answers aggregated into the counts the site publishes, so that no one can
be recognised.

Privacy rules, applied when an ODK Central export is imported, before anything is written:
- free-text answers are never read into the results;
- primary suppression: a count from 1 to 4 is hidden (`nombre: null`, « masqué » on the
  page; a zero is always shown); a question, or a row of a breakdown by age, with fewer
  than 5 answers is hidden whole (`n: null`, no counts); so is the number of respondents
  under 5;
- secondary suppression across every published table (helpfinder/core/disclosure.py): the
  counts by age band, the age question and the questions broken down by age are all sums
  of one joint table (age band × each question of BY_AGE, « no answer » included), the
  other questions are tables of their own, so more counts are hidden (the smallest nonzero
  ones sharing a total with an exposed one, else a whole row, an age band's rows going
  together) until an audit over all of them finds that no hidden count, nor any answer of
  a hidden row, can be worked out exactly by adding and subtracting what is shown;
- a breakdown by age is published only for a question with one answer per person, and an
  answer that is not in the question's list counts as no answer.
The published file does not say which hidden counts are small and which protect others.
Only these aggregates are written to the repository; the export itself stays out of it.
"""

from __future__ import annotations

import itertools
from collections import Counter
from collections.abc import Callable, Iterable
from operator import itemgetter
from typing import Any

from helpfinder.core.disclosuretables import Fact, Figure, Tables
from helpfinder.core.surveyquestions import (
    AGE_QUESTION,
    BY_AGE,
    CONSENT,
    Question,
    select_questions,
)

SUPPRESS_BELOW = 5


def aggregate(rows: list[dict[str, str]], book: dict[str, Any]) -> dict[str, Any]:
    """What the site publishes: every select question's counts and the breakdowns by age
    band of BY_AGE, with the counts hidden that the privacy rules hide. Free text is not
    read."""
    # Here, not at the top: data/survey.py imports this module on every build, scipy is
    # needed only when results are aggregated.
    from helpfinder.core import disclosure

    answered = [r for r in rows if r.get(CONSENT) == "oui"]
    published = _Published(answered, select_questions(book))
    return published.document(disclosure.protect(published.tables, SUPPRESS_BELOW))


INFINITY = float("inf")
Key = tuple[str, str, str | None, str | None]  # (kind, question, age band, answer)
RESPONDENTS: Key = ("repondants", "", None, None)


class _Published:
    """Every number the results publish, as a figure of disclosure.Tables: a sum of the
    counts of the joint table (age band × each question of BY_AGE, « no answer » being a
    category of each), of a question's own table, or of a multiple-choice question's own
    counts (each at most the question's total)."""

    def __init__(self, answered: list[dict[str, str]], questions: list[Question]) -> None:
        self.questions = questions
        self.tables = Tables(unknowns=0)
        self.keys: dict[Key, int] = {}
        self.counts: list[int] = []  # the true value of each unknown
        by_name = {q.name: q for q in questions}
        ages = by_name.get(AGE_QUESTION)
        self.ages = ages if ages is not None and not ages.multiple else None
        # A breakdown is published only for a question with one answer per person.
        self.crossed = [
            by_name[name]
            for name in BY_AGE
            if self.ages is not None and name in by_name and not by_name[name].multiple
        ]
        (everyone,) = self._unknowns([len(answered)])
        self._figure(RESPONDENTS, (everyone,))
        joint = [self.ages, *self.crossed] if self.ages is not None and self.crossed else []
        cells = self._joint(joint, answered)
        if cells:
            self.tables.facts.append(Fact({**{u: 1 for u in cells.values()}, everyone: -1}, 0, 0))
        for question in questions:
            if question in joint:
                where = joint.index(question)
                self._from_joint(question, None, cells, itemgetter(where))
            elif question.multiple:
                self._multiple(question, answered, everyone)
            else:
                self._single(question, answered, everyone)
        for where, question in enumerate(joint[1:], start=1):
            for age_index, (age, _) in enumerate(self.age_bands):
                self._from_joint(
                    question,
                    age,
                    {c: u for c, u in cells.items() if c[0] == age_index},
                    itemgetter(where),
                )
        self._relate()

    @property
    def age_bands(self) -> list[tuple[str, str]]:
        """The age question's choices: (name, label) of each band; none without one."""
        return self.ages.choices if self.ages is not None else []

    def document(self, hidden: set[int]) -> dict[str, Any]:
        """The results with the hidden figures as null (a hidden line or question: n null and
        no answers)."""

        def shown(key: Key) -> int | None:
            index = self.keys[key]
            return None if index in hidden else self.tables.figures[index].value

        return {
            "repondants": shown(RESPONDENTS),
            "questions": [self._shown(q, None, shown) for q in self.questions],
            "par_age": [
                {
                    "question": q.name,
                    "label": q.label,
                    "lignes": [
                        {"groupe": label, **self._shown(q, age, shown)}
                        for age, label in self.age_bands
                    ],
                }
                for q in self.crossed
            ],
        }

    @staticmethod
    def _shown(
        question: Question, age: str | None, shown: Callable[[Key], int | None]
    ) -> dict[str, Any]:
        kind = "question" if age is None else "age"
        n = shown((kind, question.name, age, None))
        if n is None:
            return {"name": question.name, "label": question.label, "n": None, "choix": []}
        return {
            "name": question.name,
            "label": question.label,
            "n": n,
            "multiple": question.multiple,
            "choix": [
                {"name": name, "label": label, "nombre": shown((kind, question.name, age, name))}
                for name, label in question.choices
            ],
        }

    def _unknowns(self, counts: list[int]) -> list[int]:
        first = self.tables.unknowns
        self.tables.unknowns += len(counts)
        self.counts += counts
        return list(range(first, first + len(counts)))

    def _figure(self, key: Key, terms: Iterable[int]) -> None:
        kind, question, age, answer = key
        terms = tuple(sorted(terms))
        self.keys[key] = len(self.tables.figures)
        self.tables.figures.append(
            Figure(
                value=sum(self.counts[t] for t in terms),
                terms=terms,
                group=(kind, question, age),
                table=("par_age" if kind == "age" else kind, question),
                total=answer is None,
            )
        )

    def _joint(
        self, joint: list[Question], answered: list[dict[str, str]]
    ) -> dict[tuple[int, ...], int]:
        """The unknown of each cell of the joint table, by the position of its answer to each
        question (the last position: no answer)."""
        if not joint:
            return {}
        found = Counter(tuple(_position(q, r) for q in joint) for r in answered)
        shape = [range(len(q.choices) + 1) for q in joint]
        cells = list(itertools.product(*shape))
        return dict(zip(cells, self._unknowns([found[c] for c in cells]), strict=True))

    def _from_joint(
        self,
        question: Question,
        age: str | None,
        cells: dict[tuple[int, ...], int],
        position: Callable[[tuple[int, ...]], int],
    ) -> None:
        kind = "question" if age is None else "age"
        answered = [u for c, u in cells.items() if position(c) < len(question.choices)]
        self._figure((kind, question.name, age, None), answered)
        for index, (name, _) in enumerate(question.choices):
            chose = [u for c, u in cells.items() if position(c) == index]
            self._figure((kind, question.name, age, name), chose)

    def _single(self, question: Question, answered: list[dict[str, str]], everyone: int) -> None:
        found = Counter(_position(question, r) for r in answered)
        unknowns = self._unknowns([found[p] for p in range(len(question.choices) + 1)])
        self.tables.facts.append(Fact({**{u: 1 for u in unknowns}, everyone: -1}, 0, 0))
        self._figure(("question", question.name, None, None), unknowns[:-1])
        for (name, _), unknown in zip(question.choices, unknowns, strict=False):
            self._figure(("question", question.name, None, name), (unknown,))

    def _multiple(self, question: Question, answered: list[dict[str, str]], everyone: int) -> None:
        """A count of a multiple-choice question is at most its total, and together they are
        at least it (each person who answered chose at least one)."""
        names = [name for name, _ in question.choices]
        chosen = [set(r.get(question.name, "").split()) & set(names) for r in answered]
        (total,) = self._unknowns([sum(1 for c in chosen if c)])
        counts = self._unknowns([sum(1 for c in chosen if name in c) for name in names])
        facts = self.tables.facts
        facts.append(Fact({total: 1, everyone: -1}, -INFINITY, 0))
        facts += [Fact({u: 1, total: -1}, -INFINITY, 0) for u in counts]
        facts.append(Fact({**{u: 1 for u in counts}, total: -1}, 0, INFINITY))
        self._figure(("question", question.name, None, None), (total,))
        for name, unknown in zip(names, counts, strict=True):
            self._figure(("question", question.name, None, name), (unknown,))

    def _relate(self) -> None:
        """The identities of the published tables: a line or question's total and its counts;
        in a breakdown, an answer's count and its counts by age, the question's total and its
        lines'; an age band's count and its lines in each breakdown."""
        groups: dict[tuple[str, str, str | None], list[int]] = {}
        for key, index in self.keys.items():
            groups.setdefault(key[:3], []).append(index)
        relations: list[tuple[int, ...]] = [tuple(g) for g in groups.values()]
        for question in self.crossed:
            ages = [age for age, _ in self.age_bands]
            for answer in [None, *(name for name, _ in question.choices)]:
                relations.append(
                    (
                        self.keys[("question", question.name, None, answer)],
                        *(self.keys[("age", question.name, age, answer)] for age in ages),
                    )
                )
        for age, _ in self.age_bands if self.crossed else ():
            relations.append(
                (
                    self.keys[("question", AGE_QUESTION, None, age)],
                    *(self.keys[("age", q.name, age, None)] for q in self.crossed),
                )
            )
        self.tables.relations = relations
        # An age band's count and its lines count the same people.
        self.tables.bundles = [
            (
                self.keys[("question", AGE_QUESTION, None, age)],
                *(i for q in self.crossed for i in groups[("age", q.name, age)]),
            )
            for age, _ in (self.age_bands if self.crossed else ())
        ]


def _position(question: Question, row: dict[str, str]) -> int:
    """Where a person's answer to a single-choice question is in its list of choices; an
    empty answer, or one that is not in the list, is « no answer » (the last position)."""
    names = [name for name, _ in question.choices]
    answer = row.get(question.name, "").strip()
    return names.index(answer) if answer in names else len(names)
