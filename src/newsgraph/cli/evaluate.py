"""newsgraph eval extraction|geoparsing|events|attribution

Each scorer lives in ``newsgraph.evaluation.<name>`` and exposes
``evaluate(data: Path, **options) -> dict`` (the figures) and ``render(result, console)``.
"""
from __future__ import annotations

import importlib
import json
from enum import Enum
from pathlib import Path

import typer
from rich.console import Console

from ..config import default_datasets_dir

eval_app = typer.Typer(help="Score newsgraph against public gold data (../shared/datasets) and print the figures.",
                       no_args_is_help=True)

JSON_HELP = "Print the figures as one JSON object."


def _run(name: str, data: Path, as_json: bool, **options) -> None:
    module = importlib.import_module(f"newsgraph.evaluation.{name}")
    result = module.evaluate(data, **options)
    if as_json:
        typer.echo(json.dumps(result, indent=2, ensure_ascii=False))
    else:
        module.render(result, Console())


@eval_app.command("extraction")
def eval_extraction(
    data: Path = typer.Option(None, "--data", help="ScrapingHub-format folder (html/*.html.gz, ground-truth.json)."),
    as_json: bool = typer.Option(False, "--json", help=JSON_HELP),
) -> None:
    """Score the cleaner with the ScrapingHub benchmark's 4-gram shingle P/R/F1, beside bare trafilatura."""
    _run("extraction", data or default_datasets_dir() / "extraction" / "scrapinghub", as_json)


class Suite(str, Enum):
    gwn = "gwn"
    lgl = "lgl"


@eval_app.command("geoparsing")
def eval_geoparsing(
    suite: Suite = typer.Option(Suite.gwn, "--suite", help="gwn (GeoWebNews) or lgl (Local-Global Lexicon)."),
    gold_spans: bool = typer.Option(False, "--gold-spans", help="Only resolve the gold toponym spans (skip end to end)."),
    data: Path = typer.Option(None, "--data", help="Folder holding gwn.xml and lgl.xml."),
    limit: int = typer.Option(None, "--limit", help="Score only the first N articles."),
    as_json: bool = typer.Option(False, "--json", help=JSON_HELP),
    errors: int = typer.Option(0, "--errors", min=0, help="Also list the N biggest gold-span errors and count them by cause."),
) -> None:
    """Accuracy@161km and error (gold spans), end-to-end P/R/F1, and a population-only baseline."""
    _run("geoparsing", data or default_datasets_dir() / "geoparsing", as_json,
         suite=suite.value, gold_spans=gold_spans, limit=limit, errors=errors)


@eval_app.command("events")
def eval_events(
    data: Path = typer.Option(None, "--data", help="A PLOVER gold-record JSON file (plover_gsr_cameo.json format)."),
    as_json: bool = typer.Option(False, "--json", help=JSON_HELP),
) -> None:
    """PLOVER event-type accuracy and macro F1, source/target country F1, mode agreement, confusion table."""
    _run("events", data or default_datasets_dir() / "events" / "plover_gsr_cameo.json", as_json)


@eval_app.command("attribution")
def eval_attribution(
    data: Path = typer.Option(None, "--data", help="A PolNeAR-style data/ folder (split/text, split/attributions)."),
    split: str = typer.Option("dev", "--split", help="The split folder to score."),
    limit: int = typer.Option(None, "--limit", help="Score only the first N articles."),
    write_predictions: Path = typer.Option(None, "--write-predictions",
                                           help="Also write predictions as .ann files here, for the reference scorer."),
    as_json: bool = typer.Option(False, "--json", help=JSON_HELP),
) -> None:
    """Source, cue and content span P/R/F1, exact and overlap, by the reference scorer's rules."""
    _run("attribution", data or default_datasets_dir() / "attribution" / "polnear", as_json,
         split=split, limit=limit, write_predictions=write_predictions)


def register(app: typer.Typer) -> None:
    app.add_typer(eval_app, name="eval")
