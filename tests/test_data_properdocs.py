"""The site does not depend on MkDocs itself: ProperDocs (a fork of MkDocs 1.6 that runs the
same hooks, plugins and theme) builds data/ into the same site, page for page.

Both builds run `build --strict` on a copy of the project's sources around data/, on the same
day (one SOURCE_DATE_EPOCH, the real day, as `make build` does). The ProperDocs build runs
with an `mkdocs` package on its path that refuses to be imported: ProperDocs serves every
`mkdocs.*` import (ours in hooks/, Material's) from its own modules, so the real MkDocs is
never loaded. The only difference between the two sites is the generator named in each
page's <meta name="generator">.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
import time
from importlib.metadata import version
from pathlib import Path

import pytest

from conftest import ROOT, make_project

DATA = ROOT / "data"
GENERATORS = ("mkdocs", "properdocs")
# Material's main content block: the Markdown pages and the pages made by hooks/site.py.
BODY_START = '<article class="md-content__inner md-typeset">'
BODY_END = "</article>"
REFUSED = "the real MkDocs was imported"
MATERIAL = f"mkdocs-material-{version('mkdocs-material')}"
GENERATOR_META = {
    "mkdocs": f'<meta name="generator" content="mkdocs-{version("mkdocs")}, {MATERIAL}">',
    "properdocs": (
        f'<meta name="generator" content="mkdocs-ProperDocs {version("properdocs")}, {MATERIAL}">'
    ),
}


def without_mkdocs(folder: Path) -> Path:
    """A folder holding an `mkdocs` package that fails on import: on PYTHONPATH, it hides
    the installed MkDocs."""
    package = folder / "mkdocs"
    package.mkdir(parents=True)
    (package / "__init__.py").write_text(f"raise ImportError({REFUSED!r})\n", encoding="utf-8")
    return folder


def environment(epoch: str, hidden_mkdocs: Path | None = None) -> dict[str, str]:
    env = {**os.environ, "NO_MKDOCS_2_WARNING": "1", "SOURCE_DATE_EPOCH": epoch}
    env["OFFLINE"] = "false"
    if hidden_mkdocs is not None:
        env["PYTHONPATH"] = os.pathsep.join(
            filter(None, [str(hidden_mkdocs), env.get("PYTHONPATH")])
        )
    return env


def build_with(generator: str, root: Path, site: Path, env: dict[str, str]) -> Path:
    command = [sys.executable, "-m", generator, "build", "--strict"]
    command += ["--config-file", "mkdocs.yml", "--site-dir", str(site)]
    result = subprocess.run(command, cwd=root, env=env, capture_output=True, text=True, check=False)
    if result.returncode != 0:
        pytest.fail(f"{generator} build failed:\n{result.stdout}{result.stderr}", pytrace=False)
    return site


@pytest.fixture(scope="module")
def hidden_mkdocs(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return without_mkdocs(tmp_path_factory.mktemp("sans-mkdocs"))


@pytest.fixture(scope="module")
def sites(tmp_path_factory: pytest.TempPathFactory, hidden_mkdocs: Path) -> dict[str, Path]:
    """data/ built once by each generator, from the same sources, on the same day."""
    folder = tmp_path_factory.mktemp("generateurs")
    root = make_project(folder / "projet")
    shutil.copytree(DATA, root / "data")
    epoch = str(int(time.time()))
    return {
        "mkdocs": build_with("mkdocs", root, folder / "mkdocs", environment(epoch)),
        "properdocs": build_with(
            "properdocs", root, folder / "properdocs", environment(epoch, hidden_mkdocs)
        ),
    }


def files_of(site: Path) -> set[str]:
    return {p.relative_to(site).as_posix() for p in site.rglob("*") if p.is_file()}


def pages_of(site: Path) -> list[str]:
    return sorted(name for name in files_of(site) if name.endswith(".html"))


def body(page: Path) -> str:
    """The page's content: Material's main <article>, whole (an <article> inside it too)."""
    html = page.read_text(encoding="utf-8")
    start = html.index(BODY_START)
    return html[start : html.rindex(BODY_END) + len(BODY_END)]


def different_bodies(first: Path, second: Path) -> list[str]:
    """The pages of both sites whose content differs."""
    common = sorted(set(pages_of(first)) & set(pages_of(second)))
    return [name for name in common if body(first / name) != body(second / name)]


def different_bytes(first: Path, second: Path, names: list[str]) -> list[str]:
    return [name for name in names if (first / name).read_bytes() != (second / name).read_bytes()]


def test_both_generators_write_the_same_files(sites):
    mkdocs, properdocs = (files_of(sites[name]) for name in GENERATORS)
    assert len(pages_of(sites["mkdocs"])) > 3  # the Markdown pages and those of data/
    assert sorted(mkdocs - properdocs) == []
    assert sorted(properdocs - mkdocs) == []


def test_every_page_has_the_same_body(sites):
    assert different_bodies(sites["mkdocs"], sites["properdocs"]) == []


def test_the_files_of_donnees_are_the_same_bytes(sites):
    names = sorted(n for n in files_of(sites["mkdocs"]) if n.startswith("donnees/"))
    assert names  # the open data, the map's GeoJSON, the feed…
    assert different_bytes(sites["mkdocs"], sites["properdocs"], names) == []


def test_outside_the_bodies_only_the_generator_meta_differs(sites):
    """Every page names its generator, and that is all that differs: the rest of each page
    (title, navigation, scripts), the search index, the sitemap and the assets are the same."""
    pages = pages_of(sites["mkdocs"])
    others = sorted(files_of(sites["mkdocs"]) - set(pages))
    assert different_bytes(sites["mkdocs"], sites["properdocs"], others) == []
    differing = []
    for name in pages:
        texts = {}
        for generator in GENERATORS:
            text = (sites[generator] / name).read_text(encoding="utf-8")
            assert text.count(GENERATOR_META[generator]) == 1, (generator, name)
            texts[generator] = text.replace(GENERATOR_META[generator], "<meta generator>")
        if texts["mkdocs"] != texts["properdocs"]:
            differing.append(name)
    assert differing == []


def test_the_properdocs_build_could_not_load_mkdocs(hidden_mkdocs):
    """The package that hid MkDocs from the ProperDocs build does hide it."""
    check = [sys.executable, "-c", "import mkdocs"]
    env = environment("0", hidden_mkdocs)
    result = subprocess.run(check, env=env, capture_output=True, text=True, check=False)
    assert result.returncode != 0
    assert REFUSED in result.stderr


def test_the_comparison_sees_a_missing_page_and_a_changed_body(tmp_path):
    """The checks above can fail: a page one build lacks, a body that differs."""

    def page(site: Path, name: str, content: str) -> None:
        path = site / name
        path.parent.mkdir(parents=True, exist_ok=True)
        html = f"<html><body><nav></nav>{BODY_START}<h1>{content}</h1>"
        html += f"<article>a card</article>{BODY_END}<footer></footer></body></html>"
        path.write_text(html, encoding="utf-8")

    first, second = tmp_path / "a", tmp_path / "b"
    for site in (first, second):
        page(site, "index.html", "Accueil")
    page(first, "lieux/x/index.html", "Un lieu")
    page(first, "carte/index.html", "Carte")
    page(second, "carte/index.html", "Carte modifiée")
    assert files_of(first) - files_of(second) == {"lieux/x/index.html"}
    assert different_bodies(first, second) == ["carte/index.html"]
    assert body(first / "index.html").endswith(f"<article>a card</article>{BODY_END}")
