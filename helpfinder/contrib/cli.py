"""The commands: `make validate` (check `data/`, print every problem, exit 1 when there is
an error), `make import`, `make a-verifier`, `make nouveau-lieu`, `make nouveau-parcours`
and `make enquete`."""

from __future__ import annotations

import argparse
import json
import sys
from collections.abc import Callable
from pathlib import Path
from typing import Any

from helpfinder.analysis.freshness import format_to_check, records_to_check
from helpfinder.contrib import scaffold, surveyexport
from helpfinder.contrib.reportformats import FORMATS, format_report
from helpfinder.core import surveyaggregate
from helpfinder.core.arguments import ArgumentParser
from helpfinder.core.clock import today
from helpfinder.core.problems import Severity
from helpfinder.core.text import fold
from helpfinder.data import survey, surveyform
from helpfinder.data.load import ACTORS_DIR, PATHWAYS_DIR, SCHEMAS_DIR, SURVEY_DIR, load_directory
from helpfinder.data.recordfile import write_atomically
from helpfinder.data.schema import load_schemas
from helpfinder.data.territory import COMMUNES_FILE, Territory
from helpfinder.opendata.importer import ImportRefused, import_places
from helpfinder.opendata.importresult import format_result
from helpfinder.site.fieldreference import territory_examples


def validate_main(argv: list[str] | None = None) -> int:
    parser = ArgumentParser(
        prog="validate",
        description="Vérifie les fiches de data/ : lieux, parcours, communes.",
    )
    parser.add_argument("--data", type=Path, default=Path("data"), help="dossier des données")
    parser.add_argument(
        "--format",
        choices=FORMATS,
        default="texte",
        help="présentation du rapport : pour les personnes (texte), ou pour les outils (json ; "
        "github et gitlab : les problèmes s'affichent sur les lignes d'une demande de fusion)",
    )
    args = parser.parse_args(argv)
    if not args.data.is_dir():
        print(f"{args.data} : dossier introuvable", file=sys.stderr)
        return 2
    directory, report = load_directory(args.data, today())
    print(format_report(report, args.format))
    if args.format == "texte" and report.ok:
        print(
            f"{len(directory.places)} lieux, {len(directory.pathways)} parcours, "
            f"{len(directory.plan)} actions du plan, "
            f"{len(directory.territory.communes)} communes : données valides"
        )
    return 0 if report.ok else 1


def import_main(argv: list[str] | None = None) -> int:
    """`make import SOURCE=…`: 0 when every row of the territory went in or was skipped for
    a reason, 1 when some rows have errors, 2 when nothing could be imported."""
    parser = ArgumentParser(
        prog="import",
        description="Ajoute à data/actors/ les lieux du territoire d'un fichier CSV au "
        "standard national des lieux de médiation numérique.",
    )
    parser.add_argument("source", type=Path, help="le fichier CSV à importer")
    parser.add_argument("--data", type=Path, default=Path("data"), help="dossier des données")
    parser.add_argument(
        "--essai", action="store_true", help="montrer ce qui serait fait, sans rien écrire"
    )
    args = parser.parse_args(argv)
    try:
        result = import_places(args.source, args.data, today(), dry_run=args.essai)
    except ImportRefused as exc:
        print(f"{exc}\nRien n'a été importé.", file=sys.stderr)
        return 2
    except OSError as exc:
        print(
            f"écriture impossible dans {args.data}/ ({exc.strerror or exc}) : l'import s'est "
            "arrêté. Les fiches déjà écrites sont entières, aucune n'est à moitié écrite.",
            file=sys.stderr,
        )
        return 2
    print(format_result(result, args.essai))
    return 0 if result.ok else 1


def to_check_main(argv: list[str] | None = None) -> int:
    """`make a-verifier`: the records to check again, by structure, with their contacts."""
    parser = ArgumentParser(
        prog="a-verifier",
        description="Liste les fiches à revérifier (plus de 12 mois, ou marquées à vérifier).",
    )
    parser.add_argument("--data", type=Path, default=Path("data"), help="dossier des données")
    args = parser.parse_args(argv)
    directory, _ = load_directory(args.data, today())
    day = today()
    print(format_to_check(records_to_check(directory.places, day), len(directory.places), day))
    return 0


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
                scaffold.flag(question.field),
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
        name = scaffold.flag(question.field)
        if given is not None and given.strip():
            try:
                answers[question.field] = question.read(given)
            except scaffold.Refused as exc:
                print(f"{name} : {exc}", file=sys.stderr)
                return 2
        elif given is not None or args.non_interactif:
            if not question.required:
                continue
            missing.append(name)
        else:
            try:
                answers[question.field] = scaffold.ask_until_valid(question, ask, say)
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
    flag = scaffold.flag("code_postal")
    if given is not None and given.strip():
        try:
            return scaffold.check_postal_code(commune, given)
        except scaffold.Refused as exc:
            print(f"{flag} : {exc}", file=sys.stderr)
            return 2
    question = scaffold.postal_code_question(commune)
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
        return str(scaffold.ask_until_valid(question, ask, say))
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
        folder, check = ACTORS_DIR, scaffold.check_place(schemas["lieu"], territory, day)
    else:
        data = scaffold.pathway_record(answers)
        note += " Modifiez les questions et les résultats : voir « make validate »."
        folder, check = PATHWAYS_DIR, scaffold.check_pathway(schemas["parcours"])
    communes = sorted(territory.communes.values(), key=lambda c: fold(c.nom))
    examples = territory_examples(communes) if args.kind == "lieu" else {}
    text = scaffold.commented_record(data, schemas[args.kind], args.kind, note, examples)
    final = args.data / folder / f"{data['id']}.yml"
    problems = scaffold.write_checked(text, final, check)
    for problem in problems:
        say(problem.format())
    if any(p.severity is Severity.ERROR for p in problems):
        say(f"{final} n'a pas été écrit.")
        return 1
    say(f"Fiche écrite : {final}")
    return 0


def survey_main(argv: list[str] | None = None) -> int:
    """`make enquete [SOURCE=export.csv]`: write the XForm of the questionnaire; with an ODK
    Central export, also the aggregated results (the export itself is not copied)."""
    parser = ArgumentParser(
        prog="enquete",
        description="Écrit le questionnaire au format ODK (XForm) et, avec un export CSV "
        "d'ODK Central, les résultats agrégés que le site publie.",
    )
    parser.add_argument("source", type=Path, nargs="?", help="l'export CSV d'ODK Central")
    parser.add_argument("--data", type=Path, default=Path("data"), help="dossier des données")
    parser.add_argument(
        "--origine", help="d'où vient l'export, affiché sous les résultats (par défaut : son nom)"
    )
    parser.add_argument(
        "--synthetique",
        action="store_true",
        help="des réponses inventées (pour montrer la page) : le site le dit partout",
    )
    args = parser.parse_args(argv)
    folder = args.data / SURVEY_DIR
    try:
        markdown = (folder / survey.QUESTIONNAIRE).read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError) as exc:
        print(
            f"{folder / survey.QUESTIONNAIRE} : illisible ({getattr(exc, 'strerror', exc)}) ; "
            "le questionnaire du projet est dans son dépôt, au même endroit.\n"
            "Rien n'a été écrit.",
            file=sys.stderr,
        )
        return 2
    directory, report = load_directory(args.data, today())
    if not directory.territory.communes or any(
        p.file.endswith(COMMUNES_FILE) for p in report.errors
    ):
        print(
            f"{args.data}/{COMMUNES_FILE} : corrigez d'abord les erreurs que donne « make "
            "validate » (les communes sont les réponses possibles du questionnaire).\n"
            "Rien n'a été écrit.",
            file=sys.stderr,
        )
        return 2
    communes = sorted(directory.territory.communes.values(), key=lambda c: c.code_insee)
    try:
        form = surveyform.xform(markdown, communes)
    except Exception as exc:  # pyxform's errors (PyXFormError, ValueError…) name the row
        print(f"{folder / survey.QUESTIONNAIRE} : {exc}\nRien n'a été écrit.", file=sys.stderr)
        return 2
    results = None
    if args.source is not None:
        results = _survey_results(args, markdown, communes)
        if results is None:
            return 2
    # Everything is checked: the XForm and the results are written together, or neither.
    write_atomically(folder / survey.XFORM, form)
    print(f"écrit : {folder / survey.XFORM}")
    if results is not None:
        text, count = results
        write_atomically(folder / survey.RESULTS, text)
        print(f"écrit : {folder / survey.RESULTS} ({count} personnes ont répondu)")
    return 0


def _survey_results(
    args: argparse.Namespace, markdown: str, communes: list[Any]
) -> tuple[str, str] | None:
    """The results file's text and the count of respondents in words, from the export; None
    (the reason printed) when the export cannot be used."""
    book = surveyform.workbook(markdown, communes)
    try:
        rows = surveyexport.read_export(args.source, args.source.name)
    except survey.SurveyError as exc:
        print(f"{exc}\nRien n'a été écrit.", file=sys.stderr)
        return None
    strangers = surveyexport.unknown_communes(rows, (c.code_insee for c in communes))
    if strangers:
        listed = ", ".join(f"{code} ({count})" for code, count in sorted(strangers.items())[:10])
        print(
            f"{args.source.name} : {sum(strangers.values())} réponses donnent une commune qui "
            f"n'est pas dans {args.data}/{COMMUNES_FILE} : {listed}. Est-ce l'export du "
            "questionnaire d'un autre territoire ? Chargez dans ODK Central le questionnaire "
            "qu'écrit « make enquete », puis exportez ses réponses.\n"
            "Rien n'a été écrit.",
            file=sys.stderr,
        )
        return None
    version = str(book["settings"][0].get("version", ""))
    document = survey.results_document(
        surveyaggregate.aggregate(rows, book),
        args.origine or args.source.name,
        args.synthetique,
        version,
    )
    text = json.dumps(document, ensure_ascii=False, indent=2) + "\n"
    count = document["repondants"] if document["repondants"] is not None else "moins de 5"
    return text, str(count)
