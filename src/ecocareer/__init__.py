"""ecocareer: a command-line career advisor for digital marketing."""

__version__ = "0.1.0"
