"""The command `make nouveau-lieu` / `make nouveau-parcours`: the answers from flags or asked
one at a time, then the record written, checked, into `data/`."""

from __future__ import annotations

import argparse
import sys
from collections.abc import Callable
from pathlib import Path
from typing import Any

from helpfinder.contrib import newrecordfile, prompts, scaffold
from helpfinder.core.arguments import ArgumentParser
from helpfinder.core.clock import today
from helpfinder.core.problems import Severity
from helpfinder.core.text import fold
from helpfinder.data.load import ACTORS_DIR, PATHWAYS_DIR, SCHEMAS_DIR, load_directory
from helpfinder.data.schema import load_schemas
from helpfinder.data.territory import Territory
from helpfinder.site.fieldreference import territory_examples


def _new_record_parser(schemas: dict[str, Any]) -> argparse.ArgumentParser:
    """`nouveau lieu|parcours` with every answer as a flag, each with what it takes."""
    parser = ArgumentParser(
        prog="nouveau",
        description="Crée une fiche de lieu ou de parcours, commentée et vérifiée. Les "
        "réponses non données en option sont demandées une à une.",
    )
    common = ArgumentParser(add_help=False)
    common.add_argument("--data", type=Path, default=Path("data"), help="dossier des données")
    common.add_argument("--id", help="nom du fichier, sans .yml (par défaut : tiré du nom)")
    common.add_argument(
        "--non-interactif",
        action="store_true",
        help="ne rien demander : les réponses obligatoires doivent être données en option",
    )
    kinds = parser.add_subparsers(dest="kind", required=True, metavar="lieu|parcours")
    for kind, questions in (
        ("lieu", scaffold.place_questions(Territory(), schemas["lieu"])),
        ("parcours", scaffold.pathway_questions(schemas["parcours"])),
    ):
        sub = kinds.add_parser(
            kind,
            parents=[common],
            help=f"une fiche de {kind}",
            description=f"Crée une fiche de {kind}. Options (* : obligatoire, demandée si "
            "elle manque) :",
        )
        for question in questions:
            mark = " *" if question.required else ""
            sub.add_argument(
                prompts.flag(question.field),
                dest=question.field,
                metavar="…",
                help=f"{question.help}{mark}",
            )
    return parser


def new_record_main(
    argv: list[str] | None = None,
    ask: Callable[[str], str] = input,
    say: Callable[[str], None] = print,
) -> int:
    """`make nouveau-lieu` / `make nouveau-parcours`: 0 when the record is written, 1 when
    the validator refused it, 2 when an answer or a flag could not be used. `--help` and an
    unknown flag end here, before anything is read or written."""
    first = ArgumentParser(add_help=False)
    first.add_argument("--data", type=Path, default=Path("data"))
    known, _ = first.parse_known_args(argv)
    try:
        schemas = load_schemas(known.data / SCHEMAS_DIR)
    except (OSError, ValueError) as exc:
        print(f"{known.data / SCHEMAS_DIR} : schémas illisibles ({exc})", file=sys.stderr)
        return 2
    args = _new_record_parser(schemas).parse_args(argv)
    directory, _ = load_directory(args.data, today())
    territory = directory.territory
    if not directory.schemas or not territory.communes:
        print(f"{args.data}/ : corrigez d'abord les erreurs de « make validate »", file=sys.stderr)
        return 2
    if args.kind == "lieu":
        questions = scaffold.place_questions(territory, schemas["lieu"])
    else:
        questions = scaffold.pathway_questions(schemas["parcours"])
    answers: dict[str, Any] = {}
    missing = []
    for question in questions:
        given = getattr(args, question.field)
        if question.field == "code_postal":
            if "commune" not in answers:  # missing: already named, with the other missing ones
                continue
            found = _postal_code(answers["commune"], given, args.non_interactif, ask, say)
            if isinstance(found, int):
                return found
            if found:
                answers["code_postal"] = found
            continue
        name = prompts.flag(question.field)
        if given is not None and given.strip():
            try:
                answers[question.field] = question.read(given)
            except prompts.Refused as exc:
                print(f"{name} : {exc}", file=sys.stderr)
                return 2
        elif given is not None or args.non_interactif:
            if not question.required:
                continue
            missing.append(name)
        else:
            try:
                answers[question.field] = prompts.ask_until_valid(question, ask, say)
            except (EOFError, KeyboardInterrupt):
                print("\nInterrompu : rien n'a été écrit.", file=sys.stderr)
                return 2
    if missing:
        print(f"réponses obligatoires manquantes : {', '.join(missing)}", file=sys.stderr)
        return 2
    answers["id"] = args.id
    return _write_new_record(args, answers, directory, say)


def _postal_code(
    commune: Any, given: str | None, non_interactive: bool, ask: Callable[[str], str], say: Any
) -> str | int | None:
    """The postal code of the new place: the flag's (one of the commune's), the commune's only
    one (None), or the answer to a question; an exit code when it cannot be had."""
    flag = prompts.flag("code_postal")
    if given is not None and given.strip():
        try:
            return prompts.check_postal_code(commune, given)
        except prompts.Refused as exc:
            print(f"{flag} : {exc}", file=sys.stderr)
            return 2
    question = prompts.postal_code_question(commune)
    if question is None:
        return None
    if non_interactive:
        print(
            f"réponses obligatoires manquantes : {flag} ({commune.nom} a plusieurs codes "
            f"postaux : {', '.join(commune.codes_postaux)})",
            file=sys.stderr,
        )
        return 2
    try:
        return str(prompts.ask_until_valid(question, ask, say))
    except (EOFError, KeyboardInterrupt):
        print("\nInterrompu : rien n'a été écrit.", file=sys.stderr)
        return 2


def _write_new_record(
    args: argparse.Namespace, answers: dict[str, Any], directory: Any, say: Any
) -> int:
    schemas, territory = directory.schemas, directory.territory
    day = today()
    note = f"Fiche créée par « make nouveau-{args.kind} » le {day.isoformat()}."
    if args.kind == "lieu":
        data = scaffold.place_record(answers, day)
        folder, check = ACTORS_DIR, newrecordfile.check_place(schemas["lieu"], territory, day)
    else:
        data = scaffold.pathway_record(answers)
        note += " Modifiez les questions et les résultats : voir « make validate »."
        folder, check = PATHWAYS_DIR, newrecordfile.check_pathway(schemas["parcours"])
    communes = sorted(territory.communes.values(), key=lambda c: fold(c.nom))
    examples = territory_examples(communes) if args.kind == "lieu" else {}
    text = newrecordfile.commented_record(data, schemas[args.kind], args.kind, note, examples)
    final = args.data / folder / f"{data['id']}.yml"
    problems = newrecordfile.write_checked(text, final, check)
    for problem in problems:
        say(problem.format())
    if any(p.severity is Severity.ERROR for p in problems):
        say(f"{final} n'a pas été écrit.")
        return 1
    say(f"Fiche écrite : {final}")
    return 0
