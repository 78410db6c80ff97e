"""What contributors read and follow: the field reference (made from the schemas, in
CONTRIBUTING.md and on the site), the records to check again, what changed and its feed."""

from __future__ import annotations

import datetime as dt
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest
from htmltext import article, text_of

from conftest import (
    EPOCH_2026_11_29,
    ROOT,
    SCHEMAS,
    TODAY,
    VAL_ESSAI,
    VALID_PLACE,
    build,
    copy_territory,
    write,
)
from helpfinder.analysis.freshness import format_to_check, records_to_check
from helpfinder.data.load import load_directory
from helpfinder.data.schema import load_schemas
from helpfinder.site.fieldreference import (
    KIND_TITLES,
    field_docs,
    reference_markdown,
    with_reference,
)

RECORD_SCHEMAS = load_schemas(SCHEMAS)
CONTRIBUTING = (ROOT / "CONTRIBUTING.md").read_text(encoding="utf-8")
ATOM = "{http://www.w3.org/2005/Atom}"
STALE = ("agence-emploi-bourg-d-exemple", "epicerie-solidaire-essai", "mjc-essai-aidants-connect")


def all_paths(kind: str) -> list[str]:
    return [doc.path for doc in field_docs(RECORD_SCHEMAS[kind])]


def test_contributing_holds_the_reference_the_schemas_give():
    assert with_reference(CONTRIBUTING, reference_markdown(RECORD_SCHEMAS)) == CONTRIBUTING, (
        "make schemas"
    )


@pytest.mark.parametrize("kind", list(KIND_TITLES))
def test_every_field_and_value_is_documented(kind):
    paths = all_paths(kind)
    if kind == "lieu":  # nested fields are documented too, under their parent's path
        assert "horaires.lundi" in paths and "fermetures[].du" in paths
    for doc in field_docs(RECORD_SCHEMAS[kind]):
        assert f"`{doc.path}` : {doc.title}" in CONTRIBUTING, doc.path
        assert doc.description, doc.path
        for value in doc.values:
            assert f"`{value}`" in CONTRIBUTING, (doc.path, value)


def test_a_new_field_without_description_is_caught(tmp_path):
    """A field added to a schema appears in the reference at once; the drift test fails
    until `make schemas` is run."""
    schemas = load_schemas(SCHEMAS)
    schemas["lieu"].fields.pop("langues")
    assert with_reference(CONTRIBUTING, reference_markdown(schemas)) != CONTRIBUTING


def test_the_site_page_documents_every_field(site):
    page = site / "contribuer" / "champs" / "index.html"
    html = article(page)
    anchors = [d.anchor for k in KIND_TITLES for d in field_docs(RECORD_SCHEMAS[k])]
    assert len(set(anchors)) == len(anchors)  # every field has its own anchor on the page
    for kind in KIND_TITLES:
        for doc in field_docs(RECORD_SCHEMAS[kind]):
            assert f'id="{doc.anchor}"' in html, doc.path
            assert f"<code>{doc.path}</code>" in html, doc.path


def test_records_to_check_are_grouped_by_structure(data_dir):
    fresh = VALID_PLACE  # date_maj 2026-11-02: fresh, not flagged
    old = VALID_PLACE.replace("date_maj: 2026-11-02", "date_maj: 2025-10-01").replace(
        "id: lieu-test", "id: lieu-ancien"
    )
    flagged = VALID_PLACE.replace("id: lieu-test", "id: lieu-douteux") + (
        "a_verifier: true\nnotes_verification: Horaires à confirmer\n"
        "structure_parente: Réseau des médiathèques\n"
    )
    write(data_dir, "actors/lieu-test.yml", fresh)
    write(data_dir, "actors/lieu-ancien.yml", old)
    write(data_dir, "actors/lieu-douteux.yml", flagged)
    places = load_directory(data_dir, TODAY)[0].places
    structures = records_to_check(places, TODAY)
    assert [(s.nom, [r.place.id for r in s.records]) for s in structures] == [
        ("Lieu de test", ["lieu-ancien"]),
        ("Réseau des médiathèques", ["lieu-douteux"]),
    ]
    text = format_to_check(structures, len(places), TODAY)
    assert text.splitlines()[0] == "2 fiches sur 3 à revérifier au 2026-11-29 :"
    assert "vérifiée le 1er octobre 2025, il y a plus de 12 mois" in text
    assert "marquée « à vérifier » : Horaires à confirmer" in text
    assert "contact : +33400000000, contact@exemple.fr, https://exemple.fr" in text
    # A year to the day is not yet "more than 12 months".
    assert records_to_check(places, dt.date(2026, 10, 1))[0].records[0].place.id == "lieu-douteux"


def test_make_a_verifier_prints_the_list(capsys, monkeypatch, tmp_path):
    from helpfinder.contrib.cli import to_check_main

    monkeypatch.setenv("SOURCE_DATE_EPOCH", EPOCH_2026_11_29)
    data = copy_territory(VAL_ESSAI, tmp_path / "data")
    assert to_check_main(["--data", str(data)]) == 0
    out = capsys.readouterr().out
    # Three fixture records are more than 12 months old on 2026-11-29 (and say a_verifier).
    assert out.startswith("3 fiches sur 9 à revérifier au 2026-11-29 ")
    for name in STALE:
        assert f"data/actors/{name}.yml" in out
    assert "data/actors/atelier-bourg-d-exemple.yml" not in out  # less than a year old


def test_to_check_page_lists_the_same_records_with_contacts(site):
    html = article(site / "contribuer" / "a-verifier" / "index.html")
    text = text_of(html)
    for name in STALE:
        assert f"data/actors/{name}.yml" in text, name
    assert "data/actors/france-services-val-essai.yml" not in text
    assert 'href="tel:+33400000011"' in html  # the MJC's number, as a link
    meta = (site / "contribuer" / "a-verifier" / "index.html").read_text(encoding="utf-8")
    assert "Fiches à revérifier" in meta


def test_news_page_and_feed_list_places_newest_first(site):
    feed = ET.parse(site / "donnees" / "nouveautes.xml").getroot()
    entries = feed.findall(f"{ATOM}entry")
    assert len(entries) == len(list((VAL_ESSAI / "actors").glob("*.yml")))
    dates = [e.findtext(f"{ATOM}updated") for e in entries]
    assert dates == sorted(dates, reverse=True)
    assert feed.findtext(f"{ATOM}updated") == dates[0] == "2026-10-01T00:00:00Z"
    assert len({e.findtext(f"{ATOM}id") for e in entries}) == len(entries)
    first = entries[0]
    assert first.findtext(f"{ATOM}title") == "France services du Val d'Essai"
    href = first.find(f"{ATOM}link").get("href")
    assert href == "../lieux/france-services-val-essai/"
    assert (site / "donnees" / href / "index.html").resolve().is_file()
    news = text_of(article(site / "nouveautes" / "index.html"))
    assert news.index("France services du Val d'Essai") < news.index("Bus numérique du Val")
    assert "Octobre 2026" in news
    # Every page points feed readers at it, and the footer links the comité's pages.
    home = (site / "index.html").read_text(encoding="utf-8")
    assert '<link rel="alternate" type="application/atom+xml"' in home
    assert 'href="donnees/nouveautes.xml"' in home
    for target in ("nouveautes/", "contribuer/a-verifier/", "contribuer/champs/"):
        assert f'href="{target}"' in home, target


def test_feed_is_the_same_for_the_same_data(tmp_path, project):
    first = build(project)
    assert first.returncode == 0, first.stderr
    feed = (project / "site" / "donnees" / "nouveautes.xml").read_bytes()
    again = build(project)
    assert again.returncode == 0, again.stderr
    assert (project / "site" / "donnees" / "nouveautes.xml").read_bytes() == feed
    assert b"2026-11-02T00:00:00Z" in feed


def test_feed_carries_hostile_names_as_text(project):
    name = '</title><script>alert("x")</script> & <b>'
    write(
        project / "data", "actors/lieu-test.yml", VALID_PLACE.replace("Lieu de test", f"'{name}'")
    )
    result = build(project)
    assert result.returncode == 0, result.stderr
    feed = ET.parse(project / "site" / "donnees" / "nouveautes.xml").getroot()
    assert feed.find(f"{ATOM}entry").findtext(f"{ATOM}title") == name
    assert "<script>" not in Path(project / "site" / "donnees" / "nouveautes.xml").read_text()
