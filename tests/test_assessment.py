"""« État des lieux »: coverage checked against brute force, priorities by their stated
method, the inventory counted from the records, and the pages and CSV built from them."""

from __future__ import annotations

import csv
import itertools

import pytest
from browser import map_page
from htmltext import article, text_of

from conftest import TODAY, VAL_ESSAI, VALID_PLACE, write
from helpfinder.analysis import coverage as cov
from helpfinder.analysis import inventory
from helpfinder.analysis.index import build_index
from helpfinder.core.geo import distance_km
from helpfinder.data.load import load_directory
from helpfinder.site.mapview import DISTANCE_CLASSES

DEMARCHES = "Aide aux démarches administratives"
INTERNET = "Accès internet et matériel informatique"


def place(
    place_id: str,
    commune: str,
    postal: str,
    lat: float,
    lon: float,
    services: list[str],
    extra: str = "",
) -> str:
    text = (
        VALID_PLACE.replace("id: lieu-test", f"id: {place_id}")
        .replace('code_insee: "99001"', f'code_insee: "{commune}"')
        .replace('code_postal: "99100"', f'code_postal: "{postal}"')
        .replace("commune: Essai-le-Haut\n", "")
        .replace("latitude: 46.0356", f"latitude: {lat}")
        .replace("longitude: 3.0393", f"longitude: {lon}")
    )
    text = text.replace(
        "services:\n  - Aide aux démarches administratives\n",
        "services:\n" + "".join(f"  - {s}\n" for s in services),
    )
    return text + extra


@pytest.fixture
def index(data_dir):
    # Essai-le-Haut and Saint-Test have places; Les Épreuves (99004) gets a permanence (that
    # of VALID_PLACE), Vérif (99006) the other one. Val-Blanc is far from everything.
    write(
        data_dir,
        "actors/a.yml",
        place("a", "99001", "99100", 46.0356, 3.0393, [DEMARCHES, INTERNET]),
    )
    write(
        data_dir,
        "actors/b.yml",
        place("b", "99002", "99110", 46.032, 3.118, [INTERNET]).replace(
            'permanences:\n  - commune: "99004"', 'permanences:\n  - commune: "99006"'
        ),
    )
    directory, report = load_directory(data_dir, TODAY)
    assert report.errors == [], [p.format() for p in report.errors]
    return build_index(directory, TODAY)


def brute_force_km(index, commune, service) -> float | None:
    """Every place and every permanence offering the service: the smallest distance."""
    best = None
    for p in index.places:
        if service not in p.data["services"]:
            continue
        points = [(p.data["latitude"], p.data["longitude"])]
        for stop in p.data.get("permanences") or []:
            visited = index.directory.territory.communes[stop["commune"]]
            points.append((visited.latitude, visited.longitude))
        for lat, lon in points:
            km = distance_km(commune.latitude, commune.longitude, lat, lon)
            best = km if best is None or km < best else best
    return best


def test_coverage_is_the_brute_force_nearest(index):
    coverages = cov.commune_coverage(
        index.communes, index.services, index.nearest, index.iris_scores
    )
    assert len(coverages) == 7
    for c in coverages:
        for service in index.services:
            expected = brute_force_km(index, c.commune, service)
            found = c.nearest[service]
            assert (found is None) == (expected is None), (c.commune.nom, service)
            if found is not None:
                assert found.km == pytest.approx(expected, abs=1e-9), (c.commune.nom, service)
    # The index holds the coverage computed once, by the same function the pages would call.
    assert index.coverage == coverages


def test_population_shares_add_up_the_communes_within_reach(index):
    coverages = index.coverage
    total = sum(c.commune.population for c in coverages)
    for service, km in itertools.product(index.services, cov.BANDS_KM):
        near = sum(
            c.commune.population
            for c in coverages
            if (d := brute_force_km(index, c.commune, service)) is not None and d <= km
        )
        assert cov.population_share(coverages, service, km) == pytest.approx(near / total)
    assert cov.population_share(coverages, "Parentalité et éducation avec le numérique", 15) == 0


def test_white_zones_are_the_communes_beyond_15_km(index):
    coverages = index.coverage
    for service in index.services:
        expected = {
            c.commune.nom
            for c in coverages
            if (d := brute_force_km(index, c.commune, service)) is None or d > cov.FAR_KM
        }
        zones = cov.white_zones(coverages, service)
        assert {c.commune.nom for c in zones} == expected
        kms = [c.nearest[service].km if c.nearest[service] else float("inf") for c in zones]
        assert kms == sorted(kms, reverse=True)


def test_priorities_follow_the_stated_method(index):
    coverages = index.coverage
    ranked = cov.priorities(coverages)
    scored = [c for c in coverages if c.fragility is not None]
    assert sorted(p.rank for p in ranked) == list(range(1, len(scored) + 1))
    for p in ranked:
        c = p.coverage
        # Rank = 1 + how many communes are strictly more fragile (resp. farther).
        assert p.fragility_rank == 1 + sum(o.fragility > c.fragility for o in scored)
        assert p.distance_rank == 1 + sum(o.help_km > c.help_km for o in scored)
    keys = [(p.fragility_rank + p.distance_rank, -p.coverage.commune.population) for p in ranked]
    assert keys == sorted(keys)


def test_a_commune_without_index_is_left_out_of_the_ranking(index):
    coverages = index.coverage
    no_index = cov.CommuneCoverage(coverages[0].commune, coverages[0].nearest, None)
    ranked = cov.priorities([no_index, *coverages[1:]])
    assert coverages[0].commune not in [p.coverage.commune for p in ranked]


def test_inventory_counts_the_records(index):
    counts = {c.service: c for c in inventory.by_service(index)}
    assert (counts[DEMARCHES].places, counts[INTERNET].places) == (1, 2)
    # Internet: Essai-le-Haut and Saint-Test, plus the permanences in Les Épreuves and Vérif.
    assert counts[INTERNET].communes == 4 and counts[DEMARCHES].communes == 2
    assert inventory.by_profile(index) == [
        ("Médiation numérique", 2),
        ("Aidant (premier accueil)", 0),
    ]
    assert inventory.by_programme(index) == [("Aucun", 2)]
    missing = inventory.missing_services(index)
    assert DEMARCHES not in missing and "Loisirs et créations numériques" in missing
    lacking = {c.nom for c in inventory.communes_without_help(index)}
    assert lacking == {c.nom for c in index.communes} - {
        "Essai-le-Haut",
        "Saint-Test",
        "Les Épreuves",
        "Vérif",
    }
    assert lacking == {"Bourg-d'Exemple", "Sainte-Maquette-sur-Essai", "Val-Blanc"}


def test_pages_and_csv_of_the_fixture_territory(site):
    with (site / "donnees" / "couverture.csv").open(encoding="utf-8", newline="") as table:
        rows = list(csv.DictReader(table))
    assert len(rows) == 7
    ranks = sorted(int(r["rang_priorite"]) for r in rows)
    assert ranks == list(range(1, 8))
    first = next(r for r in rows if r["rang_priorite"] == "1")
    priorities = text_of(article(site / "etat-des-lieux" / "priorites" / "index.html"))
    assert f"1 {first['nom']}" in priorities
    assert "On additionne les deux rangs" in priorities
    cover = article(site / "etat-des-lieux" / "couverture" / "index.html")
    for row in rows:
        assert f">{row['nom']}</a></th>" in cover.replace("&#39;", "'"), row["nom"]
    actors = text_of(article(site / "etat-des-lieux" / "acteurs" / "index.html"))
    assert f"L'inventaire des {len(list((VAL_ESSAI / 'actors').glob('*.yml')))} lieux" in actors
    home = text_of(article(site / "etat-des-lieux" / "index.html"))
    assert "des habitants vivent à 10 km ou moins d'un lieu d'aide" in home


def test_tables_sort_when_a_heading_is_chosen(base_url, open_page):
    page = open_page(f"{base_url}/etat-des-lieux/priorites/")
    table = page.locator("#classement ~ .hf-table-wrap table")
    heading = table.locator("thead th").nth(2)  # Habitants
    heading.locator("button").click()
    assert heading.get_attribute("aria-sort") == "ascending"
    values = [
        int(v)
        for v in table.locator("tbody td:nth-child(3)").evaluate_all(
            "cells => cells.map(c => c.getAttribute('data-tri'))"
        )
    ]
    assert values == sorted(values)
    heading.locator("button").click()
    assert heading.get_attribute("aria-sort") == "descending"
    values = [
        int(v)
        for v in table.locator("tbody td:nth-child(3)").evaluate_all(
            "cells => cells.map(c => c.getAttribute('data-tri'))"
        )
    ]
    assert values == sorted(values, reverse=True)


def test_map_carries_the_distance_to_help_as_a_layer(site, base_url, browser):
    import json

    with (site / "donnees" / "couverture.csv").open(encoding="utf-8", newline="") as table:
        expected = {r["code_insee"]: r["distance_aide_km"] for r in csv.DictReader(table)}
    communes = json.loads((site / "donnees" / "carte-communes.geojson").read_text(encoding="utf-8"))
    for feature in communes["features"]:
        code, km = feature["properties"]["code"], feature["properties"]["aide_km"]
        assert km == pytest.approx(float(expected[code]), abs=0.051), code
    with map_page(browser, base_url) as page:
        overlay = page.get_by_label("Distance au lieu le plus proche")
        assert not overlay.is_checked()  # one shading at a time: off at first
        paths = page.locator("path.leaflet-interactive")
        before = paths.count()
        overlay.check()
        page.wait_for_function(
            f"document.querySelectorAll('path.leaflet-interactive').length > {before}"
        )
        colours = set(
            page.eval_on_selector_all(
                "path.leaflet-interactive", "ps => ps.map(p => p.getAttribute('fill'))"
            )
        )
        # The distance layer uses one colour per class of distance that a commune of the
        # territory falls in (the fragility layer, under it, has colours of its own).
        assert colours & {c["color"] for c in DISTANCE_CLASSES} == {
            next(c["color"] for c in DISTANCE_CLASSES if c["max"] is None or float(km) <= c["max"])
            for km in expected.values()
        }
