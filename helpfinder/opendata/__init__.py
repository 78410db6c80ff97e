"""Stage 4, open data: the places in other people's formats, both ways: the national
standard's CSV (export and import, with matching of places already known) and
data·inclusion's structures and services. Imports the stages before it, never `site`."""
