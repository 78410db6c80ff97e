"""helpfinder: turns a territory's `data/` (places, pathways, communes) into a public directory.

Pipeline: load -> validate -> index -> generate -> export. This package holds the domain code
and never imports MkDocs; the adapters in `hooks/` do.
"""
