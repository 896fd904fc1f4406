"""The data layer: where the data lives, reading it safely, validating it, the catalog index.

Kept light on purpose: importing `ecocareer.catalog` loads no models, YAML or
Rich, so `--help` and `data path` answer fast. Import the module you need
(`catalog.index`, `catalog.loading`, `catalog.locations`, ...).
"""
