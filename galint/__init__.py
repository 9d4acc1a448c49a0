"""galint: a linter for the Global Alliance against Child Sexual Abuse Online country reports."""

__version__ = "0.1.0"
