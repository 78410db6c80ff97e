"""Near-miss suggestions: the value a contributor probably meant (a lost accent, another case)."""

from __future__ import annotations

import difflib
import re
import unicodedata
from collections.abc import Iterable

_SEPARATORS = re.compile(r"[\s_\-’'`]+")


def fold(text: str) -> str:
    """Lower case, no accents, one kind of separator: what two near-identical labels share."""
    decomposed = unicodedata.normalize("NFKD", text.casefold())
    bare = "".join(c for c in decomposed if not unicodedata.combining(c))
    return _SEPARATORS.sub(" ", bare).strip()


def closest(value: str, choices: Iterable[str], cutoff: float = 0.75) -> str | None:
    """The choice `value` most likely meant, or None when nothing is close enough."""
    by_fold: dict[str, str] = {}
    for choice in choices:
        by_fold.setdefault(fold(choice), choice)
    folded = fold(value[:200])
    if folded in by_fold:
        return by_fold[folded]
    matches = difflib.get_close_matches(folded, list(by_fold), n=1, cutoff=cutoff)
    return by_fold[matches[0]] if matches else None


def did_you_mean(value: str, choices: Iterable[str]) -> str:
    """` ; vouliez-vous dire 'x' ?` or an empty string."""
    guess = closest(value, choices)
    return f" ; vouliez-vous dire '{guess}' ?" if guess and guess != value else ""
