"""Every user-facing command has help text and is documented in docs/ or the README."""
from __future__ import annotations

from pathlib import Path

import click
import typer.main

from newsgraph.cli import app

ROOT = Path(__file__).resolve().parents[1]


def _commands(group: click.Group, prefix: str = ""):
    for name, cmd in group.commands.items():
        full = f"{prefix} {name}".strip()
        yield full, cmd
        if isinstance(cmd, click.Group):
            yield from _commands(cmd, full)


def test_every_command_has_help_and_docs():
    root = typer.main.get_command(app)
    docs = "\n".join(p.read_text() for p in [ROOT / "README.md", *sorted((ROOT / "docs").glob("*.md"))])
    commands = list(_commands(root))
    assert {"extract", "eval"} <= {name for name, _ in commands}
    for name, cmd in commands:
        assert (cmd.help or "").strip(), f"'newsgraph {name}' has no help text"
        for param in cmd.params:
            if isinstance(param, click.Option):
                assert (param.help or "").strip(), f"option {param.opts} of 'newsgraph {name}' has no help"
        assert f"newsgraph {name}" in docs, f"'newsgraph {name}' is not documented in README.md or docs/"
