"""Extractors: one module each, run in this order. Each exposes ``NAME`` (versioned) and
``extract(ctx) -> list[record]``; results so far are on the Context for the later ones."""
from . import actors, attributions, dates, events, places, quantities, quotes

ORDER = (
    ("actors", actors),
    ("places", places),
    ("times", dates),
    ("quantities", quantities),
    ("attributions", attributions),
    ("quotes", quotes),
    ("events", events),
)
