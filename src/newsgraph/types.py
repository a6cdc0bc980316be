"""Every type that crosses a stage boundary.

ingest -> RawDocument; clean -> Article | Skipped; nlp -> spaCy Doc (never leaves a process);
extract -> Actor, Place, TimeRef, Quantity, Attribution, Quote, Event; assemble -> ArticleRecord.
All records are frozen dataclasses made of plain values, so they pickle, cross process and Ray
boundaries, and serialise with ``to_dict``. Offsets are character offsets into ``Article.text``.
"""
from __future__ import annotations

import dataclasses
import json
from dataclasses import dataclass, field
from typing import Any, Literal

Certainty = Literal["asserted", "reported", "hedged", "denied"]
Precision = Literal["day", "month", "year", "range"]
Bound = Literal["exact", "max", "min", "approx"]
SourceKind = Literal["outlet", "person", "official", "anonymous", "organisation", "publisher"]


_FIELDS: dict[type, tuple[str, ...]] = {}
_SCALARS = (str, int, float, bool, type(None))


def _plain(value: Any) -> Any:
    """Dataclasses to dicts, recursively; each class's field names are looked up once (a hot path of the store)."""
    kind = type(value)
    if kind in _SCALARS:
        return value
    names = _FIELDS.get(kind)
    if names is None:
        names = _FIELDS[kind] = (tuple(f.name for f in dataclasses.fields(value))
                                 if dataclasses.is_dataclass(value) and not isinstance(value, type) else ())
    if names:
        return {n: _plain(getattr(value, n)) for n in names}
    if isinstance(value, (list, tuple)):
        return [_plain(v) for v in value]
    if isinstance(value, dict):
        return {k: _plain(v) for k, v in value.items()}
    return value


class Record:
    """Mixin: plain-dict and JSON views of a dataclass."""

    def to_dict(self) -> dict[str, Any]:
        return _plain(self)

    def to_json(self, indent: int | None = None) -> str:
        return json.dumps(self.to_dict(), ensure_ascii=False, indent=indent)


# ---------------------------------------------------------------- ingest
@dataclass(frozen=True)
class RawDocument(Record):
    """One input before cleaning. ``content`` is bytes as read, or str when already decoded."""

    content: bytes | str
    source: str  # path, URL or "-": where it came from, for messages and skips
    url: str | None = None
    published: str | None = None  # ISO date given by the caller or the container (feed, WARC, JSONL)
    kind: Literal["html", "text"] | None = None  # None: detect


@dataclass(frozen=True)
class Skipped(Record):
    """An input that produced no article, and why. ``reason`` is an error code from errors.py."""

    source: str
    reason: str
    message: str


# ---------------------------------------------------------------- clean
@dataclass(frozen=True)
class Removal(Record):
    text: str
    reason: str  # navigation, advertisement, share-prompt, newsletter, cookie-notice, disclaimer, ...


@dataclass(frozen=True)
class Repeat(Record):
    first: tuple[int, int]
    again: tuple[int, int]


@dataclass(frozen=True)
class Article(Record):
    id: str  # stable hash of the cleaned text
    url: str | None
    title: str | None
    publisher: str | None
    published: str | None  # ISO date
    language: str | None
    text: str
    removed: tuple[Removal, ...] = ()
    repeated: tuple[Repeat, ...] = ()
    dateline: str | None = None
    source_format: Literal["html", "text"] = "text"

    def is_repeat(self, start: int, end: int | None = None) -> bool:
        """True when [start, end) lies in a paragraph that repeats an earlier one (used once in extraction)."""
        end = start if end is None else end
        return any(r.again[0] <= start and end <= r.again[1] for r in self.repeated)


# ---------------------------------------------------------------- extract
@dataclass(frozen=True)
class Actor(Record):
    text: str
    start: int
    end: int
    name: str  # normalised name: "Antony Blinken", "Iran", "The Wall Street Journal"
    code: str | None  # ISO-3 country code, or IGO/other code ("UNO", "EUR", "NATO")
    sector: str | None  # GOV, MIL, BUS, MED, REB, CVL, ...; None for a bare country
    kind: Literal["country", "person", "organisation", "outlet", "group"]
    id: str = ""  # "A1", ...
    office: str | None = None  # "Secretary of State"
    ref: str | None = None  # id of the first mention this one refers back to ("Blinken", "he")


@dataclass(frozen=True)
class Place(Record):
    text: str
    start: int
    end: int
    geonameid: int | None
    name: str | None
    country_code: str | None  # ISO-2, as GeoNames
    lat: float | None
    lon: float | None
    feature_class: str | None  # A (country, region), P (city), L (area), H, T ...
    feature_code: str | None = None
    id: str = ""  # "P1", ...
    population: int | None = None
    kind: str = "name"  # name (a place named as such), adjective ("Russian troops"), embedded ("Air Canada")


@dataclass(frozen=True)
class TimeRef(Record):
    text: str
    start: int
    end: int
    value: str | None  # "2023-01-05", "2023-01", "2023", "2023-02/2026-02"; None when no anchor
    precision: Precision | None
    id: str = ""  # "T1", ...


@dataclass(frozen=True)
class Quantity(Record):
    text: str
    start: int
    end: int
    value: float
    unit: str | None  # the counted thing: "drones"
    bound: Bound = "exact"
    per: str | None = None  # "month" for "each month"
    period: str | None = None  # "in the next few years"
    attribution: str | None = None
    id: str = ""


@dataclass(frozen=True)
class Source(Record):
    text: str
    name: str | None
    code: str | None  # actor code (ISO-3 of the person's or outlet's country) when known
    kind: SourceKind
    start: int | None = None
    end: int | None = None
    sector: str | None = None


@dataclass(frozen=True)
class Span(Record):
    start: int
    end: int
    text: str


@dataclass(frozen=True)
class Attribution(Record):
    id: str  # "R1", ...
    source: Source
    cue: str
    content: Span
    parent: str | None = None
    direct: bool = False  # content is a direct quote
    cue_span: tuple[int, int] | None = None


@dataclass(frozen=True)
class Quote(Record):
    id: str  # "Q1", ...
    speaker: Source | None
    text: str
    start: int
    end: int
    attribution: str | None = None


@dataclass(frozen=True)
class EventActor(Record):
    text: str
    name: str | None
    code: str | None
    sector: str | None
    actor_id: str | None = None  # id of the Actor mention


@dataclass(frozen=True)
class EventLocation(Record):
    text: str | None
    name: str | None
    geonameid: int | None
    country_code: str | None
    lat: float | None
    lon: float | None
    inferred: bool = False  # article's dominant place, not named in the clause


@dataclass(frozen=True)
class Mention(Record):
    start: int
    end: int


@dataclass(frozen=True)
class TextInfo(Record):
    start: int
    end: int


@dataclass(frozen=True)
class Event(Record):
    """A PLOVER event. Field names follow PLOVER's record format."""

    id: str
    event: str  # PLOVER type: AGREE, ASSAULT, ...
    mode: str | None
    context: tuple[str, ...]
    cameo: str | None
    actor: tuple[EventActor, ...]
    recipient: tuple[EventActor, ...]
    event_loc: EventLocation | None
    date: str | None
    date_precision: Precision | None
    event_text: str  # the trigger words
    text: str  # the sentence
    text_info: TextInfo  # the sentence's span
    certainty: Certainty
    attribution: str | None
    mentions: tuple[Mention, ...]
    extractor: str
    negated: bool = False


# ---------------------------------------------------------------- assemble
@dataclass(frozen=True)
class ArticleRecord(Record):
    """One article's sourced event graph: the output of ``newsgraph.extract``."""

    article: Article
    actors: tuple[Actor, ...] = ()
    places: tuple[Place, ...] = ()
    times: tuple[TimeRef, ...] = ()
    events: tuple[Event, ...] = ()
    attributions: tuple[Attribution, ...] = ()
    quotes: tuple[Quote, ...] = ()
    quantities: tuple[Quantity, ...] = ()
    extractors: dict[str, str] = field(default_factory=dict)  # stage -> versioned name
    schema_version: str = "1"


# ---------------------------------------------------------------- query
@dataclass(frozen=True)
class EventFilter(Record):
    """Filters shared by `newsgraph events`, `GET /api/events` and exports."""

    actor: str | None = None  # actor code ("IRN", "USA GOV") or name substring
    recipient: str | None = None
    type: str | None = None  # PLOVER event type
    since: str | None = None  # ISO date, inclusive
    until: str | None = None  # ISO date, inclusive
    near: tuple[float, float] | None = None  # (lat, lon); resolve a place name before building the filter
    radius_km: float = 100.0
    min_origins: int | None = None
