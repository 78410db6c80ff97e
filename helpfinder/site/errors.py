"""What `make serve` shows while data/ has errors: a page listing them all, and a banner on
top of every other page with the first few, each with its file and line."""

from __future__ import annotations

from collections.abc import Callable

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


def banner(errors: list[tuple[str, str]], kept: bool) -> Callable[[str], Markup]:
    """The first errors, for the top of every page: a function of the link to the errors
    page from that page (the template is loaded once per build, not once per page)."""
    template = environment().get_template("data_errors_banner.html.j2")
    shown = {"errors": errors[:BANNER_LIMIT], "count": len(errors), "kept": kept}

    def on_page(errors_link: str) -> Markup:
        html = template.render(**shown, more=len(errors) - BANNER_LIMIT, link=errors_link)
        return Markup(html.strip())

    return on_page
