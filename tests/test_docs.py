"""The documentation says what the code does: commands, quick start, error codes."""

from __future__ import annotations

import re

import pytest

from conftest import ROOT
from helpfinder.core.codes import CODES
from helpfinder.core.problems import Problem

README = (ROOT / "README.md").read_text(encoding="utf-8")
MAKEFILE = (ROOT / "Makefile").read_text(encoding="utf-8")


def test_quick_start_is_exactly_two_commands():
    section = README.split("## Démarrage rapide", 1)[1].split("\n## ", 1)[0]
    blocks = re.findall(r"```sh\n(.*?)```", section, re.S)
    assert blocks == ["make serve\nmake test\n"]


def test_every_make_target_is_documented_in_the_readme():
    targets = re.findall(r"^([a-z][a-z-]*):", MAKEFILE, re.M)
    assert {"serve", "build", "validate", "test", "bench"} <= set(targets)
    for target in targets:
        if target == "lint":  # an internal step of `make test`
            continue
        assert f"`make {target}`" in README, target


def test_every_script_is_named_in_the_readme_or_makefile():
    for script in (ROOT / "scripts").glob("*.py"):
        assert script.name in MAKEFILE or script.stem in README, script.name


def test_every_problem_code_is_explained_on_the_contributors_page():
    page = (ROOT / "content" / "contribuer.md").read_text(encoding="utf-8")
    missing = [code for code in CODES if f"`{code}`" not in page]
    assert missing == []


def test_a_problem_with_an_unregistered_code_is_refused():
    with pytest.raises(ValueError, match="not registered"):
        Problem("data/x.yml", 1, "x", "nom", "code-invente", "message")


def test_ci_entry_point_runs_make_test():
    ci = (ROOT / ".ci" / "run").read_text(encoding="utf-8")
    assert "make test" in ci


def test_every_site_and_map_setting_is_documented_in_the_readme():
    from helpfinder.data.schema import load_schemas

    fields = load_schemas(ROOT / "data" / "schemas")["territoire"].fields
    for group in ("site", "carte"):
        assert fields[group].fields
        for name in fields[group].fields:
            assert f"`{group}.{name}`" in README, f"{group}.{name}"


def test_nothing_but_data_names_the_territory():
    sources = [ROOT / "mkdocs.yml", *ROOT.glob("hooks/*.py"), *ROOT.glob("content/*.md")]
    for folder in ("helpfinder", "scripts"):
        sources += [
            p
            for p in (ROOT / folder).rglob("*")
            if p.suffix in {".py", ".j2", ".html", ".css", ".js"}
        ]
    for path in sources:
        assert "Arbresle" not in path.read_text(encoding="utf-8"), path


def test_only_the_tests_of_data_read_data():
    """The generator's tests run on tests/fixtures/territoires/: they pass whatever data/
    holds. Only tests/test_data_*.py read data/ (and every test the generator's schemas)."""
    reads_data = re.compile(r'ROOT\s*/\s*"data"(?!\s*/\s*"schemas")|Path\("data"\)')
    found = []
    for path in sorted((ROOT / "tests").glob("*.py")):
        if path.name.startswith("test_data_"):
            continue
        for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1):
            if reads_data.search(line) and "re.compile" not in line:
                found.append(f"{path.name}:{number}: {line.strip()}")
    assert found == []
