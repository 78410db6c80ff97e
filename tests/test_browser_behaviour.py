"""What people do with the fixture site in a browser: print a sheet, filter the directory, see
whether a place is open now, search for a place by name, commune or service."""

from __future__ import annotations

import zipfile
from pathlib import Path

import pytest
from browser import is_allowed_request, pdf_pages, url_path

from conftest import TODAY, VAL_ESSAI, copy_territory
from helpfinder.data.load import load_directory

SERVICE = "Aide aux démarches administratives"


@pytest.fixture(scope="module")
def places(tmp_path_factory) -> list[dict]:
    data = copy_territory(VAL_ESSAI, tmp_path_factory.mktemp("places") / "data")
    directory, report = load_directory(data, TODAY)
    assert report.ok
    return [place.data for place in directory.places]


def test_every_place_and_commune_page_prints_on_one_a4_page(site: Path, base_url, open_page):
    files = sorted(site.glob("lieux/*/index.html")) + sorted(site.glob("communes/*/index.html"))
    assert len(files) == 9 + 7
    page = open_page(base_url)
    for file in files:
        page.goto(base_url.rstrip("/") + url_path(site, file))
        pdf = page.pdf(format="A4", print_background=True)
        assert pdf_pages(pdf) == 1, f"{url_path(site, file)} prints on {pdf_pages(pdf)} pages"


def test_printing_leaves_out_the_site_furniture(site, base_url, open_page):
    page = open_page(base_url + "lieux/france-services-val-essai/")
    page.emulate_media(media="print")
    for selector in (".md-header", ".md-sidebar--primary", ".md-footer", ".hf-edit"):
        assert not page.locator(selector).first.is_visible(), selector
    assert page.locator("h1").is_visible()


def visible_cards(page) -> list[str]:
    return page.eval_on_selector_all(
        "[data-filter-list] .hf-card:not([hidden])", "cards => cards.map(c => c.dataset.id)"
    )


def test_directory_filters_update_the_list_and_announce_it(base_url, open_page, places):
    page = open_page(base_url + "lieux/")
    assert page.locator("[data-filters]").is_visible()  # hidden until the script runs
    status = page.locator("[data-filter-status]")
    assert status.get_attribute("role") == "status"

    page.select_option("#filtre-service", SERVICE)
    expected = sorted(p["id"] for p in places if SERVICE in p["services"])
    assert sorted(visible_cards(page)) == expected
    assert status.inner_text() == f"{len(expected)} lieux correspondent."

    page.select_option("#filtre-commune", "99003")  # Bourg-d'Exemple
    expected = sorted(
        p["id"] for p in places if SERVICE in p["services"] and p["code_insee"] == "99003"
    )
    assert (
        sorted(visible_cards(page))
        == expected
        == [
            "atelier-bourg-d-exemple",
            "bus-numerique-val-essai",
        ]
    )
    # A commune none of whose places matches hides its whole group.
    assert page.locator("#commune-99001").is_hidden()

    page.select_option("#filtre-service", "Acquisition de matériel informatique à prix solidaire")
    assert visible_cards(page) == []
    assert status.inner_text() == "Aucun lieu ne correspond."

    page.select_option("#filtre-service", "")
    page.select_option("#filtre-commune", "")
    page.check("#filtre-gratuit")
    expected = sorted(p["id"] for p in places if "Gratuit" in (p.get("frais_a_charge") or []))
    assert sorted(visible_cards(page)) == expected


def test_open_now_follows_the_hours(base_url, browser):
    # Monday 30 November 2026: France services is open 8:30-12:30 (the fixture's record).
    for moment, expected in [
        ("2026-11-30T10:00:00", "Ouvert maintenant, jusqu'à 12\u00a0h\u00a030"),
        (
            "2026-11-30T14:00:00",
            "Fermé maintenant (aujourd'hui : 8\u00a0h\u00a030 – 12\u00a0h\u00a030)",
        ),
        ("2026-12-05T10:00:00", "Fermé maintenant"),  # a Saturday
    ]:
        context = browser.new_context(locale="fr-FR", timezone_id="Europe/Paris")
        try:
            page = context.new_page()
            page.clock.set_fixed_time(moment)
            page.goto(base_url + "lieux/france-services-val-essai/")
            assert page.locator(".hf-lead [data-open-status]").inner_text() == expected, moment
            page.goto(base_url + "lieux/")
            page.check("#filtre-ouvert")
            shown = visible_cards(page)
            if expected.startswith("Ouvert"):
                assert "france-services-val-essai" in shown
            else:
                assert "france-services-val-essai" not in shown
        finally:
            context.close()


@pytest.mark.parametrize(
    ("query", "expected"),
    [
        ("Épicerie", "Épicerie solidaire d'Essai"),  # name
        ("Sainte-Maquette", "Bus numérique du Val d'Essai"),  # a commune it visits
        ("démarches", "France services du Val d'Essai"),  # service
    ],
)
def test_search_finds_places_by_name_commune_and_service(base_url, open_page, query, expected):
    page = open_page(base_url)
    page.keyboard.press("/")
    page.locator(".md-search__input").fill(query[:-1])
    page.keyboard.type(query[-1])
    page.wait_for_selector(".md-search-result__item")
    titles = page.eval_on_selector_all(
        ".md-search-result__item h1, .md-search-result__item h2",
        "items => items.map(i => i.textContent.trim())",
    )
    assert any(expected in title for title in titles), titles


def test_offline_copy_works_from_the_disk(site, browser, tmp_path, tiles):
    with zipfile.ZipFile(site / "hors-ligne.zip") as archive:
        archive.extractall(tmp_path)
    context = browser.new_context(locale="fr-FR")
    try:
        requests: list[str] = []
        context.on("request", lambda request: requests.append(request.url))
        page = context.new_page()
        page.goto((tmp_path / "index.html").as_uri())
        page.get_by_role("link", name="Saint-Test").first.click()
        assert page.locator("h1").inner_text() == "Saint-Test"
        assert page.url.endswith("/communes/saint-test.html")
        page.get_by_role("link", name="Médiathèque de Saint-Test").first.click()
        assert page.locator("h1").inner_text() == "Médiathèque de Saint-Test"
        # Material's search works from the disk too (its index ships as a script).
        page.keyboard.press("/")
        page.locator(".md-search__input").fill("Saint-Tes")
        page.keyboard.type("t")
        page.wait_for_selector(".md-search-result__item")
        # The map works from the disk too: its data comes from scripts; only tiles are missing.
        page.goto((tmp_path / "carte.html").as_uri())
        page.wait_for_selector("[data-map-ready]")
        assert page.locator("[data-map-status]").inner_text() == (
            "9 lieux et 3 permanences sur la carte."
        )
        assert page.locator("[data-map-tiles-error]").is_visible()
        # From the disk, only the map tiles come from elsewhere (and fail without internet).
        outside = [u for u in requests if not u.startswith("file://")]
        assert all(is_allowed_request(u, tiles) for u in outside), outside
    finally:
        context.close()
