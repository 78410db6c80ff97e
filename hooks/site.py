"""MkDocs adapter: validate `data/`, then hand MkDocs the pages the package generated.

The package (`helpfinder`) knows no site generator: it gives pages as a route, a plain
title, an HTML body, headings and search hints. This file, and only it, turns them into
MkDocs pages: a `<route>.md` source, the title escaped (MkDocs and Material print it raw),
a table of contents from the headings, Material's search meta. Warnings (records to
re-verify, outcomes no place answers) are logged at INFO so that `--strict` does not fail
on them; any data error stops the build before a page is written.

Under `mkdocs serve` (`make serve`) a data error does not stop anything: a failed rebuild
would leave every request waiting (MkDocs serves nothing until a rebuild succeeds). The
site served stays the last one that built, every page topped by the errors, each with its
file and line, and a page lists them all; once they are fixed, the next rebuild shows the
site again.
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from pathlib import Path
from typing import Any, Literal

from markupsafe import Markup, escape
from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import Abort
from mkdocs.structure.files import File, Files
from mkdocs.structure.pages import Page as MkDocsPage
from mkdocs.structure.toc import get_toc
from mkdocs.utils import get_relative_url

from helpfinder.analysis.index import build_index
from helpfinder.core.clock import today
from helpfinder.core.problems import plural
from helpfinder.data.load import load_directory
from helpfinder.site import errors as data_errors
from helpfinder.site.page import Heading, Page
from helpfinder.site.pages import generate_files, generate_pages
from helpfinder.site.routes import page_url

log = logging.getLogger("mkdocs.hooks.site")


class _Build:
    """What one build made. Kept across rebuilds: `mkdocs serve` keeps this module loaded,
    so everything per build is replaced in on_config, never accumulated."""

    def __init__(self, pages: list[Page], files: dict[str, str], titles: tuple[str, str]) -> None:
        self.pages = {source_of(page.route): page for page in pages}
        self.files = files
        self.site_name, self.site_description = titles


_build = _Build([], {}, ("", ""))  # the last build whose data had no error
_serving = False  # under `mkdocs serve`
_errors: list[tuple[str, str]] = []  # under `mkdocs serve`: (where, what) of each data error
_shown: dict[str, Page] = {}  # the pages handed to MkDocs this build, by source path
_listing: set[str] = set()  # those of them that list the errors: no banner on top
_errors_url = ""
_banner: Callable[[str], Markup] | None = None  # under `mkdocs serve`, while data/ has errors


def source_of(route: str) -> str:
    """The source path MkDocs knows a page by."""
    return f"{route}.md"


def on_startup(command: Literal["build", "gh-deploy", "serve"], dirty: bool) -> None:
    global _serving
    _serving = command == "serve"


def on_config(config: MkDocsConfig) -> MkDocsConfig:
    global _build, _errors, _shown, _listing, _banner
    data_dir = Path(config.config_file_path).parent / "data"
    try:
        built = _generate(data_dir, config.use_directory_urls)
    except Exception as error:
        if not _serving:
            raise
        log.exception("Erreur du générateur : le site servi est le dernier qui marchait")
        built = [("hooks/site.py", f"erreur du générateur : {type(error).__name__}: {error}")]
    if isinstance(built, _Build):
        _build, _errors = built, []
    else:
        _errors = built
    config.site_name = _build.site_name or config.site_name
    config.site_description = _build.site_description or config.site_description
    _shown, _listing = dict(_build.pages), set()
    _banner = data_errors.banner(_errors, kept=bool(_build.pages)) if _errors else None
    if _errors:
        page = data_errors.errors_page(_errors, kept=bool(_build.pages))
        _listing.add(source_of(page.route))
        if source_of("index") not in _shown:  # no good build yet: the home page says it
            _listing.add(source_of("index"))
        _shown.update((source, page) for source in _listing)
    return config


def _generate(data_dir: Path, directory_urls: bool) -> _Build | list[tuple[str, str]]:
    """The pages of `data_dir`; under `mkdocs serve`, the errors instead if it has any."""
    day = today()
    directory, report = load_directory(data_dir, day)
    for problem in report.warnings:
        log.info(problem.format())
    if not report.ok:
        for problem in report.errors:
            log.error(problem.format())
        count = plural(len(report.errors), "erreur", "erreurs")
        if not _serving:
            raise Abort(f"{count} dans data/ : site non construit")
        kept = "le site servi est le dernier qui marchait" if _build.pages else "site non construit"
        log.error(f"{count} dans data/ : {kept}, avec les erreurs en tête de chaque page")
        return [data_errors.where_and_what(problem) for problem in report.errors]
    site = directory.territory.info.get("site") or {}
    titles = site.get("titre") or "", site.get("description") or ""
    index = build_index(directory, day)
    pages = generate_pages(index, directory_urls)
    return _Build(pages, generate_files(index, directory_urls), titles)


def on_files(files: Files, config: MkDocsConfig) -> Files:
    global _errors_url
    for source in _shown:
        if files.get_file_from_path(source) is not None:
            raise Abort(f"content/{source} existe déjà : cette page est produite à partir de data/")
        file = File.generated(config, source, content="")
        # The package wrote its links for this URL: MkDocs must serve the page there.
        expected = page_url(source.removesuffix(".md"), config.use_directory_urls) or "./"
        if file.url != expected:
            raise Abort(f"{source} : servie à '{file.url}' au lieu de '{expected}'")
        files.append(file)
    for path, content in _build.files.items():
        files.append(File.generated(config, path, content=content))
    if _errors:
        _errors_url = page_url(data_errors.ROUTE, config.use_directory_urls)
    return files


def on_page_content(html: str, page: MkDocsPage, **_: object) -> str:
    generated = _shown.get(page.file.src_uri)
    if generated is not None:
        page.meta["title"] = str(escape(generated.title))  # MkDocs prints titles raw
        page.meta.update(_search_meta(generated))
        page.toc = get_toc(_toc_tokens(generated.headings))
        html = generated.html
    if _banner is not None and page.file.src_uri not in _listing:
        html = str(_banner(get_relative_url(_errors_url, page.url)) + Markup(html))
    return html


def _search_meta(page: Page) -> dict[str, Any]:
    """Material's search settings of a page (its front matter `search:` key)."""
    if page.search.exclude:
        return {"search": {"exclude": True}}
    if page.search.boost is not None:
        return {"search": {"boost": page.search.boost}}
    return {}


def _toc_tokens(headings: tuple[Heading, ...]) -> list[Any]:
    """MkDocs's table-of-contents tokens, nested, names escaped. As for a Markdown page, the
    h1 comes first with the h2 as its children: Material draws its "skip to content" link to
    the first entry and lists the h1's children."""
    root: list[dict[str, Any]] = []
    open_levels: list[dict[str, Any]] = []
    for heading in headings:
        token = {
            "level": heading.level,
            "id": heading.id,
            "name": str(escape(heading.text)),
            "children": [],
        }
        while open_levels and open_levels[-1]["level"] >= token["level"]:
            open_levels.pop()
        (open_levels[-1]["children"] if open_levels else root).append(token)
        open_levels.append(token)
    return root
