"""The pieces under the pages: French wording, safe links, nearest places, relative URLs."""

from __future__ import annotations

import datetime as dt
import importlib.util
import random
import re
import shutil
from typing import Any

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from conftest import DEUX_RIVES, ROOT, TODAY, VAL_ESSAI, copy_territory
from helpfinder.analysis.index import _commune_slugs, build_index
from helpfinder.core import display, links
from helpfinder.core.geo import distance_km
from helpfinder.core.nearest import Point, PointGrid
from helpfinder.core.text import fold, slugify
from helpfinder.data.load import load_directory
from helpfinder.data.territory import Commune
from helpfinder.site import routes
from helpfinder.site.page import Heading, headings_of
from helpfinder.site.pages import generate_files, generate_pages
from helpfinder.site.render import environment
from helpfinder.site.routes import page_url, relative_url


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("08:30-12:30", "8\u00a0h\u00a030 – 12\u00a0h\u00a030"),
        (
            "08:30-12:30, 13:30-17:00",
            "8\u00a0h\u00a030 – 12\u00a0h\u00a030 et 13\u00a0h\u00a030 – 17\u00a0h",
        ),
        ("09:05-10:00", "9\u00a0h\u00a005 – 10\u00a0h"),
        ("fermé", "Fermé"),
    ],
)
def test_hours_read_as_french(text, expected):
    assert display.day_ranges(text) == expected


def test_week_lists_every_day_in_order():
    rows = display.week({"mercredi": "09:00-12:00"})
    assert [day for day, _ in rows] == [
        "Lundi",
        "Mardi",
        "Mercredi",
        "Jeudi",
        "Vendredi",
        "Samedi",
        "Dimanche",
    ]
    assert rows[2] == ("Mercredi", "9\u00a0h – 12\u00a0h")
    assert rows[0] == ("Lundi", "Fermé")
    assert display.week_minutes({"mercredi": "09:00-12:00"}) == {"mercredi": [[540, 720]]}


@pytest.mark.parametrize(
    ("day", "expected"),
    [(dt.date(2026, 11, 1), "1er novembre 2026"), (dt.date(2024, 8, 17), "17 août 2024")],
)
def test_dates_in_french(day, expected):
    assert display.date(day) == expected


@pytest.mark.parametrize(
    ("number", "expected"),
    [("+33437497091", "04 37 49 70 91"), ("+590590123456", "+590590123456")],
)
def test_phone_numbers_as_people_write_them(number, expected):
    assert display.phone(number) == expected


@pytest.mark.parametrize(
    ("km", "expected"),
    [(0.05, "moins de 100 m"), (3.24, "3,2\u00a0km"), (12.6, "13\u00a0km")],
)
def test_distances(km, expected):
    assert display.km(km) == expected


def test_population_uses_the_french_thousands_separator():
    assert display.integer(39338) == "39\u202f338"


@pytest.mark.parametrize(
    "url",
    [
        "javascript:alert(1)",
        "JaVaScRiPt:alert(1)",
        " javascript:alert(1)",
        "java\tscript:alert(1)",
        "data:text/html,<script>alert(1)</script>",
        "vbscript:msgbox",
        "//evil.example/x",
        "http:evil",
        "ftp://exemple.fr/",
        "",
        None,
    ],
)
def test_unsafe_urls_are_not_links(url):
    assert links.web(url) is None


def test_safe_links():
    assert links.web("https://exemple.fr/a?b=1") == "https://exemple.fr/a?b=1"
    assert links.tel("+33437497091") == "tel:+33437497091"
    assert links.tel("04 37 49 70 91") is None
    assert links.tel("javascript:alert(1)") is None
    assert links.mailto("contact@exemple.fr") == "mailto:contact@exemple.fr"
    assert links.mailto("a@b.fr?subject=<script>") is None
    assert links.mailto("javascript:alert(1)//@x.fr") is None


def test_slugs_and_homonyms():
    assert slugify("L'Île-d'Yeu") == "l-ile-d-yeu"
    assert slugify("Saint-Étienne") == "saint-etienne"
    assert slugify("Restos du Cœur") == "restos-du-coeur"
    assert slugify("?!") == ""
    # One fold for matching and for order: accents, case, ligatures and separators.
    assert fold("L'Île-d'Yeu") == fold("l ile d yeu") == "l ile d yeu"
    assert fold("CŒUR") == "coeur"
    communes = [
        Commune("01001", "Saint-Martin", ("01000",), 1, 2023, 46.0, 5.0),
        Commune("02002", "Saint-Martin", ("02000",), 1, 2023, 49.0, 3.0),
        Commune("03003", "Bourg", ("03000",), 1, 2023, 46.5, 3.3),
    ]
    assert _commune_slugs(communes) == {
        "01001": "saint-martin-01001",
        "02002": "saint-martin-02002",
        "03003": "bourg",
    }


@pytest.mark.parametrize(
    ("target", "origin", "expected"),
    [
        ("lieux/x/", "", "lieux/x/"),
        ("", "lieux/x/", "../../"),
        ("lieux/", "lieux/x/", "../"),
        ("communes/a/", "lieux/x/", "../../communes/a/"),
        ("lieux/x/", "lieux/x/", "./"),
        ("index.html", "lieux/x.html", "../index.html"),
        ("lieux/y.html", "lieux/x.html", "y.html"),
    ],
)
def test_relative_urls(target, origin, expected):
    assert relative_url(target, origin) == expected


def test_page_urls_follow_use_directory_urls():
    assert page_url("index", True) == ""
    assert page_url("lieux/index", True) == "lieux/"
    assert page_url("lieux/x", True) == "lieux/x/"
    assert page_url("index", False) == "index.html"
    assert page_url("lieux/index", False) == "lieux/index.html"
    assert page_url("lieux/x", False) == "lieux/x.html"


def test_templates_escape_and_fail_on_unknown_names():
    env = environment()
    assert env.from_string("{{ v }}").render(v="<b>&</b>") == "&lt;b&gt;&amp;&lt;/b&gt;"
    with pytest.raises(Exception, match="undefined"):
        env.from_string("{{ missing }}").render()


def test_headings_are_plain_text_in_order():
    html = (
        '<h1 id="t">T</h1><h2 id="a">A &lt;b&gt;</h2><h3 id="b">B <em>x</em></h3><h2>no id</h2>'
        '<h2 id="c">C</h2>'
    )
    assert headings_of(html) == (
        Heading(1, "t", "T"),
        Heading(2, "a", "A <b>"),
        Heading(3, "b", "B x"),
        Heading(2, "c", "C"),
    )


def mkdocs_hook() -> Any:
    """hooks/site.py, the MkDocs adapter, as a module."""
    spec = importlib.util.spec_from_file_location("site_hook", ROOT / "hooks" / "site.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def test_the_mkdocs_table_of_contents_is_escaped_and_nested():
    html = (
        '<h1 id="t">T</h1><h2 id="a">A &lt;b&gt;</h2><h3 id="b">B</h3><h2>no id</h2>'
        '<h2 id="c">C</h2>'
    )
    (title,) = mkdocs_hook()._toc_tokens(headings_of(html))
    assert (title["id"], title["level"]) == ("t", 1)
    assert [(t["id"], t["name"], [c["id"] for c in t["children"]]) for t in title["children"]] == [
        ("a", "A &lt;b&gt;", ["b"]),
        ("c", "C", []),
    ]


def brute_force(points: list[Point], lat: float, lon: float) -> float:
    return min(distance_km(lat, lon, p.latitude, p.longitude) for p in points)


coordinates = st.tuples(
    st.floats(min_value=41.0, max_value=51.5), st.floats(min_value=-5.0, max_value=9.5)
)


@settings(max_examples=200, deadline=None)
@given(st.lists(coordinates, min_size=1, max_size=40), coordinates)
def test_grid_finds_the_same_distance_as_comparing_every_point(spots, query):
    points = [Point(lat, lon, f"p{i}", "00000") for i, (lat, lon) in enumerate(spots)]
    found = PointGrid(points).nearest(*query)
    assert found is not None
    assert found.km == pytest.approx(brute_force(points, *query), abs=1e-9)


def test_grid_on_a_national_scale_sample():
    rng = random.Random(7)
    points = [
        Point(rng.uniform(42, 51), rng.uniform(-4.5, 8), f"p{i}", "00000") for i in range(3000)
    ]
    grid = PointGrid(points)
    for _ in range(200):
        lat, lon = rng.uniform(42, 51), rng.uniform(-4.5, 8)
        assert grid.nearest(lat, lon).km == pytest.approx(brute_force(points, lat, lon))


def test_empty_grid_finds_nothing():
    assert PointGrid([]).nearest(45.0, 4.0) is None


def pages_of(fixture, tmp_path) -> dict[str, Any]:
    directory, report = load_directory(copy_territory(fixture, tmp_path / "data"), TODAY)
    assert report.ok, [p.format() for p in report.errors]
    return {p.route: p for p in generate_pages(build_index(directory, TODAY), directory_urls=True)}


def test_generation_reads_nothing_once_data_is_loaded(tmp_path):
    """Everything generation needs is read while loading: with data/ gone, every page and
    file is still made, the survey's files and the standard's schema included."""
    data = copy_territory(VAL_ESSAI, tmp_path / "data")
    directory, report = load_directory(data, TODAY)
    assert report.ok, [p.format() for p in report.errors]
    index = build_index(directory, TODAY)
    shutil.rmtree(data)
    pages = generate_pages(index, directory_urls=True)
    files = generate_files(index, directory_urls=True)
    assert len(pages) > 50
    assert "donnees/enquete/questionnaire-xlsform.txt" in files
    assert files["donnees/schema-lieux-de-mediation-numerique.json"].startswith("{")
    assert index.coverage and len(index.coverage) == len(index.communes)
    # The places of each outcome, computed once: its page and its sheet share them.
    outcomes = [(p.id, o["id"]) for p in directory.pathways for o in p.data["resultats"]]
    assert sorted(index.outcome_places) == sorted(outcomes)


def test_every_declared_page_type_makes_its_pages_under_its_own_route(tmp_path):
    pages = pages_of(VAL_ESSAI, tmp_path)
    assert "index" in pages and "lieux/index" in pages and "carte" in pages
    assert all(not route.endswith(".md") for route in pages)
    assert pages["lieux/index"].title == "Tous les lieux"
    place = next(
        p for route, p in pages.items() if route.startswith("lieux/") and route != "lieux/index"
    )
    assert place.search.boost == 2
    assert pages["contribuer/a-verifier"].search.exclude
    assert pages["index"].headings[0].level == 1


def test_a_small_territory_lists_its_communes_and_its_places(tmp_path):
    small = pages_of(DEUX_RIVES, tmp_path)
    assert not [src for src in small if src.startswith("departements/")]
    assert 'href="communes/le-gue/"' in small["index"].html
    assert "hf-az" not in small["index"].html  # 11 communes: no A–Z index needed
    assert small["lieux/index"].html.count('class="hf-card"') == 3


def test_a_long_list_of_communes_gets_an_a_to_z_index_and_a_filter(monkeypatch, tmp_path):
    monkeypatch.setattr(routes, "LONG_LIST", 5)
    home = pages_of(DEUX_RIVES, tmp_path)["index"].html
    letters = re.findall(r'<li><a href="#lettre-([a-z])">([A-Z])</a></li>', home)
    assert [upper for _, upper in letters] == ["E", "L", "M", "P", "R", "S", "V"]
    for anchor, _ in letters:
        assert f'id="lettre-{anchor}"' in home
    assert (
        'data-name-filter data-one="commune" data-many="communes" data-search-exclude hidden'
        in home
    )
    # Filed as written: « Écluse » under E, « Le Gué » and « Les Berges » under L.
    assert re.search(
        r'id="lettre-e">E</h3>\s*<ul class="hf-link-grid">\s*<li[^>]*><a href="communes/ecluse/">',
        home,
    )
    section = home[home.index('id="lettre-l"') : home.index('id="lettre-m"')]
    assert "Le Gué" in section and "Les Berges" in section


@pytest.mark.parametrize(
    ("name", "at", "of"),
    [
        ("Saint-Test", "à Saint-Test", "de Saint-Test"),
        ("Essai-le-Haut", "à Essai-le-Haut", "d'Essai-le-Haut"),
        ("Écluse", "à Écluse", "d'Écluse"),
        ("Le Gué", "au Gué", "du Gué"),
        ("Les Épreuves", "aux Épreuves", "des Épreuves"),
        ("La Tour", "à La Tour", "de La Tour"),
        ("L'Isle", "à L'Isle", "de L'Isle"),
        ("Lentre", "à Lentre", "de Lentre"),
    ],
)
def test_commune_names_take_their_french_prepositions(name, at, of):
    assert (display.in_place(name), display.of_place(name)) == (at, of)


def test_a_territory_of_several_departements_goes_through_their_names(monkeypatch, tmp_path):
    monkeypatch.setattr(routes, "HOME_COMMUNES_MAX", 2)
    monkeypatch.setattr(routes, "OUTCOME_PLACES_MAX", 0)
    big = pages_of(DEUX_RIVES, tmp_path)
    home = big["index"].html
    assert 'href="departements/2A/">Rive-Sud (département fictif) (4 communes)</a>' in home
    assert 'href="departements/2B/">Rive-Nord (département fictif) (7 communes)</a>' in home
    assert "Département 2A" not in home and 'href="communes/' not in home
    listing = big["lieux/index"].html
    assert 'href="../departements/2A/lieux/">Rive-Sud (département fictif) : 1 lieu</a>' in listing
    assert (
        'href="../departements/2B/lieux/">Rive-Nord (département fictif) : 2 lieux</a>' in listing
    )
    north = big["departements/2B"]
    assert north.title == "Rive-Nord (département fictif)"
    assert (
        'href="../../communes/rive-haute/">Rive-Haute<span class="hf-count">(1 lieu)</span></a>'
        in north.html
    )
    assert 'href="../../communes/ecluse/">Écluse</a>' in north.html
    places = big["departements/2B/lieux"]
    assert places.title == "Les lieux : Rive-Nord (département fictif)"
    assert (
        'href="../../../lieux/espace-numerique-rive-haute/">Espace numérique de Rive-Haute</a>'
        in places.html
    )
    assert 'id="commune-2B904"' in places.html  # Les Berges, where the itinerant one is based
    assert 'class="hf-card"' not in north.html  # the commune pages list the places
    assert "1 lieu propose cela." in big["parcours/demarche-en-ligne/aide-ponctuelle"].html
    assert 'id="lieu-choisi"' in big["parcours/demarche-en-ligne/aide-ponctuelle/fiche"].html


def test_one_departement_is_never_a_single_choice(monkeypatch, tmp_path):
    monkeypatch.setattr(routes, "HOME_COMMUNES_MAX", 2)
    big = pages_of(VAL_ESSAI, tmp_path)
    home = big["index"].html
    assert "Choisissez votre département" not in home
    assert 'href="departements/99/#lettre-b">B</a>' in home  # straight to the communes
    assert 'href="departements/99/">Voir toutes les communes</a>' in home
    assert big["departements/99"].title == "Essai (département fictif)"
    listing = big["lieux/index"]  # « Tous les lieux » is the list, commune by commune
    assert listing.title == "Tous les lieux"
    for place in (VAL_ESSAI / "actors").glob("*.yml"):
        assert listing.html.count(f'<li><a href="{place.stem}/">') == 1, place.stem
    assert "departements/99/lieux.md" not in big


def test_many_places_are_listed_one_letter_per_page(monkeypatch, tmp_path):
    monkeypatch.setattr(routes, "HOME_COMMUNES_MAX", 2)
    monkeypatch.setattr(routes, "DIRECTORY_PLACES_MAX", 3)
    big = pages_of(VAL_ESSAI, tmp_path)
    listing = big["lieux/index"].html
    assert 'href="../departements/99/lieux/b/">B : 3 lieux, 1 commune</a>' in listing
    assert 'href="../departements/99/lieux/e/">E : 4 lieux, 1 commune</a>' in listing
    letter = big["departements/99/lieux/e"]
    assert letter.title == "Tous les lieux : communes en E"
    assert "Essai-le-Haut" in letter.html and "Bourg-d&#39;Exemple" not in letter.html
    counted = sum(
        page.html.count('<li><a href="../../../../lieux/')
        for src, page in big.items()
        if src.startswith("departements/99/lieux/")
    )
    assert counted == 9  # every place once, on the page of its commune's letter
