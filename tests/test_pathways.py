"""Pathway checks: fields, references, cycles, reachability, and outcomes without a place."""

from __future__ import annotations

import pytest

from conftest import VALID_PATHWAY, VALID_PLACE, assert_one_error, line_of, run, write
from helpfinder.data.matching import matches

FILE = "data/pathways/parcours-test.yml"


def _case(old: str, new: str) -> str:
    assert old in VALID_PATHWAY, old
    return VALID_PATHWAY.replace(old, new, 1)


@pytest.fixture
def with_place(data_dir):
    write(data_dir, "actors/lieu-test.yml", VALID_PLACE)
    return data_dir


def test_valid_pathway_has_no_problem(with_place):
    write(with_place, "pathways/parcours-test.yml", VALID_PATHWAY)
    assert run(with_place).problems == []


# fmt: off
CASES = [
    ('unknown-target', '        suite: q2', '        suite: q3', 'reference-inconnue', 'questions[1].choix[2].suite', 'suite: q3', "'q2'"),
    ('unknown-start', 'debut: q1', 'debut: q0', 'reference-inconnue', 'debut', 'debut: q0', "'q1'"),
    ('cycle', '        suite: r2', '        suite: r2\n      - reponse: C\n        suite: q1', 'cycle', 'questions[2].choix[3].suite', 'suite: q1', 'q1 → q2 → q1'),
    ('self-loop', '        suite: r2', '        suite: r2\n      - reponse: C\n        suite: q2  # boucle', 'cycle', 'questions[2].choix[3].suite', '# boucle', 'q2 → q2'),
    ('unreachable', '        suite: r2', '        suite: r1', 'noeud-inaccessible', 'resultats[2].id', 'id: r2', "'r2'"),
    ('duplicate-node', 'resultats:\n', 'resultats:\n  - id: q2  # doublon\n    titre: T\n    conseil: C.\n    services: [Aide aux démarches administratives]\n', 'id-duplique', 'resultats[1].id', '# doublon', 'questions[2]'),
    ('reserved-id', '        suite: r2\nresultats:\n', '        suite: r2\n      - reponse: C\n        suite: arbre\nresultats:\n  - id: arbre  # réservé\n    titre: T\n    conseil: C.\n    services: [Aide aux démarches administratives]\n', 'id-reserve', 'resultats[1].id', '# réservé', "'arbre'"),
    ('one-choice', '      - reponse: Oui\n        suite: r1\n', '', 'nombre-valeurs', 'questions[1].choix', 'choix:', 'au moins 2'),
    ('unknown-service', '      - Accompagnement individuel', '      - Accompagnement individuelle', 'valeur-non-autorisee', 'resultats[2].modalites_accompagnement[1]', 'individuelle', "'Accompagnement individuel'"),
    ('audience', 'pour: habitants', 'pour: tout le monde', 'valeur-non-autorisee', 'pour', 'pour:', "'aidants'"),
    ('file-name', 'id: parcours-test', 'id: autre', 'id-fichier', 'id', 'id: autre', 'parcours-test'),
    ('missing-services', '    conseil: Allez-y.\n    services:\n      - Aide aux démarches administratives\n', '    conseil: Allez-y.\n', 'champ-requis', 'resultats[1].services', '  - id: r1', 'obligatoire'),
]
# fmt: on


@pytest.mark.parametrize(
    ("old", "new", "code", "field", "needle", "words"),
    [pytest.param(*case[1:], id=case[0]) for case in CASES],
)
def test_invalid_pathway_gives_one_precise_error(with_place, old, new, code, field, needle, words):
    text = _case(old, new)
    write(with_place, "pathways/parcours-test.yml", text)
    line = line_of(text, needle)
    assert_one_error(run(with_place), FILE, "parcours-test", code, field, line, words)


def test_long_chain_of_questions_is_checked_without_recursion(with_place):
    count = 3000
    questions = "".join(
        f"  - id: q{i}\n    question: Q{i} ?\n    choix:\n"
        f"      - reponse: suite\n        suite: {f'q{i + 1}' if i + 1 < count else 'r1'}\n"
        f"      - reponse: fin\n        suite: r1\n"
        for i in range(count)
    )
    text = (
        "id: parcours-test\ntitre: Long\npour: habitants\nresume: Long.\ndebut: q0\n"
        f"questions:\n{questions}resultats:\n  - id: r1\n    titre: Fin\n    conseil: Fin.\n"
        "    services: [Aide aux démarches administratives]\n"
    )
    write(with_place, "pathways/parcours-test.yml", text)
    assert run(with_place).problems == []


def test_outcome_without_any_place_is_a_warning_naming_the_gap(with_place):
    text = _case("      - Accompagnement individuel", "      - À distance")
    write(with_place, "pathways/parcours-test.yml", text)
    report = run(with_place)
    assert report.ok
    (warning,) = report.warnings
    assert (warning.code, warning.field, warning.line) == (
        "resultat-sans-lieu",
        "resultats[2]",
        line_of(text, "  - id: r2"),
    )
    assert "'r2'" in warning.message and "À distance" in warning.message
    assert "numéro national" in warning.message


def test_every_outcome_without_places_when_the_directory_is_empty(data_dir):
    write(data_dir, "pathways/parcours-test.yml", VALID_PATHWAY)
    report = run(data_dir)
    assert [(p.code, p.field) for p in report.problems] == [
        ("resultat-sans-lieu", "resultats[1]"),
        ("resultat-sans-lieu", "resultats[2]"),
    ]


@pytest.mark.parametrize(
    ("outcome", "place", "expected"),
    [
        ({"services": ["A"]}, {"services": ["A", "B"]}, True),
        ({"services": ["A", "C"]}, {"services": ["B", "C"]}, True),
        ({"services": ["A"]}, {"services": ["B"]}, False),
        ({"services": ["A"], "equipements": ["scanner"]}, {"services": ["A"]}, False),
        (
            {"services": ["A"], "equipements": ["wifi"]},
            {"services": ["A"], "equipements": ["wifi"]},
            True,
        ),
        # a place that names no specific public welcomes everyone
        (
            {"services": ["A"], "publics_specifiquement_adresses": ["Seniors"]},
            {"services": ["A"]},
            True,
        ),
        (
            {"services": ["A"], "publics_specifiquement_adresses": ["Seniors"]},
            {"services": ["A"], "publics_specifiquement_adresses": ["Jeunes"]},
            False,
        ),
        ({"services": ["A"], "frais_a_charge": ["Gratuit"]}, {"services": ["A"]}, False),
    ],
)
def test_matching_rules(outcome, place, expected):
    assert matches(outcome, place) is expected
