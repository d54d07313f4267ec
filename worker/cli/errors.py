"""The command line's one error type: a failure reported as one line on stderr, exit code 1."""

from __future__ import annotations


class CliError(Exception):
    """A failure to report as one line on stderr."""
