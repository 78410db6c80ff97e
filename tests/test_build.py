"""End to end: the real mkdocs.yml, content and hooks build a throw-away site in a temp dir."""

from __future__ import annotations

import hashlib
import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from conftest import ROOT, VALID_PATHWAY, VALID_PLACE, write

EPOCH_2026_11_29 = "1796083200"


@pytest.fixture
def project(tmp_path: Path, data_dir: Path) -> Path:
    """A copy of the project's site sources around the fixture data (one place, one pathway)."""
    root = data_dir.parent
    shutil.copy(ROOT / "mkdocs.yml", root / "mkdocs.yml")
    shutil.copytree(ROOT / "content", root / "content")
    shutil.copytree(ROOT / "hooks", root / "hooks")
    (root / "helpfinder").symlink_to(ROOT / "helpfinder")  # mkdocs.yml watches it
    write(data_dir, "actors/lieu-test.yml", VALID_PLACE)
    write(data_dir, "pathways/parcours-test.yml", VALID_PATHWAY)
    return root


def build(root: Path) -> subprocess.CompletedProcess[str]:
    env = {**os.environ, "SOURCE_DATE_EPOCH": EPOCH_2026_11_29, "NO_MKDOCS_2_WARNING": "1"}
    return subprocess.run(
        [sys.executable, str(ROOT / "scripts" / "build_site.py"), "--root", str(root)],
        capture_output=True,
        text=True,
        env=env,
        check=False,
    )


def snapshot(site: Path) -> dict[str, str]:
    return {
        path.relative_to(site).as_posix(): hashlib.sha256(path.read_bytes()).hexdigest()
        for path in sorted(site.rglob("*"))
        if path.is_file()
    }


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
