"""Support for the browser tests: build and serve the real site, read its HTML, run axe-core.

The page types, the browser's command line and the third-party allowance are each written
once here; tests/test_browser.py holds only the checks.
"""

from __future__ import annotations

import functools
import http.server
import itertools
import os
import posixpath
import re
import shutil
import threading
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from html.parser import HTMLParser
from pathlib import Path
from typing import Any
from urllib.parse import unquote, urljoin, urlsplit

ROOT = Path(__file__).resolve().parent.parent
SETUP_HINT = "run `make test` (or .ci/run on a fresh machine), which installs it"

# One line per page type: its name (the test id) and the built file it is checked on, a glob
# whose first match in sorted order is used. A page type that no built file matches fails.
PAGE_TYPES: dict[str, str] = {
    "accueil": "index.html",
    "annuaire": "lieux/index.html",
    "lieu": "lieux/*/index.html",
    "commune": "communes/*/index.html",
    "a-propos": "a-propos/index.html",
    "contribuer": "contribuer/index.html",
    "parcours": "parcours/demarche-en-ligne/index.html",
    "question": "parcours/demarche-en-ligne/materiel/index.html",
    "resultat": "parcours/demarche-en-ligne/aide-ponctuelle/index.html",
    "fiche": "parcours/demarche-en-ligne/aide-ponctuelle/fiche/index.html",
    "arbre": "parcours/demarche-en-ligne/arbre/index.html",
    "404": "404.html",
    "carte": "carte/index.html",
    "donnees": "donnees-ouvertes/index.html",
    "champs": "contribuer/champs/index.html",
    "a-verifier": "contribuer/a-verifier/index.html",
    "nouveautes": "nouveautes/index.html",
    "proposer": "proposer/index.html",
    "etat-des-lieux": "etat-des-lieux/index.html",
    "couverture": "etat-des-lieux/couverture/index.html",
    "priorites": "etat-des-lieux/priorites/index.html",
    "acteurs": "etat-des-lieux/acteurs/index.html",
    "plan": "etat-des-lieux/plan/index.html",
    "enquete": "etat-des-lieux/enquete/index.html",
    "comptes-rendus": "etat-des-lieux/comptes-rendus/index.html",
    "compte-rendu": "etat-des-lieux/comptes-rendus/*/index.html",
    "benchmark": "etat-des-lieux/benchmark/index.html",
    "fiche-benchmark": "etat-des-lieux/benchmark/*/index.html",
}

# The site is served from the test machine and must load nothing from anywhere else: no web
# fonts, no CDN, no counter. The one allowance is the map's tile server, the one configured
# for the real data (helpfinder.mapview.DEFAULT_TILES: OpenStreetMap France); a leading "*."
# allows every subdomain.
ALLOWED_THIRD_PARTY_HOSTS: tuple[str, ...] = ("*.tile.openstreetmap.fr",)
LOCAL_HOSTS = frozenset({"127.0.0.1", "localhost", "::1"})
HOSTLESS_SCHEMES = frozenset({"data", "blob", "about"})

CHROMIUM = Path(os.environ.get("HELPFINDER_CHROMIUM", "/usr/bin/chromium"))
CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
]
AXE = ROOT / "node_modules" / "axe-core" / "axe.min.js"
AXE_TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"]
# Rules axe files under "best-practice" that we hold to as well: a dialog (Material's search)
# needs a name for a screen reader to announce it (WCAG 4.1.2 in spirit).
AXE_EXTRA_RULES = ["aria-dialog-name"]
AXE_RUN = """async ([tags, extra]) => await axe.run(document, {
  runOnly: {type: 'tag', values: tags},
  rules: Object.fromEntries(extra.map((rule) => [rule, {enabled: true}])),
  resultTypes: ['violations'],
})"""

HEADINGS = ("h1", "h2", "h3", "h4", "h5", "h6")
RESOURCE_ATTRIBUTES = {"a": "href", "link": "href", "script": "src", "img": "src", "iframe": "src"}
NOT_CHECKED_SCHEMES = frozenset({"mailto", "tel", "javascript", "data", "sms", "geo"})


# --- the site ---------------------------------------------------------------------------


def build_real_site(root: Path) -> Path:
    """Copy the project's site sources (with the real data/) into `root`, build, return site/.

    Raises RuntimeError with the build's output when the build fails.
    """
    from conftest import build, make_project

    root.mkdir(parents=True, exist_ok=True)
    shutil.copytree(ROOT / "data", root / "data")
    result = build(make_project(root))
    if result.returncode != 0:
        output = "\n".join(
            line
            for line in (result.stdout + result.stderr).splitlines()
            if not line.startswith("INFO")
        )
        raise RuntimeError(f"the real site does not build (exit {result.returncode}):\n{output}")
    return root / "site"


class _QuietHandler(http.server.SimpleHTTPRequestHandler):
    def log_message(self, format: str, *args: Any) -> None:
        pass


@contextmanager
def serve(site: Path) -> Iterator[str]:
    """Serve `site` on 127.0.0.1 on a free port, in threads; yield the base URL (ends with /)."""
    handler = functools.partial(_QuietHandler, directory=str(site))
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
    server.daemon_threads = True
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{server.server_address[1]}/"
    finally:
        server.shutdown()
        server.server_close()
        thread.join(timeout=5)


def page_file(site: Path, page_type: str) -> Path:
    """The first built file, in sorted order, matching the page type's glob."""
    pattern = PAGE_TYPES[page_type]
    matches = sorted(path for path in site.glob(pattern) if path.is_file())
    if not matches:
        raise LookupError(
            f"no page of type {page_type!r}: no file matches {pattern!r} in the built site"
        )
    return matches[0]


def url_path(site: Path, file: Path) -> str:
    """The URL path a browser uses for a built file: '/', '/lieux/x/', '/404.html'."""
    relative = file.relative_to(site).as_posix()
    if relative == "index.html":
        return "/"
    if relative.endswith("/index.html"):
        return "/" + relative.removesuffix("index.html")
    return "/" + relative


def is_allowed_request(url: str) -> bool:
    """True for a request to the test server itself or to an allowed third-party host."""
    parts = urlsplit(url)
    if parts.scheme in HOSTLESS_SCHEMES:
        return True
    host = (parts.hostname or "").lower()
    if host in LOCAL_HOSTS:
        return True
    for allowed in ALLOWED_THIRD_PARTY_HOSTS:
        if allowed.startswith("*."):
            if host.endswith(allowed[1:]):
                return True
        elif host == allowed:
            return True
    return False


# --- reading the built HTML -------------------------------------------------------------


@dataclass
class PageHTML:
    """What the static HTML of one page holds: its ids, references, and article content."""

    ids: set[str] = field(default_factory=set)
    references: list[tuple[str, str]] = field(default_factory=list)  # (tag, url)
    article_links: list[str] = field(default_factory=list)
    article_headings: list[int] = field(default_factory=list)


class _PageParser(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.page = PageHTML()
        self._article_depth = 0

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        values = {name: value for name, value in attrs if value is not None}
        if "id" in values:
            self.page.ids.add(values["id"])
        if tag == "a" and "name" in values:
            self.page.ids.add(values["name"])
        if tag == "article":
            self._article_depth += 1
        attribute = RESOURCE_ATTRIBUTES.get(tag)
        if attribute and attribute in values:
            self.page.references.append((tag, values[attribute]))
        if self._article_depth:
            if tag == "a" and "href" in values:
                self.page.article_links.append(values["href"])
            if tag in HEADINGS:
                self.page.article_headings.append(int(tag[1]))

    def handle_endtag(self, tag: str) -> None:
        if tag == "article" and self._article_depth:
            self._article_depth -= 1


def parse_page(file: Path) -> PageHTML:
    parser = _PageParser()
    parser.feed(file.read_text(encoding="utf-8"))
    parser.close()
    return parser.page


def heading_problems(levels: list[int]) -> list[str]:
    """What is wrong with an article's heading outline: not one h1 first, or a skipped level."""
    problems = []
    if levels.count(1) != 1:
        problems.append(f"{levels.count(1)} h1 in the article, expected exactly 1")
    if levels and levels[0] != 1:
        problems.append(f"the first heading is h{levels[0]}, expected h1")
    for previous, level in itertools.pairwise(levels):
        if level > previous + 1:
            problems.append(f"h{previous} is followed by h{level}: a level is skipped")
    return problems


def broken_references(site: Path) -> list[tuple[str, str, str, str]]:
    """Every internal link or resource of every built HTML page that does not resolve.

    A reference resolves when its file exists in the built site (a folder needs its
    index.html) and, for a fragment on an HTML page, when that page has the id.
    External URLs, mailto:, tel: and the like are not checked (no network here).
    Each problem is (page, tag, reference as written, why it does not resolve).
    """
    pages: dict[Path, PageHTML] = {
        path: parse_page(path) for path in sorted(site.rglob("*.html")) if path.is_file()
    }
    problems = []
    for path, page in pages.items():
        base = "http://site.invalid/" + path.relative_to(site).as_posix()
        for tag, reference in page.references:
            reason = _unresolved(site, pages, base, path, reference)
            if reason:
                problems.append((path.relative_to(site).as_posix(), tag, reference, reason))
    return problems


def _unresolved(
    site: Path, pages: dict[Path, PageHTML], base: str, page: Path, reference: str
) -> str | None:
    if reference.strip() in ("", "#"):
        return None if reference.strip() == "#" else "empty reference"
    parts = urlsplit(urljoin(base, reference.strip()))
    if parts.scheme in NOT_CHECKED_SCHEMES or parts.netloc != "site.invalid":
        return None
    path = unquote(parts.path)
    target = site / posixpath.normpath(path).lstrip("/")
    if path.endswith("/") or target.is_dir():
        target = target / "index.html"
    if not target.is_file():
        return f"no file {target.relative_to(site).as_posix()} in the built site"
    fragment = unquote(parts.fragment)
    if fragment and target in pages and fragment not in pages[target].ids:
        return f"no id {fragment!r} in {target.relative_to(site).as_posix()}"
    return None


# --- axe-core ---------------------------------------------------------------------------


def run_axe(page: Any) -> list[dict[str, Any]]:
    """Inject the pinned axe-core into a Playwright page and return the WCAG 2.1 A/AA violations."""
    if not AXE.is_file():
        raise FileNotFoundError(f"axe-core is missing ({AXE}): {SETUP_HINT} (npm ci)")
    page.add_script_tag(path=str(AXE))
    return page.evaluate(AXE_RUN, [AXE_TAGS, AXE_EXTRA_RULES])["violations"]


def describe_violations(violations: list[dict[str, Any]], targets: int = 3) -> str:
    """One line per axe violation: rule, impact, help, node count and the first targets."""
    lines = []
    for violation in violations:
        nodes = violation["nodes"]
        shown = ", ".join(_describe_node(node) for node in nodes[:targets])
        more = f" (+{len(nodes) - targets} more)" if len(nodes) > targets else ""
        lines.append(
            f"- {violation['id']} [{violation.get('impact')}] {violation['help']}: "
            f"{len(nodes)} element(s): {shown}{more}"
        )
    return "\n".join(lines)


def _describe_node(node: dict[str, Any]) -> str:
    """The node's selector, and for a contrast failure its colours and ratio."""
    where = " ".join(map(str, node["target"]))
    for check in node.get("any", []):
        data = check.get("data") or {}
        if isinstance(data, dict) and "contrastRatio" in data:
            return (
                f"{where} ({data.get('fgColor')} on {data.get('bgColor')}: "
                f"{data.get('contrastRatio')}:1, expected {data.get('expectedContrastRatio')})"
            )
    return where


def pdf_pages(pdf: bytes) -> int:
    """How many pages a PDF made by Chromium has (one `/Type /Page` object per page)."""
    return len(re.findall(rb"/Type\s*/Page\b(?!s)", pdf))


@contextmanager
def map_page(browser: Any, base_url: str) -> Iterator[Any]:
    """The map page, its markers placed, with the tile server refused (no outside request
    in tests): the page says the tiles failed, and everything else works."""
    context = browser.new_context(locale="fr-FR")
    try:
        page = context.new_page()
        page.route(
            "**/*", lambda r: r.abort() if "openstreetmap" in r.request.url else r.continue_()
        )
        page.goto(base_url + "carte/")
        page.wait_for_selector("[data-map-ready]")
        yield page
    finally:
        context.close()
