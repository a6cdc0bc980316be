"""One error tree. Every error has a stable ``code`` and a message that tells the user what to do.

NewsgraphError
├── InputError                 the input cannot become an article (CLI exit 2)
│   ├── EmptyInput             empty-input
│   ├── BinaryInput            binary-input
│   ├── EncodingError          bad-encoding
│   ├── TooLarge               too-large
│   ├── NoArticleText          no-text (e.g. truncated HTML with no body)
│   ├── UnsupportedLanguage    not-english
│   └── FetchError             fetch-failed (unreachable URL, HTTP error)
├── ModelError                 the spaCy model cannot be loaded (exit 3)
├── StoreError                 the DuckDB store cannot be opened or written (exit 4)
│   └── ReadOnlyViolation      write attempted through a read-only query
├── DataError                  an evaluation dataset is missing or malformed (exit 5)
└── ConfigError                a setting is invalid (exit 6)
"""
from __future__ import annotations


class NewsgraphError(Exception):
    code = "error"
    exit_code = 1
    http_status = 500

    def __init__(self, message: str, *, source: str | None = None):
        super().__init__(message)
        self.message = message
        self.source = source

    def __str__(self) -> str:
        return f"{self.source}: {self.message}" if self.source else self.message


class InputError(NewsgraphError):
    code = "bad-input"
    exit_code = 2
    http_status = 422


class EmptyInput(InputError):
    code = "empty-input"


class BinaryInput(InputError):
    code = "binary-input"


class EncodingError(InputError):
    code = "bad-encoding"


class TooLarge(InputError):
    code = "too-large"
    http_status = 413


class NoArticleText(InputError):
    code = "no-text"


class UnsupportedLanguage(InputError):
    code = "not-english"


class FetchError(InputError):
    code = "fetch-failed"
    http_status = 502


class ModelError(NewsgraphError):
    code = "model"
    exit_code = 3


class StoreError(NewsgraphError):
    code = "store"
    exit_code = 4


class ReadOnlyViolation(StoreError):
    code = "read-only"
    http_status = 403


class DataError(NewsgraphError):
    code = "data"
    exit_code = 5


class ConfigError(NewsgraphError):
    code = "config"
    exit_code = 6
