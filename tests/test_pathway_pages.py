"""The pathways as pages: every path of every tree can be walked by following links in the
built HTML; the commune goes along; the orientation sheet is filled and printed locally."""

from __future__ import annotations

import posixpath
import re
import sys
from pathlib import Path
from urllib.parse import unquote

import pytest
from browser import pdf_pages
from playwright.sync_api import expect

from conftest import ROOT, TODAY, VAL_ESSAI, copy_territory
from helpfinder.data.load import load_directory
from helpfinder.data.records import Record
from helpfinder.site.pathway_views import mermaid_source, nodes

CHOICES = re.compile(r'<ul class="hf-big-links hf-choices">(.*?)</ul>', re.S)
HREF = re.compile(r'href="([^"#?]+)')


@pytest.fixture(scope="module")
def pathways(tmp_path_factory) -> list[Record]:
    data = copy_territory(VAL_ESSAI, tmp_path_factory.mktemp("pathways") / "data")
    directory, report = load_directory(data, TODAY)
    assert report.ok
    return directory.pathways


def target(site: Path, page: Path, href: str) -> Path:
    """The built file a relative link of `page` leads to (fails the test when there is none)."""
    path = Path(posixpath.normpath((page.parent / href).as_posix()))
    found = path / "index.html" if href.endswith("/") else path
    assert found.is_file(), f"{page.relative_to(site)}: broken link {href!r}"
    return found


def walk(site: Path, start: Path) -> tuple[set[str], int]:
    """Follow every choice from `start`; return the outcome pages reached and the paths walked."""
    outcomes: set[str] = set()
    paths = 0
    todo = [(start, 0)]
    while todo:
        page, depth = todo.pop()
        assert depth < 50, f"{page}: more than 50 questions in a row"
        html = page.read_text(encoding="utf-8")
        choices = CHOICES.search(html)
        if choices:
            links = HREF.findall(choices.group(1))
            assert len(links) >= 2, (
                f"{page.relative_to(site)}: a question with fewer than 2 choices"
            )
            todo += [(target(site, page, href), depth + 1) for href in links]
        else:
            assert 'id="ou-aller"' in html, (
                f"{page.relative_to(site)}: dead end, no choice, no outcome"
            )
            outcomes.add(page.parent.name)
            paths += 1
    return outcomes, paths


def test_every_path_of_every_tree_leads_to_an_outcome(site, pathways):
    assert pathways
    for pathway in pathways:
        start = site / "parcours" / pathway.id / "index.html"
        reached, paths = walk(site, start)
        expected = {r["id"] for r in pathway.data["resultats"]}
        assert reached == expected, pathway.id
        assert paths >= len(expected)


def test_walking_finds_a_dead_end(site, tmp_path):
    broken = tmp_path / "q" / "index.html"
    broken.parent.mkdir()
    broken.write_text("<h1>Une question sans choix</h1>", encoding="utf-8")
    with pytest.raises(AssertionError, match="dead end"):
        walk(tmp_path, broken)


def test_each_outcome_page_lists_its_places_grouped_by_commune(site):
    page = site / "parcours" / "demarche-en-ligne" / "aide-ponctuelle" / "index.html"
    html = page.read_text(encoding="utf-8")
    groups = re.findall(r'<section class="hf-group" data-group id="commune-(\d{5})"', html)
    jump = re.findall(r'<a href="#commune-(\d{5})">', html)
    assert groups and groups == jump  # the jump list names every group, in the same order
    assert 'href="fiche/"' in html  # the orientation sheet of this outcome


def test_tree_page_has_the_diagram_and_the_same_tree_in_text(site, pathways):
    for pathway in pathways:
        html = (site / "parcours" / pathway.id / "arbre" / "index.html").read_text(encoding="utf-8")
        assert '<pre class="hf-mermaid" data-diagram><code>flowchart TD' in html
        assert "unpkg.com" not in html
        outline = html[html.index('<ul class="hf-outline">') :]
        for node_id in nodes(pathway):
            assert f'href="../{node_id}/"' in outline, (pathway.id, node_id)


def test_diagram_labels_cannot_change_the_diagram():
    record = Record(
        "p",
        "data/pathways/p.yml",
        {
            "debut": "q",
            "questions": [
                {
                    "id": "q",
                    "question": 'Vraiment "] --> x[piège',
                    "choix": [{"reponse": 'oui"|', "suite": "r"}, {"reponse": "non", "suite": "r"}],
                }
            ],
            "resultats": [{"id": "r", "titre": "Fin"}],
        },
    )
    source = mermaid_source(record, nodes(record))
    assert source.splitlines() == [
        "flowchart TD",
        '  n1["Vraiment ”] --> x[piège"]',
        '  n2("Fin")',
        '  n1 -->|"oui”|"| n2',
        '  n1 -->|"non"| n2',
    ]


def test_vendored_browser_files_are_the_published_ones():
    sys.path.insert(0, str(ROOT / "scripts"))
    import vendor

    assert vendor.check() == []


# --- in the browser -----------------------------------------------------------------------


def test_the_commune_goes_along_and_sorts_the_outcome(base_url, open_page):
    page = open_page(base_url + "parcours/demarche-en-ligne/")
    page.select_option("#commune-personne", "99001")  # Essai-le-Haut
    assert page.url.endswith("/parcours/demarche-en-ligne/?commune=99001")
    page.get_by_role("link", name="Je peux la faire moi-même").click()
    assert "?commune=99001" in page.url
    page.get_by_role("link", name="Oui").first.click()
    assert page.url.endswith("/parcours/demarche-en-ligne/aide-ponctuelle/?commune=99001")
    page.wait_for_load_state()
    note = page.locator("[data-nearest-note]")
    # « d'Essai-le-Haut »: the name is written as French writes it after « de ».
    expect(note).to_have_text("Les lieux sont classés du plus proche au plus loin d'Essai-le-Haut.")
    order = page.eval_on_selector_all("[data-outcome-groups] > section", "s => s.map(x => x.id)")
    assert order[0] == "commune-99001", order  # the person's own commune first
    assert "(votre commune)" in page.locator("#commune-99001 h3").inner_text()
    first = page.locator("#commune-99001 .hf-card [data-distance]").first
    assert re.fullmatch(
        r"à (moins de 100 m|\d+(,\d)?\u00a0km) du centre d'Essai-le-Haut", first.inner_text()
    )
    sheet = page.get_by_role("link", name=re.compile("fiche d'orientation"))
    assert sheet.get_attribute("href").endswith("fiche/?commune=99001")


def test_a_commune_without_a_place_gets_the_nearest_first(base_url, open_page):
    # Val-Blanc has no place and no permanence.
    page = open_page(base_url + "parcours/demarche-en-ligne/aide-ponctuelle/?commune=99007")
    kilometres = page.eval_on_selector_all(
        "[data-outcome-groups] > section", "s => s.map(x => Number(x.dataset.km))"
    )
    assert len(kilometres) >= 2 and kilometres == sorted(kilometres) and kilometres[0] > 0


def test_without_a_commune_the_outcome_keeps_alphabetical_order(base_url, open_page):
    page = open_page(base_url + "parcours/demarche-en-ligne/aide-ponctuelle/")
    order = page.eval_on_selector_all(
        "[data-outcome-groups] > section h3", "s => s.map(x => x.textContent.trim())"
    )
    assert order == sorted(order, key=lambda name: name.replace("L'", "L").casefold())
    assert page.locator("[data-nearest-note]").is_hidden()


def test_orientation_sheet_is_filled_locally_and_prints_on_one_page(site, base_url, open_page):
    url = base_url + "parcours/demarche-en-ligne/aide-ponctuelle/fiche/"
    html = (site / "parcours/demarche-en-ligne/aide-ponctuelle/fiche/index.html").read_text()
    sheet = html.split("md-content__inner")[1].split("</article>")[0]
    assert "<form" not in sheet and "<textarea" in sheet  # fields, but nothing to submit
    requests: list = []
    page = open_page(url, settled=True, on_request=lambda request: requests.append(request))
    assert pdf_pages(page.pdf(format="A4")) == 1  # blank
    typed = {
        "#besoin": "Renouveler sa carte vitale ; courrier de l'Assurance maladie. " * 3,
        "#relais": "Il a son téléphone mais pas ses identifiants ameli. " * 3,
        "#structure": "Mairie de Saint-Test, accueil",
        "#date": "2026-11-30",
    }
    for selector, text in typed.items():
        page.fill(selector, text)
    page.locator(".hf-sheet-place input").first.check()
    page.emulate_media(media="print")
    # Typing sends nothing anywhere: whatever the page's own scripts fetch, and whenever, no
    # request leaves this site, none sends data, and none carries a word typed.
    words = ("vitale", "ameli", "Saint-Test", "2026-11-30")
    for request in requests:
        assert request.url.startswith(base_url) and request.method == "GET", request.url
        assert not request.post_data, request.url
        assert not any(word in unquote(request.url) for word in words), request.url
    assert page.locator(".hf-sheet-place").nth(1).is_hidden()  # only the ticked place prints
    assert page.locator(".hf-sheet-place").first.is_visible()
    assert pdf_pages(page.pdf(format="A4")) == 1


def test_diagram_is_drawn_from_the_site_copy_of_mermaid(base_url, open_page):
    requests: list[str] = []
    page = open_page(
        base_url + "parcours/orienter-une-personne/arbre/",
        on_request=lambda r: requests.append(r.url),
    )
    # helpfinder.js draws the diagram (labels as SVG text) in place of the <pre>.
    page.wait_for_selector(".hf-diagram > .hf-diagram-drawn svg")
    assert page.locator(".hf-diagram pre").count() == 0
    assert page.locator(".hf-diagram-drawn").bounding_box()["height"] > 100
    assert page.locator(".hf-diagram-drawn foreignObject").count() == 0
    assert any(url.endswith("/assets/vendor/mermaid.min.js") for url in requests)
