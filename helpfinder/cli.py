"""`make validate`: check `data/`, print every problem, exit 1 when there is an error."""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path

from .clock import today
from .importer import ImportRefused, format_result, import_places
from .pipeline import load_directory
from .problems import Report


def format_report(report: Report, style: str = "texte") -> str:
    """The report as people read it (`texte`) or as tools read it (`json`)."""
    if style == "json":
        problems = [p.as_dict() for p in [*report.errors, *report.warnings]]
        return json.dumps(
            {
                "erreurs": len(report.errors),
                "avertissements": len(report.warnings),
                "problemes": problems,
            },
            ensure_ascii=False,
            indent=2,
        )
    lines = [p.format() for p in report.errors]
    lines += [p.format() for p in report.warnings]
    lines.append(report.summary())
    return "\n".join(lines)


def validate_main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(
        prog="validate",
        description="Vérifie les fiches de data/ : lieux, parcours, communes.",
    )
    parser.add_argument("--data", type=Path, default=Path("data"), help="dossier des données")
    parser.add_argument(
        "--format", choices=("texte", "json"), default="texte", help="présentation du rapport"
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
            f"{len(directory.territory.communes)} communes : données valides"
        )
    return 0 if report.ok else 1


def import_main(argv: list[str] | None = None) -> int:
    """`make import SOURCE=…`: 0 when every row of the territory went in or was skipped for
    a reason, 1 when some rows have errors, 2 when nothing could be imported."""
    parser = argparse.ArgumentParser(
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
