"""Personal data a place record should not publish without the person's consent.

Everything in a record is published: the place's page, the exports, and for
`notes_verification` the « À vérifier » page. A place's contacts should be the place's own
(its reception's line, a generic address); a private mobile number or an address written
« prénom.nom » at a webmail is probably a person's. These are warnings, not errors: a
mediator may agree to publish their work mobile. The message says how to proceed.
"""

from __future__ import annotations

import re

# Webmail and access-provider domains where an address belongs to a person, not a place.
WEBMAIL_DOMAINS = frozenset(
    {
        "aol.com",
        "bbox.fr",
        "free.fr",
        "gmail.com",
        "gmx.fr",
        "hotmail.com",
        "hotmail.fr",
        "icloud.com",
        "laposte.net",
        "live.fr",
        "me.com",
        "neuf.fr",
        "orange.fr",
        "outlook.com",
        "outlook.fr",
        "proton.me",
        "protonmail.com",
        "sfr.fr",
        "wanadoo.fr",
        "yahoo.com",
        "yahoo.fr",
    }
)
# « prénom.nom », « prenom-nom », « prenom_nom », maybe with digits after.
_FIRST_LAST = re.compile(r"[^\W\d_]{2,}(?:[._-][^\W\d_]{2,})+[0-9]*")
# Mobile numbers, in the records' +33… form: 06 and 07 in metropolitan France, and the
# overseas mobile ranges (La Réunion, Mayotte, Guadeloupe, Martinique, Guyane).
MOBILE_PREFIXES = (
    "+336",
    "+337",
    "+262692",
    "+262693",
    "+262639",
    "+590690",
    "+590691",
    "+596696",
    "+596697",
    "+594694",
)
# In free text: an e-mail address, or a French phone number however it is spaced.
_EMAIL_IN_TEXT = re.compile(r"[\w.+-]+@[\w-]+(?:\.[\w-]+)+")
_PHONE_IN_TEXT = re.compile(r"(?:\+33\s?|\b0)[1-9](?:[\s.-]?[0-9]{2}){4}\b")


def personal_email(address: str) -> bool:
    local, _, domain = address.rpartition("@")
    return domain.lower() in WEBMAIL_DOMAINS and _FIRST_LAST.fullmatch(local) is not None


def mobile_number(number: str) -> bool:
    return number.startswith(MOBILE_PREFIXES)


def contacts_in_text(text: str) -> list[str]:
    """The e-mail addresses and phone numbers written in a free text."""
    return [m.group() for m in _EMAIL_IN_TEXT.finditer(text)] + [
        m.group() for m in _PHONE_IN_TEXT.finditer(text)
    ]
