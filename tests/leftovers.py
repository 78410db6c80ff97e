"""What of one territory may remain in a site built for another: the names, INSEE codes,
postal codes and phone numbers of a data/ folder, and where a built site still shows them."""

from __future__ import annotations

import re
import zipfile
from pathlib import Path

import yaml

from helpfinder.core.display import phone as national_phone

# Files of the site that are the same whatever the territory (Material's and the vendored
# libraries' scripts and styles): a 5-digit number in minified code is not a leftover.
THIRD_PARTY = ("assets/javascripts/", "assets/stylesheets/", "assets/vendor/")
TEXT_SUFFIXES = {".html", ".js", ".json", ".xml", ".csv", ".txt", ".geojson", ".svg", ".css"}
SHORTEST_NAME = 4  # a 3-letter commune name (« Eu ») is a word of ordinary French too


def territory_terms(data: Path) -> set[str]:
    """The territory's own words: its names, its communes' names, INSEE and postal codes,
    its places' names and phone numbers (international and as people write them)."""
    terms: set[str] = set()
    info = yaml.safe_load((data / "territoire.yml").read_text(encoding="utf-8")) or {}
    terms |= {info.get("nom", ""), info.get("nom_court", "")}
    import csv

    with (data / "communes.csv").open(encoding="utf-8", newline="") as table:
        for row in csv.DictReader(table):
            terms |= {row["nom"], row["code_insee"], *row["codes_postaux"].split("|")}
    for path in sorted((data / "actors").glob("*.y*ml")):
        record = yaml.safe_load(path.read_text(encoding="utf-8")) or {}
        terms.add(str(record.get("nom", "")))
        for number in record.get("telephone") or []:
            spaced = national_phone(str(number))
            terms |= {str(number), spaced, spaced.replace(" ", "")}
    return {t for t in terms if len(t) >= SHORTEST_NAME}


def pattern_of(term: str) -> re.Pattern[str]:
    """The term as a whole word or number: « 69010 » is not found in « 1690100 »."""
    edge = r"\d" if term.replace(" ", "").lstrip("+").isdigit() else r"\w"
    return re.compile(rf"(?<!{edge}){re.escape(term)}(?!{edge})")


def found_in(site: Path, terms: set[str]) -> list[tuple[str, str]]:
    """(file, term) for every term in a built site, its data files and its offline copy."""
    patterns = {term: pattern_of(term) for term in terms}
    hits = []
    texts: list[tuple[str, str]] = []
    for path in sorted(site.rglob("*")):
        relative = path.relative_to(site).as_posix()
        if path.suffix == ".zip":
            with zipfile.ZipFile(path) as archive:
                for name in archive.namelist():
                    if Path(name).suffix in TEXT_SUFFIXES and not name.startswith(THIRD_PARTY):
                        texts.append((f"{relative}:{name}", archive.read(name).decode("utf-8")))
        elif path.suffix in TEXT_SUFFIXES and not relative.startswith(THIRD_PARTY):
            texts.append((relative, path.read_text(encoding="utf-8")))
    for name, text in texts:
        # Pages escape apostrophes: « L&#39;Arbresle » is « L'Arbresle » to a reader.
        text = text.replace("&#39;", "'").replace("&#x27;", "'").replace("\\u0027", "'")
        hits += [(name, term) for term, pattern in patterns.items() if pattern.search(text)]
    return hits
