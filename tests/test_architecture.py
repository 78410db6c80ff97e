"""The package's folders are the pipeline's stages: each imports only from the stages before
it, no module knows the site generator, and no module outgrows what one reader can hold."""

from __future__ import annotations

import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
PACKAGE = ROOT / "helpfinder"
sys.path.insert(0, str(ROOT / "scripts"))
from structure import imported  # noqa: E402  (the import reader of scripts/structure.py)

# The stages in pipeline order: a module may import its own stage and those before it.
STAGES = ("core", "data", "analysis", "opendata", "site", "contrib")
GENERATORS = ("mkdocs", "properdocs", "material", "zensical")
# A module one reader can hold: above this, it is doing more than one job.
MODULE_LINES_MAX = 300


def modules() -> list[Path]:
    return sorted(PACKAGE.rglob("*.py"))


def stage_of(name: str) -> str | None:
    parts = name.split(".")
    return parts[1] if len(parts) > 1 and parts[0] == "helpfinder" and parts[1] in STAGES else None


def test_every_module_lives_in_a_stage() -> None:
    loose = [p.name for p in PACKAGE.glob("*.py") if p.name != "__init__.py"]
    assert loose == []
    folders = sorted(p.name for p in PACKAGE.iterdir() if (p / "__init__.py").exists())
    assert folders == sorted(STAGES)


@pytest.mark.parametrize("stage", STAGES)
def test_a_stage_imports_only_the_stages_before_it(stage: str) -> None:
    allowed = set(STAGES[: STAGES.index(stage) + 1])
    wrong = {
        f"{path.relative_to(PACKAGE)} -> {name}"
        for path in (PACKAGE / stage).rglob("*.py")
        for name in imported(path, PACKAGE)
        if stage_of(name) is not None and stage_of(name) not in allowed
    }
    assert wrong == set()


def test_no_module_knows_the_site_generator() -> None:
    wrong = {
        f"{path.relative_to(PACKAGE)} -> {name}"
        for path in modules()
        for name in imported(path, PACKAGE)
        if name.split(".")[0] in GENERATORS
    }
    assert wrong == set()


def test_the_checker_sees_a_backward_import(tmp_path: Path) -> None:
    """The rule above can fail: a `data` module importing `site` is caught."""
    module = tmp_path / "helpfinder" / "data" / "x.py"
    module.parent.mkdir(parents=True)
    module.write_text("from ..site import views\nfrom helpfinder.core import text\n")
    found = imported(module, tmp_path / "helpfinder")
    assert {stage_of(n) for n in found} == {"site", "core"}
    assert "helpfinder.site.views" in found


def test_every_stage_is_documented_for_developers() -> None:
    """CONTRIBUTING says which folder a new check, page, export or command goes in, and the
    README's map of the tree names every stage."""
    root = PACKAGE.parent
    guide = (root / "CONTRIBUTING.md").read_text(encoding="utf-8")
    section = guide.split("## Pour les développeurs : où mettre quoi", 1)[1].split("\n## ", 1)[0]
    readme = (root / "README.md").read_text(encoding="utf-8")
    tree = readme.split("## Organisation", 1)[1].split("\n## ", 1)[0]
    for stage in STAGES:
        assert f"| `{stage}/` |" in section, stage
        assert f"  {stage}/ " in tree, stage


def test_no_module_outgrows_one_job() -> None:
    long = {
        str(path.relative_to(PACKAGE)): lines
        for path in modules()
        if (lines := len(path.read_text(encoding="utf-8").splitlines())) > MODULE_LINES_MAX
    }
    assert long == {}
