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

# One line per page type: its name (the test id), the built files it is checked on (a glob)
# and, when the glob also matches other page types, a marker its HTML holds. The first match
# in sorted order is used. The optional types are the pages of optional content (comptes
# rendus, benchmark fiches): a territory without any has none.
PAGE_TYPES: dict[str, tuple[str, str | None]] = {
    "accueil": ("index.html", None),
    "annuaire": ("lieux/index.html", None),
    "lieu": ("lieux/*/index.html", None),
    "commune": ("communes/*/index.html", None),
    "a-propos": ("a-propos/index.html", None),
    "contribuer": ("contribuer/index.html", None),
    "parcours": ("parcours/*/index.html", None),
    "question": ("parcours/*/*/index.html", 'class="hf-big-links hf-choices"'),
    "resultat": ("parcours/*/*/index.html", 'id="ou-aller"'),
    "fiche": ("parcours/*/*/fiche/index.html", None),
    "arbre": ("parcours/*/arbre/index.html", None),
    "404": ("404.html", None),
    "carte": ("carte/index.html", None),
    "donnees": ("donnees-ouvertes/index.html", None),
    "champs": ("contribuer/champs/index.html", None),
    "a-verifier": ("contribuer/a-verifier/index.html", None),
    "nouveautes": ("nouveautes/index.html", None),
    "proposer": ("proposer/index.html", None),
    "etat-des-lieux": ("etat-des-lieux/index.html", None),
    "couverture": ("etat-des-lieux/couverture/index.html", None),
    "priorites": ("etat-des-lieux/priorites/index.html", None),
    "acteurs": ("etat-des-lieux/acteurs/index.html", None),
    "plan": ("etat-des-lieux/plan/index.html", None),
    "enquete": ("etat-des-lieux/enquete/index.html", None),
    "comptes-rendus": ("etat-des-lieux/comptes-rendus/index.html", None),
    "compte-rendu": ("etat-des-lieux/comptes-rendus/*/index.html", None),
    "benchmark": ("etat-des-lieux/benchmark/index.html", None),
    "fiche-benchmark": ("etat-des-lieux/benchmark/*/index.html", None),
}
OPTIONAL_PAGE_TYPES = frozenset({"compte-rendu", "fiche-benchmark"})

# The site is served from the test machine and must load nothing from anywhere else: no web
# fonts, no CDN, no counter. The one allowance is the map's tile server, the one the built
# territory configures (`carte.tuiles` in territoire.yml, or OpenStreetMap France).
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


def build_site_of(data: Path, root: Path, *, real_day: bool = False) -> Path:
    """Build the site of the territory `data` (a data/ folder, or a fixture territory without
    its schemas) with the project's sources in `root`; return root/site. A fixture is built on
    the tests' day; data/ (`real_day`) on the real one, as `make build` does.

    Raises RuntimeError with the build's output when the build fails.
    """
    from conftest import SCHEMAS, build, make_project

    root.mkdir(parents=True, exist_ok=True)
    shutil.copytree(data, root / "data")
    if not (root / "data" / "schemas").exists():
        shutil.copytree(SCHEMAS, root / "data" / "schemas")
    result = build(make_project(root), None) if real_day else build(make_project(root))
    if result.returncode != 0:
        output = "\n".join(
            line
            for line in (result.stdout + result.stderr).splitlines()
            if not line.startswith("INFO")
        )
        raise RuntimeError(
            f"the site of {data} does not build (exit {result.returncode}):\n{output}"
        )
    return root / "site"


def tile_hosts_of(data: Path) -> tuple[str, ...]:
    """The tile servers the territory `data` configures: the only third parties allowed."""
    from helpfinder.data.yamlsource import read_yaml_file
    from helpfinder.site.mapview import tile_hosts, tile_settings

    doc, _ = read_yaml_file(data / "territoire.yml", "territoire.yml", "territoire")
    info = doc.data if isinstance(doc.data, dict) else {}
    return tuple(tile_hosts(tile_settings(info)))


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
    """The first built file, in sorted order, of the page type (its glob, and its marker)."""
    pattern, marker = PAGE_TYPES[page_type]
    for path in sorted(path for path in site.glob(pattern) if path.is_file()):
        if marker is None or marker in path.read_text(encoding="utf-8"):
            return path
    raise LookupError(
        f"no page of type {page_type!r}: no file matches {pattern!r}"
        + (f" with {marker!r}" if marker else "")
        + " in the built site"
    )


def present_page_types(site: Path) -> list[str]:
    """The page types the built site has; fails (LookupError) when a required one is missing."""
    found = []
    for page_type in PAGE_TYPES:
        try:
            page_file(site, page_type)
        except LookupError:
            if page_type not in OPTIONAL_PAGE_TYPES:
                raise
            continue
        found.append(page_type)
    return found


def url_path(site: Path, file: Path) -> str:
    """The URL path a browser uses for a built file: '/', '/lieux/x/', '/404.html'."""
    relative = file.relative_to(site).as_posix()
    if relative == "index.html":
        return "/"
    if relative.endswith("/index.html"):
        return "/" + relative.removesuffix("index.html")
    return "/" + relative


def is_allowed_request(url: str, tile_hosts: tuple[str, ...] = ()) -> bool:
    """True for a request to the test server itself or to one of the map's tile servers."""
    parts = urlsplit(url)
    if parts.scheme in HOSTLESS_SCHEMES:
        return True
    host = (parts.hostname or "").lower()
    return host in LOCAL_HOSTS or host in tile_hosts


class RequestLog:
    """Every request of a browser context, as it starts and as it ends (workers included).

    A request to another host is recorded, then refused at once: no test waits on the
    network, and none depends on it (this machine has none).
    """

    def __init__(self, context: Any) -> None:
        self.started: list[str] = []
        self.refused: list[str] = []
        self.pending: set[Any] = set()
        context.on("request", self._started)
        context.on("requestfinished", self._ended)
        context.on("requestfailed", self._ended)
        context.route("**/*", self._route)

    def _started(self, request: Any) -> None:
        self.started.append(request.url)
        self.pending.add(request)

    def _ended(self, request: Any) -> None:
        self.pending.discard(request)

    def _route(self, route: Any) -> None:
        parts = urlsplit(route.request.url)
        if parts.scheme in ("http", "https") and (parts.hostname or "") not in LOCAL_HOSTS:
            self.refused.append(route.request.url)
            route.abort()
        else:
            route.continue_()


# Material's search says « Initialisation de la recherche » until its worker has loaded the
# index and the French language files: the last requests a page makes by itself.
SEARCH_META = ".md-search-result__meta"
SEARCH_STARTING = "Initialisation"


def wait_until_settled(page: Any, log: RequestLog, timeout_ms: int) -> None:
    """Wait for the conditions that end a page's own requests: the search ready (when the
    page has it and runs scripts), the map's markers placed (on the map page), then every
    started request finished. Raises AssertionError naming what is still pending."""
    scripts = page.evaluate("() => document.documentElement.classList.contains('js')")
    if scripts and page.locator(SEARCH_META).count():
        page.wait_for_function(
            "([selector, starting]) => !document.querySelector(selector)"
            ".textContent.includes(starting)",
            arg=[SEARCH_META, SEARCH_STARTING],
            timeout=timeout_ms,
        )
    if scripts and page.locator("[data-map-page]").count():
        page.wait_for_selector("[data-map-ready]", state="attached", timeout=timeout_ms)
    for _ in range(timeout_ms // 50):
        if not log.pending:
            return
        page.wait_for_timeout(50)
    raise AssertionError(f"requests still pending: {sorted(r.url for r in log.pending)}")


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


# --- the checks every page type passes, on the fixture site and on the site of data/ -----

SKIP_LINK_TEXT = "Aller au contenu"  # Material's "action.skip" in French
GOOGLE_FONTS = ("fonts.googleapis.com", "fonts.gstatic.com")


def check_wcag(open_page: Any, url: str) -> None:
    page = open_page(url)
    violations = run_axe(page)
    assert not violations, f"axe-core, WCAG 2.1 A/AA, on {url}:\n{describe_violations(violations)}"


def check_headings(site: Path, file: Path) -> None:
    levels = parse_page(file).article_headings
    problems = heading_problems(levels)
    assert not problems, f"{file.relative_to(site)}: headings {levels}: {'; '.join(problems)}"


def check_no_third_party(open_page: Any, file: Path, url: str, tiles: tuple[str, ...]) -> None:
    requested: list[str] = []
    open_page(url, settled=True, on_request=lambda request: requested.append(request.url))
    assert requested, f"no request recorded for {url}"
    html = file.read_text(encoding="utf-8")
    fonts = [u for u in requested if any(host in u for host in GOOGLE_FONTS)]
    assert not fonts, f"{url} requested Google Fonts: {fonts}"
    assert not any(host in html for host in GOOGLE_FONTS), f"{file.name} names Google Fonts"
    third_party = sorted({u for u in requested if not is_allowed_request(u, tiles)})
    assert not third_party, f"{url} requested from third parties:\n" + "\n".join(third_party)


def check_without_javascript(open_page: Any, file: Path, url: str) -> None:
    page = open_page(url, javascript=False)
    assert page.locator("main .md-content").inner_text().strip(), f"{url}: empty main content"
    h1 = page.locator("article h1")
    assert h1.count() == 1, f"{url}: {h1.count()} h1 in the article"
    assert h1.is_visible(), f"{url}: the h1 is not visible without JavaScript"
    shown: dict[str, bool] = {}
    for link in page.locator("article a[href]").all():
        href = link.get_attribute("href") or ""
        shown[href] = shown.get(href, False) or link.is_visible()
    expected = parse_page(file).article_links
    missing = [href for href in expected if href not in shown]
    hidden = [href for href in expected if href in shown and not shown[href]]
    assert not missing, f"{url}: links of the HTML missing without JavaScript: {missing}"
    assert not hidden, f"{url}: links hidden without JavaScript: {hidden}"


def check_links_resolve(site: Path) -> None:
    problems = broken_references(site)
    by_reason: dict[str, list[str]] = {}  # one missing file is often linked from every page
    for page, tag, reference, reason in problems:
        by_reason.setdefault(reason, []).append(f"{page} <{tag}> {reference!r}")
    summary = [
        f"{reason}: {len(found)} reference(s): {'; '.join(found[:3])}{' …' if len(found) > 3 else ''}"
        for reason, found in by_reason.items()
    ]
    assert not problems, f"{len(problems)} broken reference(s):\n" + "\n".join(summary)


MARK_ARTICLE_LINKS = """() => {
  // Links that are not drawn (such as Leaflet's layer-menu toggle when the menu is open)
  // cannot be reached and need not be.
  const links = [...document.querySelectorAll('article a[href]')].filter((a) => a.getClientRects().length);
  links.forEach((link, index) => { link.dataset.keyboardIndex = String(index); });
  const focusable = document.querySelectorAll('a[href], button, input, select, textarea, [tabindex]');
  return {hrefs: links.map((link) => link.getAttribute('href')), focusable: focusable.length};
}"""
ACTIVE = """() => {
  const element = document.activeElement;
  if (!element || element === document.body) return null;
  return {
    index: element.dataset.keyboardIndex ?? null,
    skip: element.classList.contains('md-skip'),
    text: element.textContent.trim(),
    href: element.getAttribute('href'),
  };
}"""


def check_keyboard(open_page: Any, url: str) -> None:
    """The first Tab reaches the skip link, and Tab reaches every article link."""
    page = open_page(url)
    marked = page.evaluate(MARK_ARTICLE_LINKS)
    page.keyboard.press("Tab")
    first = page.evaluate(ACTIVE)
    assert first and first["skip"] and first["text"] == SKIP_LINK_TEXT, (
        f"{url}: the first Tab focuses {first}, not the « {SKIP_LINK_TEXT} » link "
        "(Material draws it only for a page whose table of contents has an entry)"
    )
    target = (first["href"] or "").removeprefix("#")
    assert page.evaluate("(id) => !!document.getElementById(decodeURIComponent(id))", target), (
        f"{url}: the skip link points to {first['href']!r}, which is not on the page"
    )
    wanted = set(range(len(marked["hrefs"])))
    reached: set[int] = set()
    for _ in range(marked["focusable"] + 10):
        if reached >= wanted:
            break
        page.keyboard.press("Tab")
        active = page.evaluate(ACTIVE)
        if active and active["index"] is not None:
            reached.add(int(active["index"]))
    unreached = [marked["hrefs"][index] for index in sorted(wanted - reached)]
    assert not unreached, f"{url}: Tab never reaches these article links: {unreached}"


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
