"""Stage 2, data: the only code that reads `data/`. It loads every file (YAML records, CSV
tables, schemas, documents, survey results), checks each value against its schema and gives
back validated records and every problem with its file and line. Imports only `core`."""
