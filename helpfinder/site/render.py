"""Render page templates: every value from a record is escaped, every link computed here.

Autoescape is on for every template and undefined names fail the build: a typo in a
template is an error, never an empty string on a public page.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from jinja2 import Environment, FileSystemLoader, StrictUndefined, select_autoescape

from helpfinder.core import display
from helpfinder.site import routes
from helpfinder.site.routes import page_url, relative_url

TEMPLATES = Path(__file__).parent / "templates"


def environment() -> Environment:
    env = Environment(
        loader=FileSystemLoader(TEMPLATES),
        autoescape=select_autoescape(default=True, default_for_string=True),
        undefined=StrictUndefined,
        trim_blocks=True,
        lstrip_blocks=True,
        keep_trailing_newline=True,
    )
    # `à` and `de` before a commune's name, as French contracts them (aux Épreuves, d'Eu).
    env.filters["a_commune"] = display.in_place
    env.filters["de_commune"] = display.of_place
    # Pages link to each other by the routes of site/routes.py (`link(routes.MAP)`), never
    # by a path written again in a template.
    env.globals["routes"] = routes
    return env


def render_page(
    env: Environment, template: str, route: str, directory_urls: bool, **values: Any
) -> str:
    """Render `template` for the page at `route`: `link(other_route)` gives a relative link to
    a page, `asset(path)` to a file of the site (`assets/…`, `donnees/…`)."""
    here = page_url(route, directory_urls)

    def link(target: str, anchor: str = "") -> str:
        url = relative_url(page_url(target, directory_urls), here)
        return f"{url}#{anchor}" if anchor else url

    def asset(path: str) -> str:
        return relative_url(path, here)

    return env.get_template(template).render(link=link, asset=asset, **values)
