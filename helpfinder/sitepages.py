"""Generate every page of the site from the directory: the "generate" step, in memory.

Each page is finished HTML plus an escaped title and a table of contents. The MkDocs hook
hands them to MkDocs as generated files; nothing here writes a file or imports MkDocs.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from typing import Any

from markupsafe import escape

from . import views
from .pipeline import Directory
from .render import environment, render_page, table_of_contents
from .siteindex import SiteIndex, build_index

CONTRIBUTING_SRC = "contribuer.md"
DIRECTORY_SRC = "lieux/index.md"


@dataclass(frozen=True)
class GeneratedPage:
    """One page: where it goes, its title (already HTML-escaped: MkDocs prints it raw)."""

    src: str
    title: str
    html: str
    toc: list[dict[str, Any]] = field(default_factory=list)
    # The record the page shows, for "modifier" links and `edit_uri` (None: no single file).
    source_file: str | None = None


def generate_pages(
    directory: Directory, today: dt.date, directory_urls: bool
) -> list[GeneratedPage]:
    """All generated pages, in a stable order."""
    index = build_index(directory, today)
    env = environment()
    common = {"recours": views.national_line(index), "contribuer": CONTRIBUTING_SRC}

    def page(
        template: str, src: str, title: str, source_file: str | None = None, **values: Any
    ) -> GeneratedPage:
        html = render_page(env, template, src, directory_urls, **common, **values)
        return GeneratedPage(src, str(escape(title)), html, table_of_contents(html), source_file)

    home = views.home_view(index)
    pages = [page("home.html.j2", "index.md", home["titre"] or "Accueil", v=home)]
    pages.append(
        page("directory.html.j2", DIRECTORY_SRC, "Tous les lieux", v=views.directory_view(index))
    )
    for commune in index.communes:
        view = views.commune_view(index, commune)
        src = views.commune_src(index, commune.code_insee)
        pages.append(page("commune.html.j2", src, commune.nom, v=view))
    for place in index.places:
        view = views.place_view(index, place, edit_url(index, place.file))
        title = view["nom"]
        pages.append(page("place.html.j2", views.place_src(place), title, place.file, v=view))
    for pathway in index.directory.pathways:
        view = views.pathway_view(index, pathway)
        pages.append(
            page("pathway.html.j2", views.pathway_src(pathway), view["titre"], pathway.file, v=view)
        )
    return pages


def edit_url(index: SiteIndex, source_file: str) -> str | None:
    """The repository's web-editor address for `source_file`, when a repository is set."""
    site = index.territory.get("site") or {}
    repository = site.get("depot")
    if not repository:
        return None
    return f"{repository.rstrip('/')}/{site.get('modifier') or 'edit/main/'}{source_file}"
