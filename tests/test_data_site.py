"""What data/ must give: its site builds (on the real day, as `make build` does), and every
page type it has passes the checks of the fixture site (tests/test_browser.py): WCAG 2.1
A/AA, no third-party request but the map tiles it configures, content and links without
JavaScript, keyboard, one h1, every internal link resolves.

These tests read data/ on purpose and hold for any territory: they name no place, no
commune and no pathway. The checks of what the generator does are on the fixtures.
"""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from browser import (
    build_site_of,
    check_headings,
    check_keyboard,
    check_links_resolve,
    check_no_third_party,
    check_wcag,
    check_without_javascript,
    page_file,
    present_page_types,
    serve,
    tile_hosts_of,
    url_path,
)

from conftest import ROOT

DATA = ROOT / "data"


@pytest.fixture(scope="module")
def data_site(tmp_path_factory: pytest.TempPathFactory) -> Path:
    try:
        return build_site_of(DATA, tmp_path_factory.mktemp("data-site"), real_day=True)
    except RuntimeError as error:
        pytest.fail(str(error), pytrace=False)


@pytest.fixture(scope="module")
def data_url(data_site: Path) -> Iterator[str]:
    with serve(data_site) as url:
        yield url.rstrip("/")


@pytest.fixture(scope="module")
def pages(data_site: Path) -> list[tuple[str, Path]]:
    """(page type, built file) for every page type the site of data/ has."""
    try:
        return [(kind, page_file(data_site, kind)) for kind in present_page_types(data_site)]
    except LookupError as error:
        pytest.fail(str(error), pytrace=False)


def test_no_wcag_violation_on_any_page_type(data_site, data_url, pages, open_page):
    for _, file in pages:
        check_wcag(open_page, data_url + url_path(data_site, file))


def test_one_h1_and_no_skipped_heading_level(data_site, pages):
    for _, file in pages:
        check_headings(data_site, file)


def test_no_request_to_a_third_party_but_the_tiles(data_site, data_url, pages, open_page):
    tiles = tile_hosts_of(DATA)
    for _, file in pages:
        check_no_third_party(open_page, file, data_url + url_path(data_site, file), tiles)


def test_content_and_links_work_without_javascript(data_site, data_url, pages, open_page):
    for _, file in pages:
        check_without_javascript(open_page, file, data_url + url_path(data_site, file))


def test_keyboard_reaches_every_article_link(data_site, data_url, pages, open_page):
    for _, file in pages:
        check_keyboard(open_page, data_url + url_path(data_site, file))


def test_every_internal_link_and_resource_resolves(data_site):
    check_links_resolve(data_site)
