"""PLOVER event coding from a dependency parse: lexicon compilation, trigger matching, roles."""
