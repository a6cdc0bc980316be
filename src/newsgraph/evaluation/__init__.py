"""Scorers against public gold data. Each module: evaluate(data, **options) -> dict; render(result, console)."""
