"""Validate pathway records (`data/pathways/*.yml`): schema, then the decision tree itself.

The tree checks: every reference resolves, ids are unique, no question leads back to
itself, every question and outcome can be reached from the first question, and every
outcome is answered by at least one place (a warning: the national line is then offered).
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from helpfinder.core.problems import Problem, Severity
from helpfinder.core.suggest import did_you_mean
from helpfinder.data.fieldcheck import Checker
from helpfinder.data.matching import any_place_matches, describe_criteria
from helpfinder.data.records import Record, read_record
from helpfinder.data.schema import RecordSchema

# Each question and outcome becomes the page parcours/<pathway>/<id>/: these names are
# taken by the pathway's own pages (its start, its tree).
RESERVED_NODE_IDS = frozenset({"index", "arbre"})


def check_pathway_file(
    path: Path, shown_as: str, schema: RecordSchema
) -> tuple[Record | None, list[Problem]]:
    """Read one pathway file and check its fields and its tree."""
    record, checker = read_record(path, shown_as, schema)
    if record is not None:
        _check_tree(checker, record.data)
    return record, checker.problems


def _check_tree(checker: Checker, data: dict[str, Any]) -> None:
    nodes: dict[str, tuple[str, int]] = {}  # id -> (section, index) of its first definition
    for section in ("questions", "resultats"):
        for index, item in enumerate(data.get(section) or [], start=1):
            node_id = item.get("id")
            if not node_id:
                continue
            if node_id in RESERVED_NODE_IDS:
                checker.report(
                    (section, index, "id"),
                    "id-reserve",
                    f"'{node_id}' est le nom d'une page du parcours : choisissez un autre "
                    "identifiant",
                )
            if node_id in nodes:
                other, other_index = nodes[node_id]
                checker.report(
                    (section, index, "id"),
                    "id-duplique",
                    f"'{node_id}' est déjà l'identifiant de {other}[{other_index}] "
                    "(questions et résultats partagent les mêmes identifiants)",
                )
            else:
                nodes[node_id] = (section, index)

    start: str = data.get("debut") or ""
    broken = bool(start) and start not in nodes
    if broken:
        checker.report(("debut",), "reference-inconnue", _unknown(start, nodes))
    edges: dict[str, list[tuple[str, int, int]]] = {}  # question -> (next, question #, choice #)
    for q_index, question in enumerate(data.get("questions") or [], start=1):
        for c_index, choice in enumerate(question.get("choix") or [], start=1):
            target = choice.get("suite")
            if not target:
                continue
            if target not in nodes:
                broken = True
                path = ("questions", q_index, "choix", c_index, "suite")
                checker.report(path, "reference-inconnue", _unknown(target, nodes))
            elif question.get("id"):
                edges.setdefault(question["id"], []).append((target, q_index, c_index))

    reachable = _walk_for_cycles(checker, start, edges) if start in nodes else set()
    # A broken reference usually explains why a node cannot be reached: report it alone.
    if start in nodes and not broken:
        for node_id, (section, index) in nodes.items():
            if node_id not in reachable:
                checker.report(
                    (section, index, "id"),
                    "noeud-inaccessible",
                    f"'{node_id}' ne peut pas être atteint depuis la première question "
                    f"('{start}') : ajoutez un choix qui y mène, ou retirez-le",
                )


def _walk_for_cycles(
    checker: Checker, start: str, edges: dict[str, list[tuple[str, int, int]]]
) -> set[str]:
    """Depth-first walk from `start`: report each choice that leads back up the path."""
    reachable: set[str] = set()
    on_path: list[str] = []
    # Iterative, so a long chain of questions cannot exhaust Python's recursion limit.
    stack: list[tuple[str, int]] = [(start, 0)]
    while stack:
        node, next_edge = stack.pop()
        if next_edge == 0:
            reachable.add(node)
            on_path.append(node)
        out = edges.get(node, [])
        if next_edge < len(out):
            stack.append((node, next_edge + 1))
            target, q_index, c_index = out[next_edge]
            if target in on_path:
                loop = " → ".join([*on_path[on_path.index(target) :], target])
                checker.report(
                    ("questions", q_index, "choix", c_index, "suite"),
                    "cycle",
                    f"ce choix fait tourner en rond : {loop}",
                )
            elif target not in reachable:
                stack.append((target, 0))
        else:
            on_path.pop()
    return reachable


def _unknown(target: str, nodes: dict[str, Any]) -> str:
    hint = did_you_mean(target, nodes)
    if not hint and len(nodes) <= 12:
        hint = " ; identifiants possibles : " + ", ".join(f"'{n}'" for n in nodes)
    return f"'{target}' n'est ni une question ni un résultat de ce parcours{hint}"


def check_outcomes_matched(pathways: list[Record], places: list[Record]) -> list[Problem]:
    """Warn about each outcome that no place of the directory answers."""
    problems = []
    for pathway in pathways:
        for index, outcome in enumerate(pathway.data.get("resultats") or [], start=1):
            if not outcome.get("id") or any_place_matches(outcome, places):
                continue
            criteria = describe_criteria(outcome)
            problems.append(
                Problem(
                    pathway.file,
                    pathway.line("resultats", index, "id"),
                    pathway.id,
                    f"resultats[{index}]",
                    "resultat-sans-lieu",
                    f"aucun lieu ne correspond à '{outcome['id']}' ({criteria}) : "
                    "seul le numéro national sera proposé",
                    Severity.WARNING,
                )
            )
    return problems
