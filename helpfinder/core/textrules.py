"""What a record's text may hold, written once: the validator (Python) and the « Proposer un
lieu » form (JavaScript, in the browser) run these same regular expressions, so the form
never hands over a record that `make validate` then refuses.

Patterns use only the syntax both engines read the same way: character classes with
`\\uXXXX` escapes, `[0-9]` (Python's `\\d` also matches other scripts' digits), an explicit
list of spaces (the two engines' `\\s` differ) and `(?:…)` groups. Each is a whole value:
Python calls `fullmatch`, the browser wraps it in `^(?:…)$` with the `u` flag.
"""

from __future__ import annotations

import re
from typing import Any

# Characters no text of a record may hold, with what to call them in a message:
# - controls (except tab and line breaks): invisible, and they break the Atom feed's XML;
# - bidirectional embeddings, overrides and isolates: they change the order in which the
#   text around them is shown, e.g. print a phone number backwards on the orientation sheet
#   (the marks U+200E and U+200F only place punctuation: allowed);
# - non-characters and lone surrogate halves: not text at all.
_FORBIDDEN: tuple[tuple[int, int, str], ...] = (
    (0x00, 0x08, "caractère de contrôle"),
    (0x0B, 0x0C, "caractère de contrôle"),
    (0x0E, 0x1F, "caractère de contrôle"),
    (0x7F, 0x9F, "caractère de contrôle"),
    (0x061C, 0x061C, "commande de sens d'écriture"),
    (0x202A, 0x202E, "commande de sens d'écriture"),
    (0x2066, 0x2069, "commande de sens d'écriture"),
    (0xD800, 0xDFFF, "moitié de caractère isolée"),
    (0xFDD0, 0xFDEF, "non-caractère"),
    *((plane + 0xFFFE, plane + 0xFFFF, "non-caractère") for plane in range(0, 0x110000, 0x10000)),
)

# Spaces, as both engines must read them (the union of Python's and JavaScript's `\s`,
# without the controls, which are forbidden anyway).
# Quotes are written as themselves: JavaScript's `u` flag refuses `\"` in a pattern.
QUOTE = '"'
QUOTES = "\"'"
SPACES = r" \t\n\r\u00a0\u1680\u2000-\u200a\u2028\u2029\u202f\u205f\u3000\ufeff"

PATTERNS: dict[str, str] = {
    # +33 and the overseas codes the standard accepts, then 6 to 9 digits.
    "telephone": r"(?:\+33|\+590|\+594|\+262|\+596|\+269|\+687|\+689|\+508|\+681)[0-9]{6,9}",
    "telephone_fr": r"0[1-9][0-9]{8}",
    "courriel": rf"[^@{SPACES}<>()\[\],;:{QUOTE}]+@[^@{SPACES}<>()\[\],;:{QUOTE}]+\.[a-zA-Z]{{2,}}",
    # http(s) only; a host of dotted labels with no user name or password before it
    # (no « @ » before the host), an optional port, then anything but spaces and quotes.
    "url": (
        rf"[hH][tT][tT][pP][sS]?://[^{SPACES}<>{QUOTES}/?#@\\:.]+(?:\.[^{SPACES}<>{QUOTES}/?#@\\:.]+)+"
        rf"(?::[0-9]{{1,5}})?(?:[/?#][^{SPACES}<>{QUOTES}]*)?"
    ),
    "code_postal": r"[0-9]{5}",
    "code_insee": r"(?:[013-9][0-9]|2[AB1-9])[0-9]{3}",
}


def _python_class(ranges: tuple[tuple[int, int, str], ...]) -> str:
    return "[" + "".join(f"\\U{a:08x}-\\U{b:08x}" for a, b, _ in ranges) + "]"


def _javascript_class(ranges: tuple[tuple[int, int, str], ...]) -> str:
    return "[" + "".join(f"\\u{{{a:x}}}-\\u{{{b:x}}}" for a, b, _ in ranges) + "]"


FORBIDDEN = re.compile(_python_class(_FORBIDDEN))
COMPILED = {name: re.compile(pattern) for name, pattern in PATTERNS.items()}


def matches(name: str, value: str) -> bool:
    """True when the whole of `value` has the format `name` (see PATTERNS)."""
    return COMPILED[name].fullmatch(value) is not None


def forbidden_character(value: str) -> str | None:
    """The first forbidden character of `value`, described for a message, or None:
    « U+202E (commande de sens d'écriture) »."""
    found = FORBIDDEN.search(value)
    if found is None:
        return None
    code = ord(found.group())
    kind = next(kind for a, b, kind in _FORBIDDEN if a <= code <= b)
    return f"U+{code:04X} ({kind})"


def for_the_browser() -> dict[str, Any]:
    """The rules as the form reads them (JavaScript regular expression sources, `u` flag)."""
    return {
        "interdit": _javascript_class(_FORBIDDEN),
        "noms_interdits": [{"de": a, "a": b, "nom": kind} for a, b, kind in _FORBIDDEN],
        **PATTERNS,
    }
