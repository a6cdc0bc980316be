"""newsgraph: news pages in, a sourced event graph out.

>>> import newsgraph
>>> record = newsgraph.extract(open("page.html").read(), url="https://example.org/a", published="2023-02-06")
>>> record.to_json()
"""
from __future__ import annotations

import sys
import types as _types

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


class _Package(_types.ModuleType):
    """Keeps ``newsgraph.extract`` the function when the ``newsgraph.extract`` sub-package is imported later.

    Importing a sub-package sets it as an attribute of its parent; the setter below files it away instead, so that
    ``import newsgraph`` stays light (spaCy loads only when a pipeline is built).
    """

    @property
    def extract(self):
        return _extract_function

    @extract.setter
    def extract(self, value):
        if not isinstance(value, _types.ModuleType):
            raise AttributeError("newsgraph.extract is a function; it cannot be replaced")


_extract_function = extract
sys.modules[__name__].__class__ = _Package
