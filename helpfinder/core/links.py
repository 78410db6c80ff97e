"""The only links a record may turn into: http(s) pages, e-mail and phone. Anything else is text.

Records are written by anyone through a pull request: a `javascript:` or `data:` URL in a
field must never become a live link, whatever a template does with it.
"""

from __future__ import annotations

import re
from urllib.parse import quote, urlsplit

_PHONE = re.compile(r"^\+\d{6,15}$")
_EMAIL = re.compile(r"^[^@\s<>\"'()\\,;:]+@[^@\s<>\"'()\\,;:]+\.[^@\s<>\"'()\\,;:]+$")


def web(url: str | None) -> str | None:
    """`url` when it is an absolute http(s) address with a host, else None."""
    if not url or any(c.isspace() or ord(c) < 32 for c in url):
        return None
    parts = urlsplit(url)
    if parts.scheme.lower() not in ("http", "https") or not parts.hostname:
        return None
    return url


def tel(number: str | None) -> str | None:
    """`tel:+33…` for an international number, else None."""
    return f"tel:{number}" if number and _PHONE.match(number) else None


def mailto(address: str | None) -> str | None:
    """`mailto:…` for a plain e-mail address, else None."""
    return f"mailto:{quote(address, safe='@.+-_')}" if address and _EMAIL.match(address) else None


def osm_map(latitude: float, longitude: float) -> str:
    """A link (not a request: nothing loads until the person follows it) to the spot on OSM."""
    return (
        f"https://www.openstreetmap.org/?mlat={latitude:.6f}&mlon={longitude:.6f}"
        f"#map=17/{latitude:.6f}/{longitude:.6f}"
    )
