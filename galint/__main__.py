from galint.cli import entry_point

entry_point()
