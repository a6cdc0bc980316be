"""Language of the cleaned text, with py3langid (offline, bundled model)."""
from __future__ import annotations

import functools

from ..errors import UnsupportedLanguage

NAMES = {"fr": "French", "de": "German", "es": "Spanish", "it": "Italian", "pt": "Portuguese", "nl": "Dutch",
         "ru": "Russian", "uk": "Ukrainian", "ar": "Arabic", "fa": "Persian", "zh": "Chinese", "ja": "Japanese",
         "ko": "Korean", "tr": "Turkish", "pl": "Polish", "sv": "Swedish", "he": "Hebrew", "hi": "Hindi",
         "en": "English"}
MIN_CONFIDENCE = 0.9  # below this the guess is too unsure to refuse a page on


@functools.lru_cache(maxsize=1)
def _identifier():
    from py3langid.langid import MODEL_FILE, LanguageIdentifier

    return LanguageIdentifier.from_model_file(MODEL_FILE, norm_probs=True)


def detect(text: str) -> tuple[str, float]:
    lang, prob = _identifier().classify(text[:4000])
    return str(lang), float(prob)


def check(text: str, languages: tuple[str, ...], source: str) -> str:
    """The detected language code; UnsupportedLanguage when it is confidently not one of ``languages``
    (an empty ``languages`` accepts every language)."""
    lang, prob = detect(text)
    if not languages or lang in languages:  # no languages: accept any
        return lang
    if prob < MIN_CONFIDENCE:
        return languages[0] if languages else lang
    name = NAMES.get(lang, lang)
    wanted = ", ".join(NAMES.get(code, code) for code in languages)
    raise UnsupportedLanguage(f"newsgraph codes {wanted} news; this page looks like {name} ({lang}, "
                              f"confidence {prob:.2f}); translate it first or pass an {wanted} page", source=source)
