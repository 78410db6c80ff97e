"""A finished page, in no site generator's terms: its route, its title as plain text, its
HTML body, its headings and what search should do with it. `hooks/` turns it into a page of
whichever generator builds the site (escaping, table of contents, search meta)."""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from html import unescape


@dataclass(frozen=True)
class Heading:
    """A heading of the body with an anchor: level 1 to 3, its id, its text (plain)."""

    level: int
    id: str
    text: str


@dataclass(frozen=True)
class SearchHints:
    """How the site's search treats a page: left out, or ranked above others."""

    exclude: bool = False
    boost: float | None = None


@dataclass(frozen=True)
class Page:
    route: str  # see site.routes: `lieux/x`, `index`
    title: str  # plain text: whoever prints it escapes it
    html: str  # the body, every value from data/ escaped by the templates
    headings: tuple[Heading, ...] = ()
    search: SearchHints = field(default_factory=SearchHints)


def headings_of(html: str) -> tuple[Heading, ...]:
    """The h1-h3 of `html` that carry an id, in order, their text without tags. `html` is our
    templates' output, where record text is escaped: a heading cannot hold `</h2>`."""
    return tuple(
        Heading(int(level), anchor, " ".join(unescape(_TAG.sub("", inner)).split()))
        for level, anchor, inner in _HEADING.findall(html)
    )


_HEADING = re.compile(r'<h([123]) id="([^"]+)"[^>]*>(.*?)</h\1>', re.S)
_TAG = re.compile(r"<[^>]+>")
