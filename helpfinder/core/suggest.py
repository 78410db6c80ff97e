"""Near-miss suggestions: the value a contributor probably meant (a lost accent, another case)."""

from __future__ import annotations

import difflib
from collections.abc import Iterable

from helpfinder.core.text import fold


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


_ABBREVIATIONS = {"st": "saint", "ste": "sainte"}
_ARTICLES = ("le", "la", "les", "l")


def _words(text: str) -> list[str]:
    """The words of a place name as people type it: folded, « St » and « Ste » spelt out."""
    return [_ABBREVIATIONS.get(w, w) for w in fold(text).split()]


def name_matches(answer: str, names: Iterable[str], most: int = 3) -> list[str]:
    """The names `answer` may stand for, best first: the start of a name (« Carhaix » for
    « Carhaix-Plouguer », « st test » for « Saint-Test »), words of a name without its article
    (« Epreuves » for « Les Épreuves »), or a near spelling (« Verrif » for « Vérif »)."""
    wanted = _words(answer[:200])
    if not wanted:
        return []
    starts, inside = [], []
    for name in names:
        words = _words(name)
        bare = words[1:] if len(words) > 1 and words[0] in _ARTICLES else words
        if any(
            w[: len(wanted)] == wanted
            or (
                w[: len(wanted) - 1] == wanted[:-1]
                and len(w) >= len(wanted)
                and w[len(wanted) - 1].startswith(wanted[-1])
            )
            for w in (words, bare)
        ):
            starts.append(name)
        elif any(words[i : i + len(wanted)] == wanted for i in range(len(words) - len(wanted) + 1)):
            inside.append(name)
    found = sorted(starts, key=len) + sorted(inside, key=len)
    near = closest(answer, [n for n in names if n not in found]) if len(found) < most else None
    return (found + ([near] if near else []))[:most]


def either(names: list[str]) -> str:
    """`« A »`, `« A » ou « B »`, `« A », « B » ou « C »`."""
    quoted = [f"« {n} »" for n in names]
    return quoted[0] if len(quoted) == 1 else f"{', '.join(quoted[:-1])} ou {quoted[-1]}"
