"""ingest: files, directories, URLs, feeds, WARC and JSONL -> RawDocument."""
