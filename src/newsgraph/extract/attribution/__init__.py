"""Attribution finding: dependency rules (finder), source normalisation (sources), lexicons (lexicon)."""
