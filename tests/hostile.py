"""The hostile corpus: values an attacker, a careless paste or another script's digits put
into a record, each with what the rules must say of it. Shared by the validator's tests and
by the « Proposer un lieu » form's, which must agree value for value."""

from __future__ import annotations

# Characters no text may hold, written as they reach a record (YAML escapes reach it too).
INVISIBLE = [
    "a\x00b",  # NUL: the Atom feed would be invalid XML
    "a\x07b",
    "a\x1b[31mb",  # a terminal escape, printed by `make validate` in CI logs
    "a\x7fb",
    "a\x86b",  # a C1 control
    "Lieu\u202e04 37 49 70 91",  # right-to-left override: the number prints backwards
    "a\u2067b\u2069",  # right-to-left isolate
    "a\u061cb",
    "a\ufffeb",  # non-characters
    "a\U0010ffffb",
]

# Text fields: accepted as typed (markup and formulas are text; the page escapes them).
TEXTS_ACCEPTED = [
    "Médiathèque « L'Îlot » – accueil",
    "مكتبة المدينة",
    "Espace\u00a0numérique",
    "Lieu\u200f de test",
    "{{ 7*7 }} {% raw %}",
    "<script>alert(1)</script><img src=x onerror=alert(1)>",
    '=HYPERLINK("https://exemple.fr")',
]

EMAILS_ACCEPTED = ["accueil@exemple.fr", "prenom.nom+tri@sous.domaine.fr", "a-b_c@exemple.co"]
EMAILS_REFUSED = [
    "accueil@exemple",
    "accueil@exemple.f",
    "a b@exemple.fr",
    "a@b@exemple.fr",
    "<accueil@exemple.fr>",
    'a"b@exemple.fr',
    "a,b@exemple.fr",
    "acc\u00a0ueil@exemple.fr",
    "accueil@exemple.fr\u202e",
]

# As typed in the form, which adds « https:// » when no scheme is written.
URLS_ACCEPTED = [
    "https://www.exemple.fr",
    "www.exemple.fr",
    "http://exemple.fr/chemin?x=1#haut",
    "HTTPS://EXEMPLE.FR",
    "https://exemple.fr:8443/a",
]
URLS_REFUSED = [
    "javascript:alert(1)",
    "https://utilisateur:secret@exemple.fr",
    "https://exemple",
    "https://exemple.fr/a b",
    'https://exemple.fr/"onmouseover=alert(1)',
    "data:text/html,<b>x</b>",
    "https://exemple.fr\\@autre.fr",
    "https://exem\u00a0ple.fr",
]

# As typed in the form, which turns a French number into +33….
PHONES_ACCEPTED = [
    "04 74 01 02 03",
    "0474010203",
    "04.74.01.02.03",
    "+33474010203",
    "+262262000000",
]
PHONES_REFUSED = ["12345", "04 74", "+33 4 74", "٠٤٧٤٠١٠٢٠٣", "04 74 01 02 0x", "00474010203"]

POSTAL_CODES_REFUSED = ["9912", "٩٩١٢٠", "99 120", "9912O"]
