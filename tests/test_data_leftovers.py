"""Nothing of data/'s territory outside data/: a site built for another territory (the
Val d'Essai fixture), its open-data files and its offline copy hold none of the names,
INSEE codes, postal codes and phone numbers of data/, and neither do the site's sources.

It reads data/ on purpose (to know what to look for), and holds whatever territory it has.
"""

from __future__ import annotations

from leftovers import found_in, pattern_of, territory_terms

from conftest import ROOT

DATA = ROOT / "data"
SOURCES = ("mkdocs.yml", "content", "hooks", "helpfinder", "scripts")
SOURCE_SUFFIXES = {".py", ".j2", ".html", ".css", ".js", ".md", ".yml", ".json"}


def test_a_site_built_for_another_territory_shows_nothing_of_data(site):
    terms = territory_terms(DATA)
    assert len(terms) > 10  # names, codes and phones were found
    hits = found_in(site, terms)
    assert hits == [], f"{len(hits)} leftovers of data/, first ones: {hits[:10]}"


def test_the_sources_of_the_site_name_nothing_of_data():
    terms = territory_terms(DATA)
    patterns = [(term, pattern_of(term)) for term in terms]
    hits = []
    for folder in SOURCES:
        base = ROOT / folder
        files = [base] if base.is_file() else sorted(base.rglob("*"))
        for path in files:
            if path.suffix not in SOURCE_SUFFIXES or "vendor" in path.parts:
                continue
            text = path.read_text(encoding="utf-8")
            hits += [(path.relative_to(ROOT).as_posix(), t) for t, p in patterns if p.search(text)]
    assert hits == []


def test_the_leftover_search_finds_what_it_looks_for(tmp_path):
    (tmp_path / "page.html").write_text(
        "<p>L&#39;Exemple-sur-Rive, 99990, 04 00 00 00 99, 1999901 and 04000000991</p>",
        encoding="utf-8",
    )
    terms = {"L'Exemple-sur-Rive", "99990", "04 00 00 00 99", "99901", "0400000099"}
    assert sorted(found_in(tmp_path, terms)) == [
        ("page.html", "04 00 00 00 99"),
        ("page.html", "99990"),
        ("page.html", "L'Exemple-sur-Rive"),
    ]
