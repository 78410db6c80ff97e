"""Language codes (ISO 639-1) and their French names, from Babel's CLDR data."""

from __future__ import annotations

from functools import cache

from babel import Locale


@cache
def language_names() -> dict[str, str]:
    """`{"ar": "arabe", "en": "anglais", ...}`: the 184 two-letter ISO 639-1 codes."""
    names = Locale("fr").languages
    return {code: names[code] for code in sorted(names) if len(code) == 2 and code.isalpha()}


@cache
def language_codes() -> frozenset[str]:
    return frozenset(language_names())
