"""Command-line parsing in French: argparse, with its help, usage and errors in French.

argparse prints « usage: », « options: » and its errors in English (Python ships no French
for it); contributors read French. A bad flag still stops before anything is read or
written, with exit code 2, as argparse does.
"""

from __future__ import annotations

import argparse
import re
import sys
from typing import Any, NoReturn

# argparse's English phrases, as they appear in its output, and their French.
_PHRASES = (
    (r"^usage: ", "utilisation : "),
    (r"^options:$", "options :"),
    (r"^positional arguments:$", "arguments :"),
    (r"unrecognized arguments: ", "options inconnues : "),
    (r"the following arguments are required: ", "il manque : "),
    (
        r"argument (\S+): invalid choice: (.*) \(choose from (.*)\)",
        r"\1 : \2 n'est pas un choix possible (\3)",
    ),
    (r"argument (\S+): expected one argument", r"\1 : il faut une valeur"),
    (r"argument (\S+): invalid (\w+) value: (.*)", r"\1 : \3 n'est pas une valeur possible"),
    (r"ambiguous option: (\S+) could match (.*)", r"option ambiguë : \1 peut être \2"),
)


def french(text: str) -> str:
    for english, translated in _PHRASES:
        text = re.sub(english, translated, text, flags=re.M)
    return text


class ArgumentParser(argparse.ArgumentParser):
    """argparse's parser, speaking French: `-h`/`--help` says what it does in French."""

    def __init__(self, **kwargs: Any) -> None:
        add_help = kwargs.pop("add_help", True)
        parents = kwargs.pop("parents", [])
        super().__init__(add_help=False, **kwargs)
        if add_help:
            self.add_argument(
                "-h", "--help", action="help", help="afficher cette aide, sans rien faire d'autre"
            )
        for parent in parents:  # after -h, as argparse itself orders them
            self._add_container_actions(parent)

    def format_help(self) -> str:
        return french(super().format_help())

    def format_usage(self) -> str:
        return french(super().format_usage())

    def error(self, message: str) -> NoReturn:
        self.print_usage(sys.stderr)
        self.exit(2, f"{self.prog} : erreur : {french(message)}\n")
