"""The pieces under the pages: French wording, safe links, nearest places, relative URLs."""

from __future__ import annotations

import datetime as dt
import random
import shutil

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from conftest import DATA, ROOT, TODAY
from helpfinder import display, links, pathway_views, views
from helpfinder.geo import distance_km
from helpfinder.nearest import Point, PointGrid
from helpfinder.pipeline import load_directory
from helpfinder.render import environment, page_url, relative_url, table_of_contents
from helpfinder.siteindex import _commune_slugs, build_index, slugify
from helpfinder.sitepages import generate_pages
from helpfinder.territory import Commune


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
    assert page_url("index.md", True) == ""
    assert page_url("lieux/index.md", True) == "lieux/"
    assert page_url("lieux/x.md", True) == "lieux/x/"
    assert page_url("lieux/index.md", False) == "lieux/index.html"
    assert page_url("lieux/x.md", False) == "lieux/x.html"


def test_templates_escape_and_fail_on_unknown_names():
    env = environment()
    assert env.from_string("{{ v }}").render(v="<b>&</b>") == "&lt;b&gt;&amp;&lt;/b&gt;"
    with pytest.raises(Exception, match="undefined"):
        env.from_string("{{ missing }}").render()


def test_table_of_contents_is_escaped_and_nested():
    html = (
        '<h1 id="t">T</h1><h2 id="a">A &lt;b&gt;</h2><h3 id="b">B</h3><h2>no id</h2>'
        '<h2 id="c">C</h2>'
    )
    (title,) = table_of_contents(html)
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


def test_big_territories_are_split_by_departement(monkeypatch, tmp_path):
    data = tmp_path / "data"
    shutil.copytree(ROOT / "tests" / "fixtures" / "autre-territoire", data)
    shutil.copytree(DATA / "schemas", data / "schemas")
    directory, report = load_directory(data, TODAY)
    assert report.ok, [p.format() for p in report.errors]
    small = {p.src: p for p in generate_pages(build_index(directory, TODAY), directory_urls=True)}
    assert "departements/99.md" not in small
    assert 'href="communes/saint-test/"' in small["index.md"].html

    monkeypatch.setattr(views, "HOME_COMMUNES_MAX", 2)
    monkeypatch.setattr(pathway_views, "OUTCOME_PLACES_MAX", 1)
    big = {p.src: p for p in generate_pages(build_index(directory, TODAY), directory_urls=True)}
    assert 'href="departements/99/">Département 99</a>' in big["index.md"].html
    assert 'href="communes/saint-test/"' not in big["index.md"].html
    assert "Département 99 : 2 lieux" in big["lieux/index.md"].html
    departement = big["departements/99.md"].html
    assert 'href="../../communes/saint-test/">Saint-Test</a>' in departement
    assert 'href="../../communes/essai-le-haut/">Essai-le-Haut (1 lieu)</a>' in departement
    assert 'class="hf-card"' not in departement  # the commune pages list the places
    assert "2 lieux proposent cela." in big["parcours/demarche/r1.md"].html
    assert 'id="lieu-choisi"' in big["parcours/demarche/r1/fiche.md"].html
    assert 'id="lieu-choisi"' not in small["parcours/demarche/r1/fiche.md"].html
