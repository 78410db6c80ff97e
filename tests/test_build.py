"""End to end: the real mkdocs.yml, content and hooks build a throw-away site in a temp dir."""

from __future__ import annotations

import re
import zipfile

from conftest import VALID_PLACE, build, snapshot, write


def test_build_writes_the_site(project):
    result = build(project)
    assert result.returncode == 0, result.stderr
    index = (project / "site" / "index.html").read_text(encoding="utf-8")
    assert "Où trouver de l&#39;aide" in index or "Où trouver de l'aide" in index
    assert 'lang="fr"' in index
    assert "fonts.googleapis.com" not in index
    assert not (project / ".site-build").exists()


def test_same_data_gives_the_same_bytes(project):
    assert build(project).returncode == 0
    first = snapshot(project / "site")
    assert build(project).returncode == 0
    assert snapshot(project / "site") == first


def test_invalid_data_stops_the_build_and_keeps_the_previous_site(project):
    assert build(project).returncode == 0
    before = snapshot(project / "site")
    broken = VALID_PLACE.replace('lundi: "08:30-12:30, 13:30-17:00"', 'lundi: "8h30-12h"')
    write(project / "data", "actors/lieu-test.yml", broken)
    result = build(project)
    assert result.returncode == 1
    output = result.stdout + result.stderr
    assert (
        "data/actors/lieu-test.yml:16: [lieu-test] horaires.lundi: '8h30-12h' "
        "n'est pas au format HH:MM-HH:MM"
    ) in output
    assert "1 erreur dans data/ : site non construit" in output
    assert "Traceback" not in output
    assert snapshot(project / "site") == before
    assert not (project / ".site-build").exists()


def test_data_warnings_do_not_fail_a_strict_build(project):
    stale = VALID_PLACE.replace("date_maj: 2026-11-02", "date_maj: 2020-01-01")
    write(project / "data", "actors/lieu-test.yml", stale)
    result = build(project)
    assert result.returncode == 0, result.stderr
    assert "fiche-ancienne" not in result.stderr  # people read the message, not the code
    assert "il y a plus de 12 mois" in result.stderr


def test_offline_zip_links_resolve_inside_the_archive(project, tmp_path):
    assert build(project).returncode == 0
    unpacked = tmp_path / "hors-ligne"
    with zipfile.ZipFile(project / "site" / "hors-ligne.zip") as archive:
        assert all(info.date_time == (1980, 1, 1, 0, 0, 0) for info in archive.infolist())
        archive.extractall(unpacked)
    assert not (unpacked / "404.html").exists()  # absolute links: only a server can show it
    assert (unpacked / "lieux" / "lieu-test.html").is_file()
    assert (unpacked / "search" / "search_index.js").is_file()  # search without a server
    checked = 0
    for page in unpacked.rglob("*.html"):
        text = page.read_text(encoding="utf-8")
        # Scripts, styles and images come from the copy itself (Material's offline plugin
        # would fetch a shim from unpkg.com; mkdocs.yml gives it ours).
        for loaded in re.findall(r'<(?:script|link|img)\b[^>]*?(?:src|href)="([^"]+)"', text):
            assert not re.match(r"^(https?:)?//", loaded), f"{page.name}: {loaded}"
        for href in re.findall(r'(?:href|src)="([^"]+)"', text):
            if re.match(r"^[a-z]+:|^#", href):
                continue
            target = (page.parent / href.split("#")[0].split("?")[0]).resolve()
            assert target.is_file(), f"{page.relative_to(unpacked)}: {href}"
            checked += 1
    assert checked > 100
