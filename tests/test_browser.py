"""The real site in a real browser: accessibility (axe-core, WCAG 2.1 A/AA), no third-party
request, readable without JavaScript, usable with the keyboard; and every internal link resolves.

Chromium comes from Debian (/usr/bin/chromium, installed by .ci/run), axe-core from npm
(package-lock.json, installed by `make test`). Nothing here is skipped: a missing tool fails.
"""

from __future__ import annotations

from pathlib import Path

import pytest
from browser import (
    PAGE_TYPES,
    broken_references,
    describe_violations,
    heading_problems,
    is_allowed_request,
    page_file,
    parse_page,
    run_axe,
    url_path,
)

SKIP_LINK_TEXT = "Aller au contenu"  # Material's "action.skip" in French
GOOGLE_FONTS = ("fonts.googleapis.com", "fonts.gstatic.com")
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


# --- accessibility ------------------------------------------------------------------------


@page_types
def test_no_wcag_violation(site, base_url, open_page, page_type):
    _, url = locate(site, base_url, page_type)
    page = open_page(url)
    violations = run_axe(page)
    assert not violations, f"axe-core, WCAG 2.1 A/AA, on {url}:\n{describe_violations(violations)}"


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
    file = built(site, page_type)
    levels = parse_page(file).article_headings
    problems = heading_problems(levels)
    assert not problems, f"{file.relative_to(site)}: headings {levels}: {'; '.join(problems)}"


# --- privacy: nothing is requested from a third party ------------------------------------


@page_types
def test_no_request_to_a_third_party(site, base_url, open_page, page_type):
    file, url = locate(site, base_url, page_type)
    requested: list[str] = []
    open_page(url, wait="networkidle", on_request=lambda request: requested.append(request.url))
    assert requested, f"no request recorded for {url}"
    html = file.read_text(encoding="utf-8")
    fonts = [u for u in requested if any(host in u for host in GOOGLE_FONTS)]
    assert not fonts, f"{url} requested Google Fonts: {fonts}"
    assert not any(host in html for host in GOOGLE_FONTS), f"{file.name} names Google Fonts"
    third_party = sorted({u for u in requested if not is_allowed_request(u)})
    assert not third_party, f"{url} requested from third parties:\n" + "\n".join(third_party)


# --- without JavaScript -------------------------------------------------------------------


@page_types
def test_content_and_links_work_without_javascript(site, base_url, open_page, page_type):
    file, url = locate(site, base_url, page_type)
    page = open_page(url, javascript=False)
    assert page.locator("main .md-content").inner_text().strip(), f"{url}: empty main content"
    h1 = page.locator("article h1")
    assert h1.count() == 1, f"{url}: {h1.count()} h1 in the article"
    assert h1.is_visible(), f"{url}: the h1 is not visible without JavaScript"
    shown: dict[str, bool] = {}
    for link in page.locator("article a[href]").all():
        href = link.get_attribute("href") or ""
        shown[href] = shown.get(href, False) or link.is_visible()
    expected = parse_page(file).article_links
    missing = [href for href in expected if href not in shown]
    hidden = [href for href in expected if href in shown and not shown[href]]
    assert not missing, f"{url}: links of the HTML missing without JavaScript: {missing}"
    assert not hidden, f"{url}: links hidden without JavaScript: {hidden}"


def test_every_internal_link_and_resource_resolves(site):
    problems = broken_references(site)
    by_reason: dict[str, list[str]] = {}  # one missing file is often linked from every page
    for page, tag, reference, reason in problems:
        by_reason.setdefault(reason, []).append(f"{page} <{tag}> {reference!r}")
    summary = [
        f"{reason}: {len(found)} reference(s): {'; '.join(found[:3])}{' …' if len(found) > 3 else ''}"
        for reason, found in by_reason.items()
    ]
    assert not problems, f"{len(problems)} broken reference(s):\n" + "\n".join(summary)


# --- keyboard -----------------------------------------------------------------------------

MARK_ARTICLE_LINKS = """() => {
  // Links that are not drawn (such as Leaflet's layer-menu toggle when the menu is open)
  // cannot be reached and need not be.
  const links = [...document.querySelectorAll('article a[href]')].filter((a) => a.getClientRects().length);
  links.forEach((link, index) => { link.dataset.keyboardIndex = String(index); });
  const focusable = document.querySelectorAll('a[href], button, input, select, textarea, [tabindex]');
  return {hrefs: links.map((link) => link.getAttribute('href')), focusable: focusable.length};
}"""
ACTIVE = """() => {
  const element = document.activeElement;
  if (!element || element === document.body) return null;
  return {
    index: element.dataset.keyboardIndex ?? null,
    skip: element.classList.contains('md-skip'),
    text: element.textContent.trim(),
    href: element.getAttribute('href'),
  };
}"""


@page_types
def test_keyboard_skip_link_first_then_every_article_link(site, base_url, open_page, page_type):
    _, url = locate(site, base_url, page_type)
    page = open_page(url)
    marked = page.evaluate(MARK_ARTICLE_LINKS)
    page.keyboard.press("Tab")
    first = page.evaluate(ACTIVE)
    assert first and first["skip"] and first["text"] == SKIP_LINK_TEXT, (
        f"{url}: the first Tab focuses {first}, not the « {SKIP_LINK_TEXT} » link "
        "(Material draws it only for a page whose table of contents has an entry)"
    )
    target = (first["href"] or "").removeprefix("#")
    assert page.evaluate("(id) => !!document.getElementById(decodeURIComponent(id))", target), (
        f"{url}: the skip link points to {first['href']!r}, which is not on the page"
    )
    wanted = set(range(len(marked["hrefs"])))
    reached: set[int] = set()
    for _ in range(marked["focusable"] + 10):
        if reached >= wanted:
            break
        page.keyboard.press("Tab")
        active = page.evaluate(ACTIVE)
        if active and active["index"] is not None:
            reached.add(int(active["index"]))
    unreached = [marked["hrefs"][index] for index in sorted(wanted - reached)]
    assert not unreached, f"{url}: Tab never reaches these article links: {unreached}"


# --- the checks' own helpers --------------------------------------------------------------


def test_third_party_hosts_are_recognised():
    assert is_allowed_request("http://127.0.0.1:8123/assets/x.js")
    assert is_allowed_request("http://localhost:8000/")
    assert is_allowed_request("data:image/svg+xml;base64,AAAA")
    assert not is_allowed_request("https://fonts.googleapis.com/css?family=Roboto")
    assert not is_allowed_request("https://api.github.com/repos/x/y")
    assert not is_allowed_request("https://a.tile.openstreetmap.org/1/1/1.png")


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
