"""`make validate`: check `data/`, print every problem, exit 1 when there is an error."""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path

from .clock import today
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
