"""Text as people compare it: one accent fold (for matching and alphabetical order) and one
slug (for identifiers, file names and URLs), used by every stage."""

from __future__ import annotations

import re
import unicodedata

# Letters that Unicode does not decompose but French writes as two: « cœur » is « coeur ».
_LIGATURES = str.maketrans({"œ": "oe", "æ": "ae"})
_SEPARATORS = re.compile(r"[\s_\-’'`]+")
_NOT_SLUG = re.compile(r"[^a-z0-9]+")


def fold(text: str) -> str:
    """Lower case, no accents, one kind of separator: what two near-identical labels share,
    and the order a French reader expects (`L'Île` sorts as `l ile`)."""
    decomposed = unicodedata.normalize("NFKD", text.casefold().translate(_LIGATURES))
    bare = "".join(c for c in decomposed if not unicodedata.combining(c))
    return _SEPARATORS.sub(" ", bare).strip()


def slugify(text: str) -> str:
    """`Saint-Étienne` -> `saint-etienne`, `L'Île-d'Yeu` -> `l-ile-d-yeu`, `Cœur` -> `coeur`;
    empty when nothing of `text` is a letter or a digit."""
    return _NOT_SLUG.sub("-", fold(text)).strip("-")
