"""The map: its data files, its page (small, no CDN, stable ids) and how it behaves."""

from __future__ import annotations

import json
import re

from browser import map_page

from conftest import TODAY, VAL_ESSAI, copy_territory
from helpfinder.data.load import load_directory
from helpfinder.site.mapview import map_script, tile_hosts, tile_settings

CDN_WORDS = (
    "cdn.",
    "jsdelivr",
    "unpkg",
    "cdnjs",
    "jquery",
    "bootstrap",
    "font-awesome",
    "fontawesome",
)


def test_map_data_files_hold_every_place_and_permanence(site, tmp_path):
    directory, _ = load_directory(copy_territory(VAL_ESSAI, tmp_path / "data"), TODAY)
    places = json.loads((site / "donnees" / "carte-lieux.geojson").read_text(encoding="utf-8"))
    stops = sum(len(p.data.get("permanences") or []) for p in directory.places)
    assert len(places["features"]) == len(directory.places) + stops
    first = places["features"][0]
    assert first["geometry"]["type"] == "Point"
    assert (site / first["properties"]["url"] / "index.html").is_file()
    communes = json.loads((site / "donnees" / "carte-communes.geojson").read_text(encoding="utf-8"))
    assert len(communes["features"]) == 7
    town = next(f for f in communes["features"] if f["properties"]["code"] == "99001")
    # Two IRIS: both scores are kept, the commune is shaded by their plain mean.
    assert [s["iris"] for s in town["properties"]["scores"]] == ["Sud", "Nord"]
    scores = [s["score"] for s in town["properties"]["scores"]]
    assert town["properties"]["score"] == round(sum(scores) / 2)


def test_map_page_is_small_loads_no_cdn_and_has_stable_ids(site):
    html = (site / "carte" / "index.html").read_text(encoding="utf-8")
    assert len(html.encode()) < 50_000
    lowered = html.lower()
    assert not [word for word in CDN_WORDS if word in lowered]
    assert 'id="map_carte"' in html and "var map_carte = L.map(" in html
    assert not re.search(r"[0-9a-f]{32}", html)  # folium's random ids are gone
    assert '"places": "../donnees/carte-lieux.geojson"' in html


def test_map_script_escapes_what_it_hands_over():
    script = map_script("x", [45.0, 4.0], 10, tile_settings({}), {"nom": "</script><script>"})
    assert "</script>" not in script
    assert "var map_x = L.map(" in script


def test_tile_provider_is_configurable():
    settings = tile_settings(
        {"carte": {"tuiles": "https://data.geopf.fr/wmts?x={x}&y={y}&z={z}", "attribution": "IGN"}}
    )
    assert tile_hosts(settings) == ["data.geopf.fr"]
    assert settings["attribution"] == "IGN"
    assert tile_hosts(tile_settings({})) == [f"{s}.tile.openstreetmap.fr" for s in "abc"]


def test_map_filter_keeps_the_map_and_the_list_in_step(base_url, open_page, browser):
    with map_page(browser, base_url) as page:
        assert page.locator("[data-map-tiles-error]").is_visible()  # tiles failed: it says so
        status = page.locator("[data-map-status]")
        # Places and permanences are counted apart: 9 places, and the bus's 3 permanences.
        assert status.inner_text() == "9 lieux et 3 permanences sur la carte."
        page.select_option("[data-map-filter]", "Insertion professionnelle via le numérique")
        shown = page.eval_on_selector_all("[data-map-list] li:not([hidden])", "l => l.length")
        assert status.inner_text() == "3 lieux sur la carte." and shown == 3
        page.select_option("[data-map-filter]", "Aide aux démarches administratives")
        assert status.inner_text() == "5 lieux et 3 permanences sur la carte."
        # Markers are keyboard-reachable buttons with a name.
        page.select_option("[data-map-filter]", "")
        page.locator(".leaflet-control-zoom-in").click()
        page.wait_for_timeout(400)
        marker = page.locator(".hf-marker[tabindex='0']").first
        assert marker.get_attribute("aria-label")
        marker.focus()
        page.keyboard.press("Enter")
        popup = page.locator(".leaflet-popup-content .hf-popup__title a")
        assert popup.inner_text() in marker.get_attribute("aria-label")


def test_without_javascript_the_map_page_points_to_the_list(base_url, open_page):
    page = open_page(base_url + "carte/", javascript=False)
    assert "La carte a besoin de JavaScript" in page.locator("noscript p").inner_text()
    assert page.locator("noscript p").is_visible()
    # The list under the map: each place in its commune, each permanence in the commune
    # it visits (9 places, the bus's 3 permanences).
    assert page.locator("[data-map-list] a").count() == 9 + 3
    assert page.locator("[data-map-list] li", has_text="(permanence").count() == 3


def test_tile_settings_are_checked_in_the_territory_file(data_dir):
    path = data_dir / "territoire.yml"
    text = path.read_text(encoding="utf-8")
    start = text.index("carte:\n")
    text = text[:start] + text[text.index("departements:", start) :]  # the fixture's own
    ign = (
        "carte:\n  tuiles: https://data.geopf.fr/wmts?z={z}&x={x}&y={y}\n"
        "  attribution: IGN Géoplateforme\n  zoom_max: 19\n"
    )
    path.write_text(text + ign, encoding="utf-8")
    directory, report = load_directory(data_dir, TODAY)
    assert report.ok, [p.format() for p in report.errors]
    settings = tile_settings(directory.territory.info)
    assert (settings["zoom_max"], tile_hosts(settings)) == (19, ["data.geopf.fr"])
    path.write_text(text + ign.replace("https://data", "javascript:data"), encoding="utf-8")
    _, report = load_directory(data_dir, TODAY)
    assert [(p.field, p.code) for p in report.errors] == [("carte.tuiles", "format")]


def test_each_map_data_file_has_a_script_twin_for_the_offline_copy(site):
    for name in ("carte-lieux.geojson", "carte-communes.geojson"):
        data = json.loads((site / "donnees" / name).read_text(encoding="utf-8"))
        script = (site / "donnees" / f"{name}.js").read_text(encoding="utf-8")
        prefix = f"window.helpfinderData[{json.dumps(name)}] = "
        twin = script.split(prefix, 1)[1].rstrip().removesuffix(";")
        assert json.loads(twin) == data
        assert "</script" not in script
