"""The commands that check and report on `data/`: `make validate` (check `data/`, print every
problem, exit 1 when there is an error), `make import` and `make a-verifier`.

`make nouveau-lieu`, `make nouveau-parcours` are in newrecordcli.py, `make enquete` in
surveycli.py."""

from __future__ import annotations

import sys
from pathlib import Path

from helpfinder.analysis.freshness import format_to_check, records_to_check
from helpfinder.contrib.reportformats import FORMATS, format_report
from helpfinder.core.arguments import ArgumentParser
from helpfinder.core.clock import today
from helpfinder.data.load import load_directory
from helpfinder.opendata.importer import ImportRefused, import_places
from helpfinder.opendata.importresult import format_result


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
