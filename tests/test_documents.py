"""Comptes rendus and benchmark fiches: Markdown with a front matter checked on the file's
own lines, required sections, models left out, bodies rendered without any live HTML."""

from __future__ import annotations

import pytest
from htmltext import article, text_of

from conftest import TODAY, build, write
from helpfinder.data.load import load_directory
from helpfinder.site.markdowntext import render_markdown

FICHE = """\
---
id: fiche-test
type: dispositif
titre: Un bus numérique
sources:
  - Rapport d'activité du dispositif
date_maj: 2026-11-02
---
Introduction.

## Contexte
## Actions
## Forces
## Faiblesses
## Transférabilité
## Contacts
"""
MINUTES = """\
---
id: 2026-10-15-comite
titre: Lancement
date: 2026-10-15
structures: [France services, Médiathèque]
source: Le secrétariat du comité
---
## Décisions

- Publier l'annuaire.
"""


def folders(data_dir):
    for name in ("benchmark", "comptes-rendus"):
        (data_dir / name).mkdir(exist_ok=True)
    return data_dir


def test_documents_load_and_models_are_left_out(data_dir):
    folders(data_dir)
    write(data_dir, "benchmark/fiche-test.md", FICHE)
    write(data_dir, "benchmark/_modele.md", "pas un document")
    write(data_dir, "comptes-rendus/2026-10-15-comite.md", MINUTES)
    directory, report = load_directory(data_dir, TODAY)
    assert report.errors == []
    assert [d.id for d in directory.fiches] == ["fiche-test"]
    assert directory.minutes[0].data["structures"] == ["France services", "Médiathèque"]


@pytest.mark.parametrize(
    ("change", "line", "code", "field"),
    [
        (("date_maj: 2026-11-02", "date_maj: 02/11/2026"), 7, "type", "date_maj"),
        (("type: dispositif", "type: projet"), 3, "valeur-non-autorisee", "type"),
        (("sources:\n  - Rapport d'activité du dispositif\n", ""), 2, "champ-requis", "sources"),
        (("## Forces\n", ""), 8, "section-manquante", ""),
        (("---\nid: fiche-test", "id: fiche-test"), 1, "structure", ""),
    ],
)
def test_mistakes_are_named_on_the_files_own_line(data_dir, change, line, code, field):
    folders(data_dir)
    write(data_dir, "benchmark/fiche-test.md", FICHE.replace(*change))
    _, report = load_directory(data_dir, TODAY)
    (error,) = report.errors
    assert (error.file, error.line, error.code, error.field) == (
        "data/benchmark/fiche-test.md",
        line,
        code,
        field,
    ), error.format()


def test_bodies_never_carry_live_html():
    html = render_markdown(
        "# Titre\n\n<script>alert(1)</script> <img src=x onerror=alert(2)>\n\n"
        "[piège](javascript:alert(3)) [site](https://exemple.fr) {{ 7*7 }}\n\n## Partie\n"
    )
    assert (
        "<script" not in html
        and "<img" not in html
        and "javascript:" not in html.split("[piège]")[0]
    )
    assert '<a href="https://exemple.fr">site</a>' in html
    assert "[piège](javascript:alert(3))" in html  # left as text
    assert '<h2 id="titre">Titre</h2>' in html and '<h3 id="partie">Partie</h3>' in html
    assert "{{ 7*7 }}" in html


def test_pages_list_the_documents_and_show_them(project):
    folders(project / "data")
    write(
        project / "data",
        "benchmark/fiche-test.md",
        FICHE.replace("Introduction.", "<b>gras</b> [x](javascript:alert(1))"),
    )
    write(project / "data", "comptes-rendus/2026-10-15-comite.md", MINUTES)
    result = build(project)
    assert result.returncode == 0, result.stderr
    site = project / "site" / "etat-des-lieux"
    listing = text_of(article(site / "benchmark" / "index.html"))
    assert "Dispositifs d'aller-vers Un bus numérique" in listing
    fiche = article(site / "benchmark" / "fiche-test" / "index.html")
    assert "&lt;b&gt;gras&lt;/b&gt;" in fiche and 'href="javascript' not in fiche
    assert "Type : Dispositif d'aller-vers" in text_of(fiche)
    minutes = text_of(article(site / "comptes-rendus" / "index.html"))
    assert "15 octobre 2026 : Lancement" in minutes
    page = text_of(article(site / "comptes-rendus" / "2026-10-15-comite" / "index.html"))
    assert "Structures présentes : France services, Médiathèque" in page
    assert "Publier l'annuaire." in page


def test_the_shipped_documents_are_examples(site):
    for path in ("benchmark/exemple-bus-numerique", "comptes-rendus/2026-11-29-exemple"):
        text = text_of(article(site / "etat-des-lieux" / path / "index.html"))
        assert "Exemple : ce document ne décrit rien de réel" in text


def test_images_stay_text_so_nothing_loads_from_elsewhere():
    html = render_markdown("![photo](https://autre-site.fr/photo.png)")
    # At most a link the reader may follow: nothing is fetched when the page loads.
    assert "<img" not in html and '<a href="https://autre-site.fr/photo.png">photo</a>' in html
