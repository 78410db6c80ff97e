"""The command `make enquete [SOURCE=export.csv]`: the survey's XForm and, from an ODK
Central export, its aggregated results, written together or not at all."""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path
from typing import Any

from helpfinder.contrib.surveyexport import read_export, unknown_communes
from helpfinder.core.arguments import ArgumentParser
from helpfinder.core.clock import today
from helpfinder.core.surveyaggregate import aggregate
from helpfinder.data import survey
from helpfinder.data.load import load_directory
from helpfinder.data.published import SURVEY_DIR
from helpfinder.data.recordfile import write_atomically
from helpfinder.data.surveyform import workbook, xform
from helpfinder.data.territory import COMMUNES_FILE


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
        form = xform(markdown, communes)
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
    book = workbook(markdown, communes)
    try:
        rows = read_export(args.source, args.source.name)
    except survey.SurveyError as exc:
        print(f"{exc}\nRien n'a été écrit.", file=sys.stderr)
        return None
    strangers = unknown_communes(rows, (c.code_insee for c in communes))
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
        aggregate(rows, book), args.origine or args.source.name, args.synthetique, version
    )
    text = json.dumps(document, ensure_ascii=False, indent=2) + "\n"
    count = document["repondants"] if document["repondants"] is not None else "moins de 5"
    return text, str(count)
