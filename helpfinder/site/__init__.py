"""Stage 5, site: the public site as pages and files in memory: routes, the declared list of
pages, views (records put into words), templates and the theme. It knows no site generator:
`hooks/` hands its pages to MkDocs. Imports the stages before it, never `contrib`."""
