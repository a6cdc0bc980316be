"""Benchmark texts: the bundled samples and, when present, article texts from the shared datasets (read at run
time, never copied): ScrapingHub ground-truth bodies, PolNeAR texts, GeoWebNews and LGL texts."""
from __future__ import annotations

import json
import xml.etree.ElementTree as ET

from newsgraph.config import SAMPLES_DIR, default_datasets_dir
from newsgraph.types import RawDocument


def sample_texts() -> list[str]:
    manifest = json.loads((SAMPLES_DIR / "manifest.json").read_text())
    return [(SAMPLES_DIR / m["text"]).read_text(encoding="utf-8") for m in manifest]


def dataset_texts(limit_per_set: int = 100) -> dict[str, list[str]]:
    root = default_datasets_dir()
    out: dict[str, list[str]] = {}
    truth = root / "extraction" / "scrapinghub" / "ground-truth.json"
    if truth.exists():
        data = json.loads(truth.read_text())
        out["scrapinghub"] = [v["articleBody"] for v in data.values() if v.get("articleBody")][:limit_per_set]
    polnear = root / "attribution" / "polnear" / "dev" / "text"
    if polnear.is_dir():
        out["polnear"] = [p.read_text(encoding="utf-8") for p in sorted(polnear.glob("*.txt"))[:limit_per_set]]
    for name in ("gwn", "lgl"):
        path = root / "geoparsing" / f"{name}.xml"
        if path.exists():
            texts = [el.text for el in ET.parse(path).getroot().iter("text") if el.text]
            out[name] = texts[:limit_per_set]
    return {k: v for k, v in out.items() if v}


def all_texts(limit_per_set: int = 100) -> list[str]:
    texts = sample_texts()
    for group in dataset_texts(limit_per_set).values():
        texts.extend(group)
    return texts


def raws(texts: list[str], tag: str = "bench") -> list[RawDocument]:
    """Plain-text documents (dated, so the date extractor has an anchor)."""
    return [RawDocument(content=t, source=f"{tag}:{i}", published="2023-02-06", kind="text")
            for i, t in enumerate(texts)]


def english(docs: list[RawDocument], pipeline) -> list[RawDocument]:
    """Only the documents the cleaner accepts (the ScrapingHub set has non-English and very short pages)."""
    from newsgraph.errors import InputError

    keep = []
    for doc in docs:
        try:
            pipeline.clean(doc)
            keep.append(doc)
        except InputError:
            pass
    return keep
