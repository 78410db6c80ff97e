"""« Proposer un lieu ou une correction »: the form in Chromium builds a record the
validator accepts, checks hours, phone and postal code as one types (with the same rules as
the validator), sends nothing anywhere, and hands the record over by copy, file, repository
page or e-mail."""

from __future__ import annotations

from pathlib import Path
from urllib.parse import parse_qs, unquote, urlsplit

import hostile
import pytest
import yaml
from browser import describe_violations, is_allowed_request, run_axe, serve

from conftest import (
    TODAY,
    VAL_ESSAI,
    build,
    copy_territory,
    make_project,
    territory_without_records,
    write,
)
from helpfinder.core.hours import HoursError, loose_suggestion, parse_day
from helpfinder.data.load import load_directory


def fill_valid(page) -> None:
    page.fill("#hf-p-nom", "Médiathèque « La Source »")
    page.fill("#hf-p-commune", "bourg-d'exemple")
    page.fill("#hf-p-adresse", '2 place de la Gare, "bâtiment B"')
    page.fill("#hf-p-telephone", "04 74 01 02 03")
    page.fill("#hf-p-courriels", "accueil@exemple.fr")
    page.fill("#hf-p-site_web", "www.exemple.fr")
    page.fill("#hf-p-mardi", "14:00-18:00")
    page.fill("#hf-p-samedi", "09:00-12:00, 14:00-16:30")
    page.check("#hf-p-service-1")
    page.check("#hf-p-service-8")
    page.check("#hf-p-frais-1")
    page.select_option("#hf-p-rendez_vous", "sans rendez-vous")
    page.fill("#hf-p-presentation_resume", "Ordinateurs en accès libre.\nAide pour les démarches.")
    page.fill("#hf-p-source", "Appel à l'accueil de la médiathèque")
    page.fill("#hf-p-date_maj", "2026-11-20")


def test_the_record_built_in_the_browser_passes_the_validator(base_url, open_page, data_dir):
    requests: list = []
    page = open_page(
        f"{base_url}/proposer/", settled=True, on_request=lambda request: requests.append(request)
    )
    loaded = len(requests)
    fill_valid(page)
    page.click("[data-action=copier]")
    text = page.text_content("#hf-p-yaml")
    assert page.text_content("#hf-p-etat") != "" and "pas encore prête" not in page.text_content(
        "#hf-p-etat"
    )
    record = yaml.safe_load(text)
    write(data_dir, f"actors/{record['id']}.yml", text)
    directory, report = load_directory(data_dir, TODAY)
    assert report.errors == [], [p.format() for p in report.errors]
    (place,) = directory.places
    assert place.id == "mediatheque-la-source-bourg-d-exemple"
    assert text.splitlines()[0] == "# yaml-language-server: $schema=../schemas/editeur/lieu.json"
    data = place.data
    assert (data["code_insee"], data["code_postal"], data["commune"]) == (
        "99003",
        "99120",
        "Bourg-d'Exemple",
    )
    assert data["nom"] == "Médiathèque « La Source »"
    assert data["adresse"] == '2 place de la Gare, "bâtiment B"'
    assert data["telephone"] == ["+33474010203"] and data["site_web"] == ["https://www.exemple.fr"]
    assert data["horaires"] == {"mardi": "14:00-18:00", "samedi": "09:00-12:00, 14:00-16:30"}
    assert data["services"] == [
        "Aide aux démarches administratives",
        "Accès internet et matériel informatique",
    ]
    assert data["presentation_resume"] == "Ordinateurs en accès libre.\nAide pour les démarches."
    assert data["date_maj"].isoformat() == "2026-11-20" and data["profil"] == "mediation"
    # Typing, checking and copying send nothing: later requests are only the search's own
    # scripts, fetched from this site, without any query.
    for request in requests[loaded:]:
        assert request.method == "GET" and "?" not in request.url, request.url
        assert request.url.startswith(base_url) and "/assets/" in request.url, request.url


def test_mistakes_are_shown_under_their_field_as_one_types(base_url, open_page):
    page = open_page(f"{base_url}/proposer/")
    page.fill("#hf-p-commune", "Bourg-d'Exemple")
    page.fill("#hf-p-code_postal", "99290")
    page.fill("#hf-p-mardi", "14h-18h30")
    page.fill("#hf-p-telephone", "04 74")
    assert (
        page.text_content("#hf-p-code_postal-err") == "le code postal de Bourg-d'Exemple est 99120"
    )
    assert "vouliez-vous dire « 14:00-18:30 » ?" in page.text_content("#hf-p-mardi-err")
    assert "10 chiffres" in page.text_content("#hf-p-telephone-err")
    for field in ("code_postal", "mardi", "telephone"):
        assert page.get_attribute(f"#hf-p-{field}", "aria-invalid") == "true", field
    assert page.is_hidden("#hf-p-nom-err")  # not touched yet: no message
    violations = run_axe(page)
    assert not violations, describe_violations(violations)
    page.fill("#hf-p-mardi", "14:00-18:30")
    assert page.is_hidden("#hf-p-mardi-err")
    assert page.get_attribute("#hf-p-mardi", "aria-invalid") is None
    page.click("[data-action=copier]")
    status = page.text_content("#hf-p-etat")
    assert status == (
        "La fiche n'est pas encore prête : 6 points à corriger (Nom, Code postal, Adresse, "
        "Téléphone, Ce que l'on peut y faire, Qui a donné les informations)."
    )
    assert page.evaluate("document.activeElement.id") == "hf-p-nom"


HOURS_CASES = [
    "08:30-12:30",
    "08:30-12:30, 13:30-17:00",
    "fermé",
    "8h30-12h",
    "8h30 - 12h30",
    "08h30 à 12h30 et 14h-17h",
    "12:00-11:00",
    "09:00-12:00, 11:00-14:00",
    "14:00-16:00, 09:00-12:00",
    "25:00-26:00",
    "00:00-24:00",
    "matin",
    "9:00-12:00",
]


@pytest.mark.parametrize("text", HOURS_CASES)
def test_the_browser_reads_hours_as_the_validator_does(base_url, open_page, text):
    page = open_page(f"{base_url}/proposer/")
    result = page.evaluate("t => window.hfProposer.parseDay(t)", text)
    try:
        ranges = parse_day(text)
    except HoursError:
        assert "error" in result, (text, result)
        assert (result.get("suggestion") or None) == loose_suggestion(
            text
        ) or "format" not in result["error"]
        return
    assert "error" not in result, (text, result)
    assert [tuple(r) for r in result["ranges"]] == ranges


def test_without_javascript_the_page_gives_a_blank_record(base_url, open_page):
    page = open_page(f"{base_url}/proposer/", javascript=False)
    assert page.is_hidden("#hf-proposer")
    blank = page.text_content("[data-proposer-sans-js] pre")
    assert blank.startswith("# yaml-language-server: $schema=../schemas/editeur/lieu.json\n")
    for field in (
        "nom:",
        "commune:",
        "code_postal:",
        "adresse:",
        "services:",
        "source:",
        "date_maj:",
    ):
        assert f"\n{field}\n" in blank, field


@pytest.fixture(scope="module")
def forge_site(tmp_path_factory) -> Path:
    """The fixture with a GitHub repository and another maintainers' address."""
    root = tmp_path_factory.mktemp("forge")
    copy_territory(VAL_ESSAI, root / "data")
    territory = (root / "data" / "territoire.yml").read_text(encoding="utf-8")
    territory = territory.replace(
        "  depot: https://forge.exemple.fr/val-essai/annuaire\n  modifier: -/edit/principale/\n",
        "  depot: https://github.com/exemple/annuaire\n",
    ).replace("  courriel: annuaire@val-essai.exemple.fr\n", "  courriel: annuaire@exemple.fr\n")
    (root / "data" / "territoire.yml").write_text(territory, encoding="utf-8")
    make_project(root)
    result = build(root)
    assert result.returncode == 0, result.stderr
    return root / "site"


def handed_over_link(page, action: str) -> str:
    """Click an action and return the address it leads to, without leaving the page."""
    page.evaluate("document.addEventListener('click', e => e.preventDefault())")
    page.click(f"[data-action={action}]")
    return page.get_attribute(f"[data-action={action}]", "href")


def test_the_record_opens_the_repositorys_new_file_page_or_an_email(forge_site, open_page):
    with serve(forge_site) as url:
        page = open_page(f"{url}/proposer/")
        fill_valid(page)
        href = handed_over_link(page, "depot")
        parts = urlsplit(href)
        assert (
            f"{parts.scheme}://{parts.netloc}{parts.path}"
            == "https://github.com/exemple/annuaire/new/main/data/actors"
        )
        query = parse_qs(parts.query)
        assert query["filename"] == ["mediatheque-la-source-bourg-d-exemple.yml"]
        assert query["value"] == [page.text_content("#hf-p-yaml")]
        mail = handed_over_link(page, "courriel")
        assert mail.startswith("mailto:annuaire@exemple.fr?subject=")
        mail_query = parse_qs(urlsplit(mail).query)
        assert mail_query["body"] == [page.text_content("#hf-p-yaml")]
        assert unquote(mail_query["subject"][0]) == "Nouvelle fiche : Médiathèque « La Source »"
        saved = handed_over_link(page, "telecharger")
        assert saved.startswith("blob:") and is_allowed_request(saved)
        assert (
            page.get_attribute("[data-action=telecharger]", "download")
            == "mediatheque-la-source-bourg-d-exemple.yml"
        )
        assert page.is_hidden("[data-forge-autre]")


def test_the_copy_is_the_record(base_url, browser):
    context = browser.new_context(locale="fr-FR")
    context.grant_permissions(["clipboard-read", "clipboard-write"], origin=base_url)
    page = context.new_page()
    page.goto(f"{base_url}/proposer/")
    fill_valid(page)
    page.click("[data-action=copier]")
    page.wait_for_function("document.getElementById('hf-p-etat').textContent.includes('copiée')")
    assert page.evaluate("navigator.clipboard.readText()") == page.text_content("#hf-p-yaml")
    context.close()


def test_typed_text_never_becomes_markup(base_url, open_page):
    page = open_page(f"{base_url}/proposer/")
    page.fill("#hf-p-nom", '<img src=x onerror="window.hacked=1">')
    page.fill("#hf-p-commune", "<b>x</b>")
    assert page.evaluate("window.hacked") is None
    assert (
        page.locator("#hf-p-yaml img").count() == 0 and page.locator("#hf-proposer b").count() == 0
    )
    assert "<img src=x" in page.text_content("#hf-p-yaml")


# Each case: the form's field, the value typed, and the field of the record it fills.
AGREEMENT_CASES = (
    [("nom", text, True) for text in hostile.TEXTS_ACCEPTED]
    + [(name, text, False) for text in hostile.INVISIBLE for name in ("nom", "adresse")]
    + [("source", hostile.INVISIBLE[5], False), ("complement_adresse", hostile.INVISIBLE[0], False)]
    + [("presentation_resume", hostile.INVISIBLE[1], False)]
    + [("courriels", text, True) for text in hostile.EMAILS_ACCEPTED]
    + [("courriels", text, False) for text in hostile.EMAILS_REFUSED]
    + [("site_web", text, True) for text in hostile.URLS_ACCEPTED]
    + [("site_web", text, False) for text in hostile.URLS_REFUSED]
    + [("telephone", text, True) for text in hostile.PHONES_ACCEPTED]
    + [("telephone", text, False) for text in hostile.PHONES_REFUSED]
    + [("code_postal", text, False) for text in hostile.POSTAL_CODES_REFUSED]
)
LISTS = ("telephone", "courriels", "site_web")
# What fill_valid typed, put back after each case.
VALID_VALUES = {
    "nom": "Médiathèque « La Source »",
    "adresse": '2 place de la Gare, "bâtiment B"',
    "source": "Appel à l'accueil de la médiathèque",
    "telephone": "04 74 01 02 03",
    "courriels": "accueil@exemple.fr",
    "site_web": "www.exemple.fr",
    "presentation_resume": "Ordinateurs en accès libre.",
}


def test_the_form_and_the_validator_agree_on_the_hostile_corpus(base_url, open_page, tmp_path):
    """One set of rules: what the form accepts, `make validate` accepts; what it refuses,
    `make validate` refuses too (the raw value, in the same field)."""
    page = open_page(f"{base_url}/proposer/")
    fill_valid(page)
    valid = yaml.safe_load(page.text_content("#hf-p-yaml"))
    disagreements = []
    for number, (name, typed, expected) in enumerate(AGREEMENT_CASES):
        page.fill(f"#hf-p-{name}", typed)
        error = (
            page.text_content(f"#hf-p-{name}-err") if page.is_visible(f"#hf-p-{name}-err") else ""
        )
        if error:  # the form's text is not handed over: the valid record, with this value
            record = {**valid, name: [typed] if name in LISTS else typed}
        else:
            record = yaml.safe_load(page.text_content("#hf-p-yaml"))
        data = territory_without_records(tmp_path / f"cas-{number}")
        write(data, f"actors/{record['id']}.yml", yaml.safe_dump(record, allow_unicode=True))
        _, report = load_directory(data, TODAY)
        refused = [p for p in report.errors if p.field.split("[")[0] == name]
        others = [p.format() for p in report.errors if p not in refused]
        assert not others, (name, typed, others)
        form_accepts, validator_accepts = not error, not refused
        if form_accepts != validator_accepts or form_accepts != expected:
            disagreements.append((name, typed, error, [p.message for p in refused]))
        if name in ("nom", "adresse", "source"):
            assert not error or "U+" in error, (name, typed, error)  # names the invisible one
        page.fill(f"#hf-p-{name}", VALID_VALUES.get(name, ""))
    assert disagreements == []
