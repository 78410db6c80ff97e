"""The body of a document (a compte rendu, a benchmark fiche) as HTML for a page.

markdown-it with raw HTML and images turned off and its link checks on: whatever a
document holds, it comes out as text, a `javascript:` link stays text, and nothing is
loaded from another site.
"""

from __future__ import annotations

from markdown_it import MarkdownIt

from helpfinder.core.text import slugify

# No images either: a picture from another site would be a request to a third party.
_MD = MarkdownIt("commonmark", {"html": False}).enable("table").disable("image")


def render_markdown(text: str) -> str:
    """HTML of a document's body: raw HTML shown as text, unsafe links left as text, titles
    one level down (the page's own title is the h1) with anchors."""
    tokens = _MD.parse(text)
    shift = 1 if any(t.type == "heading_open" and t.tag == "h1" for t in tokens) else 0
    for position, token in enumerate(tokens):
        if token.type in ("heading_open", "heading_close"):
            token.tag = f"h{min(int(token.tag[1]) + shift, 6)}"
        if token.type == "heading_open" and token.tag in ("h2", "h3"):
            token.attrSet("id", slugify(tokens[position + 1].content) or f"partie-{position}")
        if token.type == "table_open":
            token.attrSet("class", "hf-table")
    return _MD.renderer.render(tokens, _MD.options, {})
