"""MkDocs adapter: validate `data/`, then hand MkDocs the pages generated from it.

Thin on purpose: the work is in `helpfinder` (pipeline, sitepages). Warnings (records to
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
from pathlib import Path
from typing import Literal

from markupsafe import Markup, escape
from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import Abort
from mkdocs.structure.files import File, Files
from mkdocs.structure.pages import Page
from mkdocs.structure.toc import get_toc
from mkdocs.utils import get_relative_url

from helpfinder.analysis.index import build_index
from helpfinder.core.clock import today
from helpfinder.core.problems import Problem, plural
from helpfinder.data.load import load_directory
from helpfinder.site.pages import GeneratedPage, generate_files, generate_pages

log = logging.getLogger("mkdocs.hooks.site")

ERRORS_SRC = "erreurs-des-donnees.md"
BANNER_LIMIT = 5  # problems on top of every page; the errors page lists them all


class _Build:
    """What one build knows. Replaced in on_config: `mkdocs serve` keeps this module loaded."""

    def __init__(
        self, pages: list[GeneratedPage], files: dict[str, str], titles: tuple[str, str] = ("", "")
    ) -> None:
        self.pages = {page.src: page for page in pages}
        self.files = files
        self.site_name, self.site_description = titles


_build = _Build([], {})  # the last build whose data had no error
_serving = False  # under `mkdocs serve`
_errors: list[tuple[str, str]] = []  # under `mkdocs serve`: (where, what) of each data error
_shown: dict[str, GeneratedPage] = {}  # the generated pages of this build
_listing: set[str] = set()  # those of them that list the errors: no banner on top
_errors_url = ""


def on_startup(command: Literal["build", "gh-deploy", "serve"], dirty: bool) -> None:
    global _serving
    _serving = command == "serve"


def on_config(config: MkDocsConfig) -> MkDocsConfig:
    global _build, _errors, _shown, _listing
    data_dir = Path(config.config_file_path).parent / "data"
    try:
        built = _generate(data_dir, config)
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
    if _errors:
        page = _errors_page(bool(_build.pages))
        _listing.add(ERRORS_SRC)
        if "index.md" not in _shown:  # no good build yet: the home page says what is wrong
            _listing.add("index.md")
        _shown.update((src, GeneratedPage(src, page.title, page.html)) for src in _listing)
    return config


def _generate(data_dir: Path, config: MkDocsConfig) -> _Build | list[tuple[str, str]]:
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
        return [_where_and_what(problem) for problem in report.errors]
    site = directory.territory.info.get("site") or {}
    titles = site.get("titre") or "", site.get("description") or ""
    index = build_index(directory, day)
    pages = generate_pages(index, config.use_directory_urls)
    return _Build(pages, generate_files(index, config.use_directory_urls), titles)


def _where_and_what(problem: Problem) -> tuple[str, str]:
    where = f"{problem.file}:{problem.line}" if problem.line else problem.file
    return where, problem.format()[len(where) + 1 :].strip()


def _errors_heading(kept: bool) -> str:
    count = "une erreur" if len(_errors) == 1 else f"{len(_errors)} erreurs"
    if kept:
        return f"Les données ont {count} : le site montré est le dernier qui marchait"
    return f"Les données ont {count} : les pages faites à partir de data/ ne sont pas construites"


def _problem_list(errors: list[tuple[str, str]]) -> Markup:
    items = (Markup("<li><code>{}</code> {}</li>").format(where, what) for where, what in errors)
    return Markup("<ul>{}</ul>").format(Markup("").join(items))


def _errors_page(kept: bool) -> GeneratedPage:
    html = Markup(
        '<h1 id="erreurs">{}</h1><p>Corrigez {} : la page se recharge toute seule une fois '
        "le site reconstruit. « make validate » donne la même liste.</p>{}"
    ).format(
        _errors_heading(kept),
        "ce fichier" if len(_errors) == 1 else "ces fichiers",
        _problem_list(_errors),
    )
    return GeneratedPage(ERRORS_SRC, str(escape("Erreurs dans les données")), str(html))


def _banner(page: Page) -> Markup:
    more = len(_errors) - BANNER_LIMIT
    link = get_relative_url(_errors_url, page.url)
    return Markup(
        '<div class="admonition failure" role="alert"><p class="admonition-title">{}</p>'
        '{}<p><a href="{}">{}</a></p></div>'
    ).format(
        _errors_heading(bool(_build.pages)),
        _problem_list(_errors[:BANNER_LIMIT]),
        link,
        f"Toutes les erreurs ({more} de plus)" if more > 0 else "La page des erreurs",
    )


def on_files(files: Files, config: MkDocsConfig) -> Files:
    global _errors_url
    for src in _shown:
        if files.get_file_from_path(src) is not None:
            raise Abort(f"content/{src} existe déjà : cette page est produite à partir de data/")
        files.append(File.generated(config, src, content=""))
    for src, content in _build.files.items():
        files.append(File.generated(config, src, content=content))
    if _errors:
        _errors_url = files.get_file_from_path(ERRORS_SRC).url
    return files


def on_page_markdown(markdown: str, page: Page, **_: object) -> str:
    generated = _shown.get(page.file.src_uri)
    if generated is None:
        return markdown
    page.meta.update(generated.meta)
    # Already escaped: MkDocs and Material print the title without escaping it.
    page.meta["title"] = generated.title
    return ""


def on_page_content(html: str, page: Page, **_: object) -> str:
    generated = _shown.get(page.file.src_uri)
    if generated is not None:
        page.toc = get_toc(generated.toc)
        html = generated.html
    if _errors and page.file.src_uri not in _listing:
        html = str(_banner(page) + Markup(html))
    return html
