"""What `make serve` shows while data/ has errors: a page listing them all, and a banner on
top of every other page with the first few, each with its file and line."""

from __future__ import annotations

from markupsafe import Markup

from helpfinder.core.problems import Problem
from helpfinder.site.page import Page, headings_of
from helpfinder.site.render import environment

ROUTE = "erreurs-des-donnees"
TITLE = "Erreurs dans les données"
BANNER_LIMIT = 5  # problems on top of every page; the errors page lists them all


def where_and_what(problem: Problem) -> tuple[str, str]:
    """`file:line` and the rest of the problem's message."""
    where = f"{problem.file}:{problem.line}" if problem.line else problem.file
    return where, problem.format()[len(where) + 1 :].strip()


def errors_page(errors: list[tuple[str, str]], kept: bool) -> Page:
    """Every error; `kept`: the site shown is the last one that built (else, none has yet)."""
    html = (
        environment().get_template("data_errors.html.j2").render(errors=errors, kept=kept).strip()
    )
    return Page(ROUTE, TITLE, html, headings_of(html))


def banner(errors: list[tuple[str, str]], kept: bool, errors_link: str) -> Markup:
    """The first errors, for the top of a page; `errors_link` leads to the errors page."""
    template = environment().get_template("data_errors_banner.html.j2")
    return Markup(
        template.render(
            errors=errors[:BANNER_LIMIT],
            count=len(errors),
            more=len(errors) - BANNER_LIMIT,
            kept=kept,
            link=errors_link,
        ).strip()
    )
