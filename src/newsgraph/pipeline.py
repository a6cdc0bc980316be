"""The stage chain for one article or a stream of them: clean -> nlp -> extract -> assemble."""
from __future__ import annotations

from collections.abc import Iterable, Iterator

from . import nlp as nlp_module
from .assemble import assemble
from .clean import clean
from .config import Settings
from .errors import InputError
from .extract import ORDER
from .extract.context import Context
from .types import Article, ArticleRecord, RawDocument, Skipped


class Pipeline:
    """Build once per process; ``process`` one document or ``process_many`` a stream in batches."""

    def __init__(self, settings: Settings | None = None):
        self.settings = settings or Settings.from_env()
        self._nlp = None

    @property
    def nlp(self):
        if self._nlp is None:
            self._nlp = nlp_module.load(self.settings.model)
            self._warm_up()
        return self._nlp

    def _warm_up(self) -> None:
        """Build every extractor's matchers and lexicons once, outside any memory zone, so the strings they add
        to the shared vocabulary are permanent (strings added inside ``nlp.memory_zone()`` are freed after it)."""
        text = ("Secretary of State Antony Blinken said on Monday that US officials met Iranian diplomats in "
                "Geneva, according to Reuters, and that up to 6,000 drones could be built.")
        article = Article(id="warm-up", url=None, title=None, publisher=None, published="2023-02-06",
                          language="en", text=text)
        self.extract_article(article, self._nlp(text))

    def clean(self, raw: RawDocument) -> Article:
        return clean(raw, self.settings)

    def extract_article(self, article: Article, doc) -> ArticleRecord:
        ctx = Context(article=article, doc=doc, settings=self.settings)
        events = []
        for stage, module in ORDER:
            result = module.extract(ctx)
            if stage == "events":
                events = result
            else:
                setattr(ctx, stage, result)
        return assemble(ctx, events)

    def process(self, raw: RawDocument) -> ArticleRecord:
        article = self.clean(raw)
        return self.extract_article(article, self.nlp(article.text))

    def process_many(self, raws: Iterable[RawDocument]) -> Iterator[ArticleRecord | Skipped]:
        """Yield a record or a Skipped for every input, in input order. Only InputError is skipped."""
        batch: list[Article | Skipped] = []
        for raw in raws:
            try:
                batch.append(self.clean(raw))
            except InputError as exc:
                batch.append(Skipped(source=raw.source, reason=exc.code, message=exc.message))
            if len(batch) >= self.settings.batch_size:
                yield from self._run_batch(batch)
                batch = []
        if batch:
            yield from self._run_batch(batch)

    def _run_batch(self, batch: list[Article | Skipped]) -> Iterator[ArticleRecord | Skipped]:
        articles = [a for a in batch if isinstance(a, Article)]
        with self.nlp.memory_zone():
            docs = iter(self.nlp.pipe([a.text for a in articles], batch_size=self.settings.batch_size))
            out = [item if isinstance(item, Skipped) else self.extract_article(item, next(docs)) for item in batch]
        yield from out
