"""Stage 3, analysis: what is worked out from the validated directory, once per build, with
no URL and no page in sight: the index (places by commune, nearest service), coverage,
the actors' inventory, freshness. Imports only `core` and `data`."""
