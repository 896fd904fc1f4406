"""Every output: Rich views, JSON/CSV/Markdown records, export, the console, error printing.

Each result type has one module here with a `View` (see `render.output`): the
table view, the JSON record, the Markdown document and, for listings, CSV rows.
"""
