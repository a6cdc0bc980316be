"""The ``newsgraph`` command: thin Typer commands over the library.

Each command group lives in its own module and registers itself on ``app``. User errors
(NewsgraphError) become one clear line on stderr and a non-zero exit code, never a traceback.
"""
from __future__ import annotations

import sys

import typer
from rich.console import Console

from ..errors import NewsgraphError

app = typer.Typer(
    name="newsgraph",
    help="Turn news pages into a sourced event graph: who did what to whom, where, when, and according to whom.",
    no_args_is_help=True,
    add_completion=False,
    pretty_exceptions_enable=False,
)
err_console = Console(stderr=True)

from . import corpus, evaluate, extract, run, serve  # noqa: E402  (each registers its commands)

for _module in (extract, evaluate, corpus, serve, run):
    _module.register(app)


def main() -> None:
    try:
        app()
    except NewsgraphError as exc:
        err_console.print(f"[bold red]error[/] [dim]({exc.code})[/] {exc}", highlight=False, soft_wrap=True)
        sys.exit(exc.exit_code)
    except KeyboardInterrupt:
        err_console.print("interrupted")
        sys.exit(130)
