"""Every command of scripts/ behaves like a mature command-line tool: `--help` says in
French what it does and lists its options, an unknown option stops it with exit code 2,
and neither reads nor writes anything (checked on a copy of the project, byte for byte)."""

from __future__ import annotations

import hashlib
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from conftest import ROOT, VAL_ESSAI, copy_territory

SCRIPTS = sorted(p.name for p in (ROOT / "scripts").glob("*.py") if p.name != "bench_site.py")
# bench_site.py is a library of the benches (no command of its own): run through bench.py.
SUBCOMMANDS = {"new_record.py": ["lieu"]}
# What a command needs besides options, so that the unknown option is what stops it.
ARGUMENTS = {"import_places.py": ["fichier.csv"]}


@pytest.fixture(scope="module")
def copy(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The project's code, scripts and documents around the Val d'Essai data."""
    root = tmp_path_factory.mktemp("project")
    for name in ("helpfinder", "scripts"):
        shutil.copytree(ROOT / name, root / name, ignore=shutil.ignore_patterns("__pycache__"))
    for name in ("CONTRIBUTING.md", "README.md", "mkdocs.yml"):
        shutil.copy(ROOT / name, root / name)
    copy_territory(VAL_ESSAI, root / "data")
    return root


def state(root: Path) -> dict[str, str]:
    return {
        p.relative_to(root).as_posix(): hashlib.sha256(p.read_bytes()).hexdigest()
        for p in sorted(root.rglob("*"))
        if p.is_file() and "__pycache__" not in p.parts
    }


def run(root: Path, script: str, *args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, str(root / "scripts" / script), *SUBCOMMANDS.get(script, []), *args],
        cwd=root,
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
    )


def test_every_script_is_covered():
    assert set(SCRIPTS) | {"bench_site.py"} == {p.name for p in (ROOT / "scripts").glob("*.py")}


@pytest.mark.parametrize("script", SCRIPTS)
def test_help_says_what_it_does_and_writes_nothing(copy, script):
    before = state(copy)
    result = run(copy, script, "--help")
    assert result.returncode == 0, result.stderr
    assert result.stdout.startswith("utilisation : "), result.stdout[:200]
    assert "afficher cette aide" in result.stdout
    assert state(copy) == before


@pytest.mark.parametrize("script", SCRIPTS)
def test_an_unknown_option_stops_it_and_writes_nothing(copy, script):
    before = state(copy)
    result = run(copy, script, *ARGUMENTS.get(script, []), "--option-inconnue")
    assert result.returncode == 2, (result.stdout, result.stderr)
    assert "erreur : options inconnues : --option-inconnue" in result.stderr
    assert "Traceback" not in result.stderr
    assert state(copy) == before
