"""A territory at département scale (300 communes in one département, 400 places), built
and looked at on a phone: no click that offers a single choice, the communes from A to Z
with a filter, the places commune by commune, counters that count what they say, and pages
a phone can get through."""

from __future__ import annotations

import re
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest
from browser import build_site_of, check_links_resolve, map_page, serve

from conftest import ROOT

sys.path.insert(0, str(ROOT / "scripts"))
import bench_site

COMMUNES, PLACES = 300, 400
PHONE = {"width": 390, "height": 844}
BIG_LINKS = re.compile(r'<ul class="hf-big-links[^"]*">(.*?)</ul>', re.S)


@pytest.fixture(scope="module")
def large_site(tmp_path_factory: pytest.TempPathFactory) -> Path:
    root = tmp_path_factory.mktemp("departement")
    data = root / "territory"
    bench_site.write_territory(data, COMMUNES, PLACES, 1)
    return build_site_of(data, root / "project")


@pytest.fixture(scope="module")
def large_url(large_site: Path) -> Iterator[str]:
    with serve(large_site) as url:
        yield url


def test_no_list_of_choices_offers_a_single_one(large_site):
    for page in sorted(large_site.rglob("*.html")):
        for links in BIG_LINKS.findall(page.read_text(encoding="utf-8")):
            assert links.count("<li") != 1, page.relative_to(large_site)


def test_the_home_page_leads_straight_to_the_communes_by_their_initial(large_site):
    home = (large_site / "index.html").read_text(encoding="utf-8")
    letters = re.findall(r'href="departements/01/#lettre-([a-z])">', home)
    assert len(letters) >= 20
    departement = (large_site / "departements" / "01" / "index.html").read_text(encoding="utf-8")
    for letter in letters:
        assert f'id="lettre-{letter}"' in departement
    assert departement.count("data-name-item") == COMMUNES
    assert '<h1 id="titre">Département de démonstration 01</h1>' in departement


def test_every_place_is_listed_commune_by_commune_once(large_site):
    pages = sorted((large_site / "departements" / "01" / "lieux").glob("*/index.html"))
    assert len(pages) >= 20  # one page per letter: none grows with the directory
    listed = re.findall(
        r'<li><a href="../../../../lieux/(lieu-demo-\d+)/">',
        "".join(p.read_text(encoding="utf-8") for p in pages),
    )
    assert sorted(listed) == [f"lieu-demo-{n:05d}" for n in range(PLACES)]
    assert "400 lieux" in (large_site / "lieux" / "index.html").read_text(encoding="utf-8")


def test_every_internal_link_resolves(large_site):
    check_links_resolve(large_site)


def test_pages_a_phone_can_get_through(large_site, large_url, browser):
    """Measured on a 390 x 844 phone without JavaScript: the pages that grow with the
    territory stay within a few screens (the A–Z index is on the first one)."""
    context = browser.new_context(viewport=PHONE, java_script_enabled=False, locale="fr-FR")
    page = context.new_page()
    screens = {}
    for path in ("", "lieux/", "departements/01/", "departements/01/lieux/l/"):
        page.goto(large_url + path)
        screens[path] = page.evaluate("document.documentElement.scrollHeight") / PHONE["height"]
    context.close()
    assert screens[""] <= 3 and screens["lieux/"] <= 4, screens
    assert max(screens.values()) <= 20, screens


def test_the_filter_keeps_the_communes_that_hold_what_is_typed(large_url, open_page):
    page = open_page(large_url + "departements/01/")
    field = page.get_by_label("Trouver ma commune")
    name = page.locator("[data-name-item]").nth(7).get_attribute("data-name")
    field.fill(name.upper().replace("-", " "))  # capitals and spaces for hyphens
    shown = page.locator("[data-name-item]:not([hidden])")
    assert name in shown.all_inner_texts()[0]
    status = page.locator("[data-name-filter-status]")
    assert re.fullmatch(r"(1 commune correspond|\d+ communes correspondent)\.", status.inner_text())
    field.fill("zzzz")
    assert status.inner_text() == "Aucune commune ne correspond."
    assert page.locator("[data-letter-group]:not([hidden])").count() == 0


def test_the_map_counts_places_as_places(large_url, browser):
    with map_page(browser, large_url) as page:
        assert page.locator("[data-map-status]").inner_text() == "400 lieux sur la carte."
