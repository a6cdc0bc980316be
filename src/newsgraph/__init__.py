"""newsgraph: news pages in, a sourced event graph out.

>>> import newsgraph
>>> record = newsgraph.extract(open("page.html").read(), url="https://example.org/a", published="2023-02-06")
>>> record.to_json()
"""
from __future__ import annotations

from . import extract as _extractors  # noqa: F401  (load the sub-package first: the function below keeps the name)
from .config import Settings
from .errors import NewsgraphError
from .types import ArticleRecord, RawDocument

__version__ = "0.1.0"
__all__ = ["extract", "Settings", "NewsgraphError", "ArticleRecord", "__version__"]

_pipelines: dict = {}


def extract(content: str | bytes, url: str | None = None, published: str | None = None,
            settings: Settings | None = None) -> ArticleRecord:
    """Extract one article's sourced event graph from HTML or scraped text.

    Raises a subclass of ``newsgraph.errors.InputError`` when the input cannot become an article.
    """
    from .ingest.single import check_published
    from .pipeline import Pipeline

    settings = settings or Settings.from_env()
    pipeline = _pipelines.get(settings)
    if pipeline is None:
        pipeline = _pipelines.setdefault(settings, Pipeline(settings))
    raw = RawDocument(content=content, source=url or "<content>", url=url, published=check_published(published))
    return pipeline.process(raw)
