"""The fixture site in a real browser: accessibility (axe-core, WCAG 2.1 A/AA), no
third-party request, readable without JavaScript, usable with the keyboard; and every
internal link resolves. The same checks run on the site of data/ (tests/test_data_site.py).

Chromium comes from Debian (/usr/bin/chromium, installed by .ci/run), axe-core from npm
(package-lock.json, installed by `make test`). Nothing here is skipped: a missing tool fails.
"""

from __future__ import annotations

from pathlib import Path

import pytest
from browser import (
    PAGE_TYPES,
    broken_references,
    check_headings,
    check_keyboard,
    check_links_resolve,
    check_no_third_party,
    check_wcag,
    check_without_javascript,
    describe_violations,
    heading_problems,
    is_allowed_request,
    page_file,
    present_page_types,
    run_axe,
    url_path,
)

page_types = pytest.mark.parametrize("page_type", list(PAGE_TYPES))


def built(site: Path, page_type: str) -> Path:
    """The built file checked for a page type; the test fails when there is none."""
    try:
        return page_file(site, page_type)
    except LookupError as error:
        pytest.fail(str(error), pytrace=False)


def locate(site: Path, base_url: str, page_type: str) -> tuple[Path, str]:
    """The built file of a page type and its URL on the test server."""
    file = built(site, page_type)
    return file, base_url.rstrip("/") + url_path(site, file)


def test_the_fixture_has_every_page_type(site):
    assert present_page_types(site) == list(PAGE_TYPES)


@page_types
def test_no_wcag_violation(site, base_url, open_page, page_type):
    check_wcag(open_page, locate(site, base_url, page_type)[1])


def test_no_wcag_violation_with_the_search_dialog_open(site, base_url, open_page):
    _, url = locate(site, base_url, "accueil")
    page = open_page(url)
    page.keyboard.press("/")  # Material's shortcut: opens the search dialog, focuses the field
    page.wait_for_selector("#__search:checked", state="attached")
    # Material searches on key events, not on fill(): fill all but the last letter, then type
    # it, so that the results are drawn once, for the whole word, before axe reads them.
    page.locator(".md-search__input").fill("aid")
    page.keyboard.type("e")
    page.wait_for_selector(".md-search-result__item")
    violations = run_axe(page)
    assert not violations, f"axe-core with search open on {url}:\n{describe_violations(violations)}"


@page_types
def test_article_headings_are_one_h1_and_no_skipped_level(site, page_type):
    check_headings(site, built(site, page_type))


@page_types
def test_no_request_to_a_third_party(site, base_url, open_page, tiles, page_type):
    file, url = locate(site, base_url, page_type)
    check_no_third_party(open_page, file, url, tiles)


@page_types
def test_content_and_links_work_without_javascript(site, base_url, open_page, page_type):
    check_without_javascript(open_page, *locate(site, base_url, page_type))


def test_every_internal_link_and_resource_resolves(site):
    check_links_resolve(site)


@page_types
def test_keyboard_skip_link_first_then_every_article_link(site, base_url, open_page, page_type):
    check_keyboard(open_page, locate(site, base_url, page_type)[1])


# --- the checks' own helpers --------------------------------------------------------------


def test_third_party_hosts_are_recognised():
    tiles = ("a.tile.openstreetmap.fr", "b.tile.openstreetmap.fr")
    assert is_allowed_request("http://127.0.0.1:8123/assets/x.js")
    assert is_allowed_request("http://localhost:8000/")
    assert is_allowed_request("data:image/svg+xml;base64,AAAA")
    assert is_allowed_request("https://b.tile.openstreetmap.fr/osmfr/1/1/1.png", tiles)
    assert not is_allowed_request("https://b.tile.openstreetmap.fr/osmfr/1/1/1.png")
    assert not is_allowed_request("https://fonts.googleapis.com/css?family=Roboto", tiles)
    assert not is_allowed_request("https://api.github.com/repos/x/y", tiles)
    assert not is_allowed_request("https://a.tile.openstreetmap.org/1/1/1.png", tiles)


def test_heading_problems_name_the_skipped_level():
    assert heading_problems([1, 2, 3, 2, 3]) == []
    assert heading_problems([1, 2, 4]) == ["h2 is followed by h4: a level is skipped"]
    assert heading_problems([2, 1]) == ["the first heading is h2, expected h1"]
    assert heading_problems([1, 1]) == ["2 h1 in the article, expected exactly 1"]


def test_broken_references_are_found(tmp_path):
    (tmp_path / "a").mkdir()
    (tmp_path / "a" / "index.html").write_text('<h1 id="titre">A</h1>', encoding="utf-8")
    (tmp_path / "index.html").write_text(
        '<a href="a/">ok</a> <a href="a/#titre">ok</a> <a href="https://ex.org/">ext</a> '
        '<a href="tel:+33100000000">tel</a> <a href="b/">missing</a> '
        '<a href="a/#nulle-part">bad id</a> <img src="../../x.png">',
        encoding="utf-8",
    )
    assert broken_references(tmp_path) == [
        ("index.html", "a", "b/", "no file b/index.html in the built site"),
        ("index.html", "a", "a/#nulle-part", "no id 'nulle-part' in a/index.html"),
        ("index.html", "img", "../../x.png", "no file x.png in the built site"),
    ]
