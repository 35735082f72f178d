"""``python -m shomar`` runs the command line."""

from shomar.cli.main import run

run()
