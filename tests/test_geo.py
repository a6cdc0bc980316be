"""The gazetteer's disk cache: compact round trip, lazy build, and invalidation when the version changes."""
from __future__ import annotations

from newsgraph.geo import build, gazetteer
from newsgraph.geo.gazetteer import Entry, normalise

TOWN = Entry(4337291, "Pineville", "US", "LA", 31.32, -92.43, "P", "PPL", 14000)
STATE = Entry(4331987, "Louisiana", "US", "LA", 31.0, -92.0, "A", "ADM1", 300000)


def tiny_index():
    return {"pineville": (TOWN,), "louisiana": (STATE,), "la": (STATE, TOWN)}


def test_normalise_folds_case_accents_and_saint():
    assert normalise("St. Louis") == normalise("Saint Louis") == "saint louis"
    assert normalise("Québec") == "quebec" and normalise("the Gulf") == "gulf"


def test_the_compact_form_gives_back_the_same_entries():
    g = gazetteer.Gazetteer(gazetteer._compact(tiny_index()))
    assert g.get("la") == (STATE, TOWN) and g.get("pineville") == (TOWN,)
    assert g.get("nowhere") == () and "louisiana" in g and len(g) == 3


def test_cache_is_built_once_and_rebuilt_when_the_version_changes(tmp_path, monkeypatch):
    calls = []
    monkeypatch.setenv("NEWSGRAPH_CACHE", str(tmp_path))
    monkeypatch.setattr(build, "build", lambda: calls.append(1) or tiny_index())
    gazetteer.load.cache_clear()
    try:
        first = gazetteer.load()
        assert calls == [1] and gazetteer.cache_path().parent == tmp_path and gazetteer.cache_path().exists()
        gazetteer.load.cache_clear()
        assert gazetteer.load().get("pineville") == first.get("pineville") and calls == [1]  # read from disk
        monkeypatch.setattr(gazetteer, "VERSION", gazetteer.VERSION + "-next")
        gazetteer.load.cache_clear()
        gazetteer.load()
        assert calls == [1, 1] and len(list(tmp_path.glob("gazetteer-*.pkl"))) == 2
    finally:
        gazetteer.load.cache_clear()


def test_editing_a_lexicon_the_index_is_built_from_names_a_new_cache_file(monkeypatch):
    before = gazetteer.cache_path()
    monkeypatch.setattr(gazetteer, "_lexicon_digest", lambda: "edited")
    assert gazetteer.cache_path() != before and gazetteer.cache_path().name.endswith("-edited.pkl")


def test_divisions_from_the_admin1_lexicon_sit_among_their_towns():
    index = gazetteer.load()
    benue = next(e for e in index.get("benue state") if e.feature_code == "ADM1")
    makurdi = next(e for e in index.get("makurdi") if e.country_code == "NG")
    assert benue.country_code == "NG" and benue.admin1 == makurdi.admin1
    assert gazetteer.km((benue.lat, benue.lon), (makurdi.lat, makurdi.lon)) < 200
    assert not any(e.country_code == "NG" for e in index.get("delta"))  # a word: only "Delta State"
