"""The generated pages, end to end: two fixture territories, hostile records, closures."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from htmltext import Tags, article, parse, text_of

from conftest import (
    DEUX_RIVES,
    VALID_PATHWAY,
    VALID_PLACE,
    build,
    copy_territory,
    make_project,
    write,
)

ALLOWED_SCHEMES = ("http://", "https://", "mailto:", "tel:")


@pytest.fixture(scope="module")
def two_departements_site(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The fictional Deux Rives territory (two départements, only the required files)."""
    root = tmp_path_factory.mktemp("deux-rives")
    copy_territory(DEUX_RIVES, root / "data")
    make_project(root)
    result = build(root)
    assert result.returncode == 0, result.stderr
    return root / "site"


def test_another_territory_gets_its_own_pages(two_departements_site):
    site = two_departements_site
    home = site / "index.html"
    assert parse(home).title == "Accueil - Aide numérique aux Deux Rives"
    assert "Où trouver de l'aide près de chez moi ?" in text_of(article(home))
    for slug, name in [
        ("pont-fictif", "Pont-Fictif"),
        ("le-gue", "Le Gué"),
        ("val-d-onde", "Val-d'Onde"),
    ]:
        assert f'href="communes/{slug}/"' in article(home)
        assert f'<h1 id="titre">{name.replace(chr(39), "&#39;")}</h1>' in article(
            site / "communes" / slug / "index.html"
        )
    assert {p.name for p in (site / "lieux").iterdir()} == {
        "espace-numerique-rive-haute",
        "maison-des-services-pont-fictif",
        "mediateur-itinerant-deux-rives",
        "index.html",
    }


def test_commune_page_lists_permanences_and_the_nearest_place_per_service(site):
    page = text_of(article(site / "communes" / "les-epreuves" / "index.html"))
    assert "Aucun lieu connu dans la commune" in page
    assert "Bus numérique du Val d'Essai : Salle des fêtes Chaque mardi Mardi : 9 h – 12 h" in page
    # The bus holds a permanence here: nearest for procedures, at the commune's centre.
    assert (
        "Aide aux démarches administratives Bus numérique du Val d'Essai Dans la commune "
        "(permanence) moins de 100 m" in page
    )
    # France services is 6.56 km away (haversine from 46.09,3.04 to 46.031,3.041).
    assert (
        "Accès internet et matériel informatique France services du Val d'Essai Essai-le-Haut "
        "6,6 km" in page
    )
    assert "Parentalité et éducation avec le numérique Aucun lieu sur le territoire" in page
    assert "540 habitants (2023)" in page


def test_place_page_says_hours_in_french_and_links_to_its_record(site):
    html = article(site / "lieux" / "atelier-bourg-d-exemple" / "index.html")
    page = text_of(html)
    assert "Jeudi : 14 h – 17 h" in page
    assert "Lundi : Fermé" in page
    assert "Fiche d'exemple : ce lieu n'existe pas." in page
    assert "Langues parlées : français, anglais, arabe" in page
    assert 'href="tel:+33400000013">04 00 00 00 13</a>' in html
    assert (
        'href="https://forge.exemple.fr/val-essai/annuaire/-/edit/principale/'
        'data/actors/atelier-bourg-d-exemple.yml">Signaler une erreur ou modifier cette fiche</a>'
    ) in html
    assert "Informations vérifiées le 10 décembre 2025." in page
    assert "Informations de plus d'un an" not in page
    assert "À vérifier" not in page  # the record does not say a_verifier


def test_record_marked_to_verify_says_so(project):
    write(project / "data", "actors/lieu-test.yml", VALID_PLACE + "a_verifier: true\n")
    assert build(project).returncode == 0
    page = text_of(article(project / "site" / "lieux" / "lieu-test" / "index.html"))
    assert "À vérifier Ces informations n'ont pas encore été confirmées par le lieu." in page


def test_old_record_is_flagged(site):
    page = text_of(article(site / "lieux" / "mjc-essai-aidants-connect" / "index.html"))
    assert "Informations de plus d'un an (vérifiées le 1er mars 2024)" in page
    assert "Plus d'un an : à revérifier" in page
    assert "Horaires non connus : téléphonez avant de venir." in page
    bus = text_of(article(site / "lieux" / "bus-numerique-val-essai" / "index.html"))
    assert "Permanences dans d'autres communes Les Épreuves : Salle des fêtes Chaque mardi" in bus


def test_search_index_finds_places_by_name_commune_and_service(site):
    index = json.loads((site / "search" / "search_index.json").read_text(encoding="utf-8"))
    assert index["config"]["lang"] == ["fr"]
    docs = [d for d in index["docs"] if d["location"].startswith("lieux/atelier-bourg-d-exemple/")]
    words = " ".join(d["title"] + " " + d["text"] for d in docs)
    for expected in (
        "Atelier numérique de Bourg-d'Exemple",
        "Bourg-d'Exemple",
        "Maîtrise des outils numériques",
    ):
        assert expected.replace("'", "&#39;") in words or expected in words, expected


def test_directory_lists_every_place_by_commune_and_by_service(site):
    html = article(site / "lieux" / "index.html")
    page = text_of(html)
    assert "Par commune" in page and "Par service" in page
    assert html.count('class="hf-card"') == 9  # each place once in the filterable list
    assert '<form class="hf-filters" data-filters data-search-exclude hidden' in html  # script only
    by_service = page[page.index("Par service") :]
    assert (
        "Aide aux démarches administratives Atelier numérique de Bourg-d'Exemple "
        "(Bourg-d'Exemple) Bus numérique du Val d'Essai (Bourg-d'Exemple)" in by_service
    )


# --- hostile records --------------------------------------------------------------------

HOSTILE_NAME = '</title><script>alert("nom")</script>**gras**'
HOSTILE_TEXT = (
    "[clic](javascript:alert(1)) <img src=x onerror=alert(2)> {{ 7*7 }} {% if true %}oui{% endif %}"
    " <a href='javascript:alert(3)'>x</a> [[lien]] ![image](http://exemple.fr/x.png)"
)


@pytest.fixture
def hostile_site(project: Path) -> Path:
    place = (
        VALID_PLACE.replace("nom: Lieu de test", f"nom: {json.dumps(HOSTILE_NAME)}")
        .replace("source: Fiche de test", f"source: {json.dumps(HOSTILE_TEXT)}")
        .replace("adresse: 1 rue de l'Exemple", f"adresse: {json.dumps('<b>' + 'x' * 250)}")
        + f"presentation_resume: {json.dumps(HOSTILE_TEXT)}\n"
        + f"horaires_precisions: {json.dumps(HOSTILE_TEXT)}\n"
        + f"presentation_detail: {json.dumps('long ' * 999)}\n"
    )
    write(project / "data", "actors/lieu-test.yml", place)
    pathway = (
        VALID_PATHWAY.replace("conseil: Allez-y.", f"conseil: {json.dumps(HOSTILE_TEXT)}")
        .replace("question: Première question ?", f"question: {json.dumps(HOSTILE_NAME)}")
        .replace("reponse: Oui", f"reponse: {json.dumps(HOSTILE_TEXT)}")
        .replace("titre: Un parcours de test", f"titre: {json.dumps(HOSTILE_NAME)}")
    )
    write(project / "data", "pathways/parcours-test.yml", pathway)
    # The État des lieux' own sources: an action of the plan and a benchmark fiche.
    for folder in ("plan", "benchmark"):
        (project / "data" / folder).mkdir()
    action = (
        f"id: action-test\naxe: {json.dumps(HOSTILE_NAME)}\naction: {json.dumps(HOSTILE_TEXT)}\n"
        f"pilote: {json.dumps(HOSTILE_TEXT)}\nphase: court terme\nstatut: prévue\n"
        f"source: {json.dumps(HOSTILE_TEXT)}\ndate_maj: 2026-11-02\n"
    )
    write(project / "data", "plan/action-test.yml", action)
    fiche = (
        f"---\nid: fiche-test\ntype: territoire\ntitre: {json.dumps(HOSTILE_NAME)}\n"
        f"sources: [{json.dumps(HOSTILE_TEXT)}]\ndate_maj: 2026-11-02\n---\n{HOSTILE_TEXT}\n\n"
        + "".join(f"## {s}\n" for s in ("Contexte", "Actions", "Forces", "Faiblesses"))
        + "## Transférabilité\n## Contacts\n"
    )
    write(project / "data", "benchmark/fiche-test.md", fiche)
    result = build(project)
    assert result.returncode == 0, result.stderr
    return project / "site"


def test_hostile_records_are_shown_as_text(hostile_site):
    for page in ("etat-des-lieux/plan", "etat-des-lieux/benchmark/fiche-test"):
        html = (hostile_site / page / "index.html").read_text(encoding="utf-8")
        assert "&lt;/title&gt;&lt;script&gt;" in html, page  # the name, as text
        assert "<strong>gras</strong>" not in html, page
    place = hostile_site / "lieux" / "lieu-test" / "index.html"
    parsed = parse(place)
    assert parsed.title.startswith(HOSTILE_NAME)  # the whole name, as text, in the title
    html = place.read_text(encoding="utf-8")
    assert "&lt;/title&gt;&lt;script&gt;" in html
    assert "{{ 7*7 }}" in html and "49" not in text_of(article(place))
    assert "<strong>gras</strong>" not in html
    # The pathway's pages: its title, a question, an answer in the links and in the diagram.
    for page in (
        "index.html",
        "q1/index.html",
        "r1/index.html",
        "r1/fiche/index.html",
        "arbre/index.html",
    ):
        assert parse(hostile_site / "parcours" / "parcours-test" / page).title.startswith(
            (HOSTILE_NAME, "Fiche d'orientation", "Tout le parcours", "Résultat un")
        ), page
    tree = (hostile_site / "parcours" / "parcours-test" / "arbre" / "index.html").read_text()
    assert "&lt;/title&gt;&lt;script&gt;alert(&#34;nom&#34;)&lt;/script&gt;" in tree
    for page in hostile_site.rglob("*.html"):
        text = page.read_text(encoding="utf-8")
        assert "<script>alert" not in text, page
        assert "onerror=alert" not in text.replace("onerror=alert(2)&gt;", ""), page
        for tag, attrs in parse(page).tags:
            assert not any(name.startswith("on") for name in attrs), (page, tag, attrs)
            if tag == "img":
                assert "exemple.fr" not in (attrs.get("src") or ""), page


def test_only_safe_links_come_out_of_records(hostile_site):
    for page in hostile_site.rglob("*.html"):
        body = article(page) if "md-content__inner" in page.read_text(encoding="utf-8") else ""
        parser = Tags()
        parser.feed(body)
        for tag, attrs in parser.tags:
            href = attrs.get("href")
            if tag != "a" or href is None:
                continue
            assert ":" not in href.split("/")[0] or href.startswith(ALLOWED_SCHEMES), (page, href)


# --- closures ---------------------------------------------------------------------------


def test_past_closures_disappear_and_current_ones_are_announced(project):
    place = VALID_PLACE.replace(
        "fermetures:\n  - du: 2026-12-24\n    au: 2026-12-31\n    motif: Fêtes",
        "fermetures:\n  - du: 2026-07-01\n    au: 2026-07-31\n    motif: Été passé\n"
        "  - du: 2026-11-20\n    au: 2026-12-02\n    motif: Travaux\n"
        "  - du: 2026-12-24\n    au: 2026-12-31\n    motif: Fêtes",
    )
    write(project / "data", "actors/lieu-test.yml", place)
    assert build(project).returncode == 0
    page = text_of(article(project / "site" / "lieux" / "lieu-test" / "index.html"))
    assert "Été passé" not in page
    assert "Fermé en ce moment, jusqu'au 2 décembre 2026 inclus (Travaux)." in page
    assert "Fermé du 24 décembre 2026 au 31 décembre 2026 : Fêtes" in page
