"""Render page templates: every value from a record is escaped, every link computed here.

Autoescape is on for every template and undefined names fail the build: a typo in a
template is an error, never an empty string on a public page.
"""

from __future__ import annotations

import posixpath
import re
from html import unescape
from pathlib import Path
from typing import Any

from jinja2 import Environment, FileSystemLoader, StrictUndefined, select_autoescape
from markupsafe import escape

from helpfinder.core import display

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
    return env


def page_url(src: str, directory_urls: bool) -> str:
    """The URL MkDocs gives the page `src`: `lieux/x.md` -> `lieux/x/` (or `lieux/x.html`)."""
    stem = src.removesuffix(".md")
    if not directory_urls:
        return f"{stem}.html"
    if stem == "index":
        return ""
    return f"{stem.removesuffix('/index')}/" if stem.endswith("/index") else f"{stem}/"


def relative_url(target: str, origin: str) -> str:
    """`target` as seen from the page at `origin` (both site-relative page URLs)."""
    origin_dir = origin[:-1] if origin.endswith("/") else posixpath.dirname(origin)
    path = posixpath.relpath(target.rstrip("/") or ".", origin_dir or ".")
    if target == "" or target.endswith("/"):
        return "./" if path == "." else f"{path}/"
    return path


def render_page(
    env: Environment, template: str, src: str, directory_urls: bool, **values: Any
) -> str:
    """Render `template` for the page `src`: `link(other_src)` gives a relative link to a page,
    `asset(path)` to a file of the site (`assets/…`)."""
    here = page_url(src, directory_urls)

    def link(target_src: str, anchor: str = "") -> str:
        url = relative_url(page_url(target_src, directory_urls), here)
        return f"{url}#{anchor}" if anchor else url

    def asset(path: str) -> str:
        return relative_url(path, here)

    return env.get_template(template).render(link=link, asset=asset, **values)


def table_of_contents(html: str) -> list[dict[str, Any]]:
    """MkDocs toc tokens for the h1-h3 of `html` that carry an id, nested, names escaped.

    As for a Markdown page, the h1 comes first with the h2 as its children: Material draws
    its "skip to content" link to the first entry and lists the h1's children. `html` is
    our templates' output, where record text is escaped: a heading cannot hold `</h2>`.
    """
    root: list[dict[str, Any]] = []
    open_levels: list[dict[str, Any]] = []
    for level, anchor, inner in _HEADING.findall(html):
        text = unescape(_TAG.sub("", inner))
        token = {
            "level": int(level),
            "id": anchor,
            "name": str(escape(" ".join(text.split()))),
            "children": [],
        }
        while open_levels and open_levels[-1]["level"] >= token["level"]:
            open_levels.pop()
        (open_levels[-1]["children"] if open_levels else root).append(token)
        open_levels.append(token)
    return root


_HEADING = re.compile(r'<h([123]) id="([^"]+)"[^>]*>(.*?)</h\1>', re.S)
_TAG = re.compile(r"<[^>]+>")
