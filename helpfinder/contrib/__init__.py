"""Stage 6, contrib: the commands contributors and maintainers run (validate, import, new
record, records to check, survey, schemas). Last stage: it may import every other one."""
