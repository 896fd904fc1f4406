"""`python -m ecocareer` runs the command line."""

from ecocareer.cli import main

main()
