"""MkDocs adapter: validate `data/` before anything is built, and stop on any data error.

Thin on purpose: the work is in `helpfinder.pipeline`. Warnings (records to re-verify,
outcomes no place answers) are logged at INFO so that `--strict` does not fail on them.
"""

from __future__ import annotations

import logging
from pathlib import Path

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import Abort

from helpfinder.clock import today
from helpfinder.pipeline import load_directory
from helpfinder.problems import plural

log = logging.getLogger("mkdocs.hooks.data")


def on_config(config: MkDocsConfig) -> MkDocsConfig:
    data_dir = Path(config.config_file_path).parent / "data"
    _, report = load_directory(data_dir, today())
    for problem in report.warnings:
        log.info(problem.format())
    if not report.ok:
        for problem in report.errors:
            log.error(problem.format())
        count = plural(len(report.errors), "erreur", "erreurs")
        raise Abort(f"{count} dans data/ : site non construit")
    return config
