"""The survey's published totals cannot be subtracted from one another to find a hidden
count: an attacker written here, independent of helpfinder/core/disclosure.py, reads only a
results document, builds the equations of everything it publishes and computes the
smallest and largest value of every hidden number over all integer solutions.

It finds the hidden counts of the results published before secondary suppression across
tables (tests/fixtures/enquete-fuite/resultats.json), and none in those made now."""

from __future__ import annotations

import csv
import itertools
import json
import sys
from collections import Counter
from pathlib import Path

import numpy as np
import pytest
from htmltext import article, text_of
from scipy.optimize import Bounds, LinearConstraint, milp

from conftest import ROOT, TODAY, VAL_ESSAI, copy_territory
from helpfinder.contrib import surveyexport
from helpfinder.core import disclosure, disclosuretables, surveyaggregate, surveyquestions
from helpfinder.data import survey, surveyform
from helpfinder.data.load import load_directory

sys.path.insert(0, str(ROOT / "scripts"))
import survey_sample

LEAKY = ROOT / "tests" / "fixtures" / "enquete-fuite" / "resultats.json"
AGE = "tranche_age"
OLD, YOUNG = "75+", "60-74"


# The attacker: everything published, as equations over unknown nonnegative counts.


class Attacker:
    """The system of a results document: a joint table of age band × each question broken
    down by age (with « no answer » in each), a table for each other single-choice question,
    and for a multiple-choice question counts at most its total. A hidden count of a shown
    line is at least 1 (zeros are shown); a hidden total, or a count of a hidden line, at
    least 0."""

    def __init__(self, document: dict) -> None:
        self.size = 0
        self.rows: list[tuple[dict[int, int], float, float]] = []
        self.hidden: dict[tuple, frozenset[int]] = {}
        self.shown: list[tuple[frozenset[int], int]] = []
        (everyone,) = self.new(1)
        self.number(("repondants",), [everyone], document["repondants"], 0)
        questions = {q["name"]: q for q in document["questions"]}
        breakdowns = {b["question"]: b for b in document["par_age"]}
        joint = [AGE, *breakdowns] if breakdowns else []
        ages = (
            [line["groupe"] for line in next(iter(breakdowns.values()))["lignes"]] if joint else []
        )
        choices = {AGE: ages} | {
            name: self.choices_of(questions[name], b) for name, b in breakdowns.items()
        }
        shape = [range(len(choices[name]) + 1) for name in joint]
        positions = list(itertools.product(*shape)) if joint else []
        cells = dict(zip(positions, self.new(len(positions)), strict=True))
        if cells:
            self.rows.append(({**dict.fromkeys(cells.values(), 1), everyone: -1}, 0, 0))
        for name, question in questions.items():
            if name in joint:
                d = joint.index(name)
                self.table(("question", name), question, choices[name], cells, lambda c, d=d: c[d])
            elif "multiple" not in question:  # hidden, of unknown kind: only its total
                (n,) = self.new(1)
                self.rows.append(({n: 1, everyone: -1}, -np.inf, 0))
                self.number(("question", name, "n"), [n], question["n"], 0)
            elif question["multiple"]:
                (n,) = self.new(1)
                counts = self.new(len(question["choix"]))
                self.rows.append(({n: 1, everyone: -1}, -np.inf, 0))
                self.rows += [({c: 1, n: -1}, -np.inf, 0) for c in counts]
                self.rows.append(({**dict.fromkeys(counts, 1), n: -1}, 0, np.inf))
                self.number(("question", name, "n"), [n], question["n"], 0)
                for choice, c in zip(question["choix"], counts, strict=True):
                    self.number(("question", name, choice["name"]), [c], choice["nombre"], 1)
            else:
                own = self.new(len(question["choix"]) + 1)
                self.rows.append(({**dict.fromkeys(own, 1), everyone: -1}, 0, 0))
                self.number(("question", name, "n"), own[:-1], question["n"], 0)
                for choice, c in zip(question["choix"], own, strict=False):
                    self.number(("question", name, choice["name"]), [c], choice["nombre"], 1)
        for name, breakdown in breakdowns.items():
            d = joint.index(name)
            for a, line in enumerate(breakdown["lignes"]):
                part = {c: v for c, v in cells.items() if c[0] == a}
                self.table(
                    ("par_age", name, line["groupe"]),
                    line,
                    choices[name],
                    part,
                    lambda c, d=d: c[d],
                )

    @staticmethod
    def choices_of(question: dict, breakdown: dict) -> list[str]:
        for shown in [question, *breakdown["lignes"]]:
            if shown["choix"]:
                return [c["name"] for c in shown["choix"]]
        return ["?"]  # nothing shown of its answers: one category for them all

    def new(self, count: int) -> list[int]:
        self.size += count
        return list(range(self.size - count, self.size))

    def number(self, label: tuple, terms: list[int], value: int | None, floor: int) -> None:
        if value is None:
            self.hidden[label] = frozenset(terms)
            self.rows.append((dict.fromkeys(terms, 1), floor, np.inf))
        else:
            self.shown.append((frozenset(terms), value))
            self.rows.append((dict.fromkeys(terms, 1), value, value))

    def table(self, label: tuple, shown: dict, names: list[str], cells: dict, position) -> None:
        """A question or a line from the joint table: its total, then each answer's count
        (a hidden line's counts are hidden numbers too)."""
        self.number(
            (*label, "n"), [v for c, v in cells.items() if position(c) < len(names)], shown["n"], 0
        )
        given = [c["nombre"] for c in shown["choix"]] or [None] * len(names)
        assert len(given) == len(names)  # the answers in the same order everywhere
        for k, name in enumerate(names):
            terms = [v for c, v in cells.items() if position(c) == k]
            self.number((*label, name), terms, given[k], 1 if shown["n"] is not None else 0)

    def bounds(self) -> dict[tuple, tuple[int, int]]:
        """Each hidden number's smallest and largest value over all integer solutions."""
        matrix = np.zeros((len(self.rows), self.size))
        for r, (coefficients, _, _) in enumerate(self.rows):
            for v, coefficient in coefficients.items():
                matrix[r, v] = coefficient
        system = LinearConstraint(matrix, [r[1] for r in self.rows], [r[2] for r in self.rows])
        found = {}
        for label, terms in self.hidden.items():
            objective = np.zeros(self.size)
            objective[list(terms)] = 1
            ends = []
            for sense in (1, -1):
                result = milp(
                    sense * objective,
                    constraints=system,
                    integrality=np.ones(self.size),
                    bounds=Bounds(0, 10**6),
                    options={"mip_rel_gap": 0},
                )
                assert result.success, result.message
                ends.append(round(sense * result.fun))
            found[label] = (ends[0], ends[1])
        return found

    def recovered(self) -> dict[tuple, int]:
        """The hidden numbers the attacker knows exactly, but for a zero that a shown zero
        already says (nobody of that age, nobody chose that answer): zeros are shown."""
        return {
            label: low
            for label, (low, high) in self.bounds().items()
            if low == high
            and not (low == 0 and any(v == 0 and self.hidden[label] <= t for t, v in self.shown))
        }


# Exports made for the tests, with the columns of an ODK Central export.


@pytest.fixture(scope="module")
def book(tmp_path_factory):
    data = copy_territory(VAL_ESSAI, tmp_path_factory.mktemp("disclosure") / "data")
    communes = sorted(
        load_directory(data, TODAY)[0].territory.communes.values(), key=lambda c: c.code_insee
    )
    markdown = (VAL_ESSAI / "enquete" / "questionnaire.md").read_text(encoding="utf-8")
    return surveyform.workbook(markdown, communes)


def sample() -> list[dict[str, str]]:
    return survey_sample.rows(["99001", "99002", "99003", "99004", "99005", "99006", "99007"])


def keep(
    rows: list[dict[str, str]], column: str, value: str, count: int, instead: str
) -> list[dict[str, str]]:
    """Only the first `count` consenting answers `value` to a column stay; the others become
    `instead`."""
    seen = 0
    for row in rows:
        if row["accord"] == "oui" and row[column] == value:
            seen += 1
            if seen > count:
                row[column] = instead
    return rows


def alike(rows: list[dict[str, str]]) -> list[dict[str, str]]:
    """Three people aged 75 and over, who all answer « peu » and « oui »."""
    rows = keep(rows, "profil-tranche_age", OLD, 3, YOUNG)
    for row in rows:
        if row["profil-tranche_age"] == OLD:
            row.update({"usages_g-aisance": "peu", "usages_g-renoncement": "oui"})
    return rows


def everyone_alike(rows: list[dict[str, str]]) -> list[dict[str, str]]:
    for row in rows:
        if row["accord"] == "oui":
            row["usages_g-aisance"] = "tres"
    return rows


def two_communes_of_one(rows: list[dict[str, str]]) -> list[dict[str, str]]:
    return keep(
        keep(rows, "profil-commune", "99006", 1, "99001"), "profil-commune", "99007", 1, "99002"
    )


CRAFTED = {
    "l'exemple": lambda rows: rows,
    "une tranche d'âge de 3 personnes": lambda rows: keep(
        rows, "profil-tranche_age", OLD, 3, YOUNG
    ),
    "une tranche d'âge de 3 personnes qui répondent pareil": alike,
    "une tranche d'âge d'une personne": lambda rows: keep(
        rows, "profil-tranche_age", OLD, 1, YOUNG
    ),
    "une réponse choisie par une seule personne": lambda rows: keep(
        rows, "usages_g-aisance", "pas", 1, "peu"
    ),
    "deux cases cachées dont la somme est 2": two_communes_of_one,
    "toutes les réponses au même choix": everyone_alike,
}


def export_rows(tmp_path: Path, rows: list[dict[str, str]]) -> list[dict[str, str]]:
    """The rows as surveyexport.py reads them back from an ODK Central CSV export."""
    path = tmp_path / "export.csv"
    with path.open("w", encoding="utf-8", newline="") as out:
        writer = csv.DictWriter(out, fieldnames=survey_sample.COLUMNS)
        writer.writeheader()
        writer.writerows(rows)
    return surveyexport.read_export(path, path.name)


def published(tmp_path: Path, book, rows: list[dict[str, str]]) -> dict:
    return json.loads(json.dumps(surveyaggregate.aggregate(export_rows(tmp_path, rows), book)))


@pytest.fixture(scope="module")
def crafted(book, tmp_path_factory):
    """The results of each crafted export, aggregated once for the module."""
    made: dict[str, dict] = {}

    def results(case: str) -> dict:
        if case not in made:
            folder = tmp_path_factory.mktemp("export")
            made[case] = published(folder, book, CRAFTED[case](sample()))
        return made[case]

    return results


def old_rule(rows: list[dict[str, str]], book) -> dict:
    """The results as published before: small counts hidden and, in a single-choice
    question or line where exactly one is, the next smallest; nothing across tables."""

    def distribution(question, group):
        values = [r.get(question.name, "").split() for r in group]
        values = [v for v in values if v]
        if len(values) < 5:
            return {"name": question.name, "label": question.label, "n": None, "choix": []}
        counts = Counter(a for v in values for a in v)
        shown = {name: counts.get(name, 0) for name, _ in question.choices}
        shown = {k: None if 0 < c < 5 else c for k, c in shown.items()}
        if not question.multiple and list(shown.values()).count(None) == 1 and any(shown.values()):
            shown[min((c, k) for k, c in shown.items() if c)[1]] = None
        choix = [{"name": k, "label": label, "nombre": shown[k]} for k, label in question.choices]
        return {
            "name": question.name,
            "label": question.label,
            "n": len(values),
            "multiple": question.multiple,
            "choix": choix,
        }

    answered = [r for r in rows if r.get("accord") == "oui"]
    questions = {q.name: q for q in surveyquestions.select_questions(book)}
    return {
        "repondants": len(answered) if len(answered) >= 5 else None,
        "questions": [distribution(q, answered) for q in questions.values()],
        "par_age": [
            {"question": name, "label": questions[name].label, "lignes": [
                {"groupe": label, **distribution(questions[name], [r for r in answered if r.get(AGE) == age])}
                for age, label in questions[AGE].choices
            ]}
            for name in surveyquestions.BY_AGE
        ],
    }  # fmt: skip


# (a) The attacker works: it finds what the old results let anyone find.


def test_the_attacker_recovers_the_hidden_counts_of_the_results_published_before():
    document = json.loads(LEAKY.read_text(encoding="utf-8"))
    found = Attacker(document).recovered()
    line = ("par_age", "aisance")
    assert {
        (*line, "75 ans et plus", "plutot"): 4,
        (*line, "75 ans et plus", "tres"): 2,
        (*line, "De 60 à 74 ans", "tres"): 1,
        (*line, "De 60 à 74 ans", "pas"): 5,  # hidden to protect the others
    }.items() <= found.items()


@pytest.mark.parametrize(
    "case",
    [
        "une tranche d'âge de 3 personnes",
        "une tranche d'âge d'une personne",
        "deux cases cachées dont la somme est 2",
    ],
)
def test_the_attacker_recovers_what_the_old_rule_hid_in_crafted_exports(case, book, tmp_path):
    rows = export_rows(tmp_path, CRAFTED[case](sample()))
    found = Attacker(old_rule(rows, book)).recovered()
    if case == "deux cases cachées dont la somme est 2":
        assert found == {("question", "commune", "99006"): 1, ("question", "commune", "99007"): 1}
    else:
        size, group = (3 if "3" in case else 1), "75 ans et plus"
        assert found[("question", AGE, group)] == size  # its count hidden in the age table
        answers = Counter(r["renoncement"] for r in rows if r["accord"] == "oui" and r[AGE] == OLD)
        for breakdown in ("aisance", "renoncement"):
            assert found[("par_age", breakdown, group, "n")] == size
        for choice in ("oui", "non"):  # and what each of them answered
            assert found[("par_age", "renoncement", group, choice)] == answers[choice]


# (b) Nothing hidden can be worked out in what is published now.


def test_no_hidden_count_of_the_published_test_results_can_be_recovered():
    document = json.loads((VAL_ESSAI / "enquete" / survey.RESULTS).read_text(encoding="utf-8"))
    attacker = Attacker(document)
    assert attacker.hidden  # there is something to protect
    assert attacker.recovered() == {}


@pytest.mark.parametrize("case", list(CRAFTED))
def test_no_hidden_count_can_be_recovered(case, crafted):
    document = crafted(case)
    attacker = Attacker(document)
    bounds = attacker.bounds()
    assert attacker.recovered() == {}, {k: bounds[k] for k in attacker.recovered()}
    if case != "toutes les réponses au même choix":
        assert attacker.hidden


def test_a_small_age_band_is_hidden_in_every_table(crafted):
    document = crafted("une tranche d'âge de 3 personnes")
    ages = next(q for q in document["questions"] if q["name"] == AGE)
    assert next(c for c in ages["choix"] if c["name"] == OLD)["nombre"] is None
    for breakdown in document["par_age"]:
        (line,) = [row for row in breakdown["lignes"] if row["groupe"] == "75 ans et plus"]
        assert line["n"] is None and line["choix"] == []
        assert sum(row["n"] is None for row in breakdown["lignes"]) >= 2  # and one more line


# (c) Nothing under 5 is ever published as a count; (d) primary suppression as documented.


def numbers(document: dict) -> list[int | None]:
    found = [document["repondants"]]
    lines = document["questions"] + [r for b in document["par_age"] for r in b["lignes"]]
    for line in lines:
        found.append(line["n"])
        found += [c["nombre"] for c in line["choix"]]
    return found


@pytest.mark.parametrize("case", list(CRAFTED))
def test_no_count_under_5_is_published(case, crafted):
    document = crafted(case)
    assert all(
        n is None or n == 0 or n >= surveyaggregate.SUPPRESS_BELOW for n in numbers(document)
    )


@pytest.mark.parametrize("case", list(CRAFTED))
def test_the_results_do_not_say_why_a_count_is_hidden(case, crafted):
    """A count hidden for itself and one hidden to protect it look the same: null."""
    document = crafted(case)
    lines = document["questions"] + [r for b in document["par_age"] for r in b["lignes"]]
    for line in lines:
        keys = set(line) - {"groupe"}
        assert keys == ({"name", "label", "n", "choix"} | ({"multiple"} if line["n"] else set()))
        assert all(set(choice) == {"name", "label", "nombre"} for choice in line["choix"])


def test_the_page_says_masque_and_why_other_counts_are_hidden(site):
    page = article(site / "etat-des-lieux" / "enquete" / "index.html")
    text = text_of(page)
    assert "on lit « masqué »" in text and "additions et des soustractions" in text
    assert "<td>masqué</td>" in page
    assert "<td>moins de 5" not in page  # a hidden count may be larger than 4


def test_every_count_from_1_to_4_is_hidden_and_zeros_are_shown(book, tmp_path):
    rows = export_rows(tmp_path, CRAFTED["une réponse choisie par une seule personne"](sample()))
    document = surveyaggregate.aggregate(rows, book)
    answered = [r for r in rows if r["accord"] == "oui"]
    for question in document["questions"]:
        counts = Counter(a for r in answered for a in r.get(question["name"], "").split())
        for choice in question["choix"]:
            true = counts[choice["name"]]
            if 0 < true < surveyaggregate.SUPPRESS_BELOW:
                assert choice["nombre"] is None, (question["name"], choice["name"])
            elif true == 0:
                assert choice["nombre"] == 0, (question["name"], choice["name"])
            else:
                assert choice["nombre"] in (None, true)
    aisance = next(q for q in document["questions"] if q["name"] == "aisance")
    assert {c["name"]: c["nombre"] for c in aisance["choix"]}["pas"] is None


def test_too_few_answers_hide_the_question_the_line_and_the_respondents(book, tmp_path):
    rows = sample()[:6]  # 5 consenting people (the first does not consent)
    assert sum(r["accord"] == "oui" for r in rows) == 5
    for row in rows[1:4]:
        row["equipement_g-connexion"] = ""
    document = published(tmp_path, book, rows)
    assert document["repondants"] == 5
    connexion = next(q for q in document["questions"] if q["name"] == "connexion")
    assert connexion == {"name": "connexion", "label": connexion["label"], "n": None, "choix": []}
    for breakdown in document["par_age"]:
        assert all(line["n"] is None and line["choix"] == [] for line in breakdown["lignes"])
    document = published(tmp_path, book, sample()[:5])  # 4 consenting people
    assert document["repondants"] is None
    assert all(q["n"] is None and q["choix"] == [] for q in document["questions"])


# The suppression module itself, on a table small enough to check by hand.


def two_by_two(cells: list[int]) -> disclosuretables.Tables:
    """A 2 × 2 table: each row with its total, and the columns with the grand total."""
    tables = disclosuretables.Tables(unknowns=4)

    def figure(value_of: list[int], group: str, table: str, total: bool = False) -> int:
        value = sum(cells[u] for u in value_of)
        tables.figures.append(disclosuretables.Figure(value, tuple(value_of), group, table, total))
        return len(tables.figures) - 1

    rows = []
    for r in (0, 1):
        rows.append([figure([2 * r, 2 * r + 1], f"ligne {r}", "tableau", total=True)])
        rows[r] += [figure([2 * r + c], f"ligne {r}", "tableau") for c in (0, 1)]
    columns = [figure([0, 1, 2, 3], "colonnes", "marges", total=True)]
    columns += [figure([c, 2 + c], "colonnes", "marges") for c in (0, 1)]
    tables.relations = [
        tuple(rows[0]),
        tuple(rows[1]),
        tuple(columns),
        (columns[1], rows[0][1], rows[1][1]),
        (columns[2], rows[0][2], rows[1][2]),
        (columns[0], rows[0][0], rows[1][0]),
    ]
    return tables


def test_one_small_cell_of_a_table_with_margins_takes_a_rectangle_with_it():
    tables = two_by_two([2, 9, 8, 7])  # rows 11 and 15, columns 10 and 16
    assert disclosure.primary(tables, 5) == {1}
    hidden = disclosure.protect(tables, 5)
    assert hidden == {1, 2, 4, 5}  # the four cells; every total stays
    # x = the small cell: 11 - x, 10 - x and 5 + x are all at least 1.
    assert disclosure.intervals(tables, hidden)[1] == (1, 9)


def test_a_zero_is_never_hidden_to_protect_another_count():
    tables = two_by_two([2, 6, 0, 7])  # the zero next to 7 says it is 7: hide the margin
    hidden = disclosure.protect(tables, 5)
    assert 4 not in hidden  # the zero
    assert all(low < high for low, high in disclosure.intervals(tables, hidden).values())
