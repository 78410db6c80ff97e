"""Stage 1, core: plain functions and types every stage shares (problems and their codes, the
build's clock, text folding and slugs, geometry, nearest points, opening hours, French
wording). No file is opened here, and nothing is imported from the other stages."""
