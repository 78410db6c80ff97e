"""The README's « Réutiliser pour un autre territoire », followed to the letter: starting
from a copy of data/ (whatever territory it holds), each row of its table is done as
written, with the files of another territory (the Deux Rives fixture); then `make
validate` finds no error, the site builds, and nothing of the first territory is left in
it.

It reads data/ on purpose: the procedure is about replacing it.
"""

from __future__ import annotations

import re
import shutil
from pathlib import Path

import pytest
from leftovers import found_in, territory_terms

from conftest import DEUX_RIVES, ROOT, build, make_project
from helpfinder.contrib.cli import validate_main
from helpfinder.contrib.surveycli import survey_main

README = (ROOT / "README.md").read_text(encoding="utf-8")
START = "<!-- début : réutilisation, suivie par tests/test_data_reuse.py -->"
END = "<!-- fin : réutilisation -->"
ROW = re.compile(r"^\| `([^`]+)` \| ([^|]+) \|", re.M)


def steps() -> list[tuple[str, str]]:
    """(what in data/, what to do) for each row of the README's table."""
    table = README.split(START, 1)[1].split(END, 1)[0]
    return [(name, action.strip()) for name, action in ROW.findall(table)]


def clear(folder: Path, keep: str | None = None) -> None:
    for path in folder.iterdir():
        if keep and path.match(keep):
            continue
        shutil.rmtree(path) if path.is_dir() else path.unlink()


def follow(data: Path, new: Path) -> list[str]:
    """Do each row's action in `data`, with the files of the territory `new`."""
    done, remake_survey = [], False
    for name, action in steps():
        target, theirs = data / name.rstrip("/"), new / name.rstrip("/")
        if action == "remplacer":
            assert theirs.exists(), f"{name}: the new territory must bring its own"
            shutil.copy(theirs, target)
        elif action == "remplacer ou effacer":
            if theirs.exists():
                shutil.copy(theirs, target)
            elif target.exists():
                target.unlink()
        elif action == "vider, puis remplir":
            clear(target)
            shutil.copytree(theirs, target, dirs_exist_ok=True)
        elif action == "vider":
            clear(target)
        elif action.startswith("vider, sauf `"):
            clear(target, keep=action.split("`")[1])
        elif action == "effacer":
            target.unlink(missing_ok=True)
        elif action == "garder":
            pass
        elif action == "refaire : `make enquete`":
            remake_survey = True
        else:
            raise AssertionError(f"{name}: « {action} » is not an action this test knows")
        done.append(name)
    if remake_survey:
        assert survey_main(["--data", str(data)]) == 0
    return done


def test_the_table_names_every_file_and_folder_of_data():
    named = {name.rstrip("/") for name, _ in steps()}
    present = {p.name for p in (ROOT / "data").iterdir()} | {
        f"enquete/{p.name}" for p in (ROOT / "data" / "enquete").glob("*")
    }
    assert present - {"enquete"} <= named, present - named


@pytest.fixture(scope="module")
def reused(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, set[str]]:
    root = tmp_path_factory.mktemp("reuse")
    data = root / "data"
    shutil.copytree(ROOT / "data", data)
    before = territory_terms(data)
    done = follow(data, DEUX_RIVES)
    assert "territoire.yml" in done and "schemas/" in done
    return root, before


def test_following_it_gives_valid_data(reused, capsys):
    root, _ = reused
    assert validate_main(["--data", str(root / "data")]) == 0, capsys.readouterr().out


def test_following_it_gives_a_site_with_nothing_of_the_first_territory(reused):
    root, before = reused
    make_project(root)
    result = build(root, epoch=None)
    assert result.returncode == 0, result.stderr[-3000:]
    hits = found_in(root / "site", before)
    assert hits == [], f"{len(hits)} leftovers, first ones: {hits[:10]}"
    home = (root / "site" / "index.html").read_text(encoding="utf-8")
    assert "Aide numérique aux Deux Rives" in home
