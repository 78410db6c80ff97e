"""MkDocs adapter: validate `data/`, then hand MkDocs the pages generated from it.

Thin on purpose: the work is in `helpfinder` (pipeline, sitepages). Warnings (records to
re-verify, outcomes no place answers) are logged at INFO so that `--strict` does not fail
on them; any data error stops the build before a page is written.
"""

from __future__ import annotations

import logging
from pathlib import Path

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import Abort
from mkdocs.structure.files import File, Files
from mkdocs.structure.pages import Page
from mkdocs.structure.toc import get_toc

from helpfinder.clock import today
from helpfinder.pipeline import load_directory
from helpfinder.problems import plural
from helpfinder.siteindex import build_index
from helpfinder.sitepages import GeneratedPage, generate_files, generate_pages

log = logging.getLogger("mkdocs.hooks.site")


class _Build:
    """What one build knows. Replaced in on_config: `mkdocs serve` keeps this module loaded."""

    def __init__(self, pages: list[GeneratedPage], files: dict[str, str]) -> None:
        self.pages = {page.src: page for page in pages}
        self.files = files


_build = _Build([], {})


def on_config(config: MkDocsConfig) -> MkDocsConfig:
    global _build
    data_dir = Path(config.config_file_path).parent / "data"
    day = today()
    directory, report = load_directory(data_dir, day)
    for problem in report.warnings:
        log.info(problem.format())
    if not report.ok:
        for problem in report.errors:
            log.error(problem.format())
        count = plural(len(report.errors), "erreur", "erreurs")
        raise Abort(f"{count} dans data/ : site non construit")
    site = directory.territory.info.get("site") or {}
    config.site_name = site.get("titre") or config.site_name
    config.site_description = site.get("description") or config.site_description
    index = build_index(directory, day)
    pages = generate_pages(index, config.use_directory_urls)
    _build = _Build(pages, generate_files(index, config.use_directory_urls))
    return config


def on_files(files: Files, config: MkDocsConfig) -> Files:
    for src in _build.pages:
        if files.get_file_from_path(src) is not None:
            raise Abort(f"content/{src} existe déjà : cette page est produite à partir de data/")
        files.append(File.generated(config, src, content=""))
    for src, content in _build.files.items():
        files.append(File.generated(config, src, content=content))
    return files


def on_page_markdown(markdown: str, page: Page, **_: object) -> str:
    generated = _build.pages.get(page.file.src_uri)
    if generated is None:
        return markdown
    page.meta.update(generated.meta)
    # Already escaped: MkDocs and Material print the title without escaping it.
    page.meta["title"] = generated.title
    return ""


def on_page_content(html: str, page: Page, **_: object) -> str:
    generated = _build.pages.get(page.file.src_uri)
    if generated is None:
        return html
    page.toc = get_toc(generated.toc)
    return generated.html
