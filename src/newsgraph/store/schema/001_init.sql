-- 001: articles, their extracted parts, processed inputs and skips, and the cross-article link tables.
CREATE TABLE articles (
    id VARCHAR PRIMARY KEY,
    url VARCHAR,
    title VARCHAR,
    publisher VARCHAR,
    published DATE,
    language VARCHAR,
    text VARCHAR,
    record JSON,
    ingested_at TIMESTAMP DEFAULT current_timestamp
);
CREATE TABLE inputs (
    key VARCHAR PRIMARY KEY,          -- source + content hash: a rerun skips inputs already processed
    source VARCHAR,
    article_id VARCHAR,               -- null when skipped
    status VARCHAR,                   -- stored | duplicate | skipped
    reason VARCHAR,
    processed_at TIMESTAMP DEFAULT current_timestamp
);
CREATE TABLE skips (
    source VARCHAR,
    reason VARCHAR,
    message VARCHAR,
    skipped_at TIMESTAMP DEFAULT current_timestamp
);
CREATE TABLE actors (
    article_id VARCHAR, id VARCHAR, text VARCHAR, "start" INTEGER, "end" INTEGER,
    name VARCHAR, code VARCHAR, sector VARCHAR, kind VARCHAR, office VARCHAR, ref VARCHAR
);
CREATE TABLE places (
    article_id VARCHAR, id VARCHAR, text VARCHAR, "start" INTEGER, "end" INTEGER,
    geonameid BIGINT, name VARCHAR, country_code VARCHAR, lat DOUBLE, lon DOUBLE, feature_class VARCHAR
);
CREATE TABLE events (
    article_id VARCHAR, id VARCHAR, event VARCHAR, mode VARCHAR, cameo VARCHAR,
    actor_codes VARCHAR[], recipient_codes VARCHAR[],
    date VARCHAR, date_precision VARCHAR, lat DOUBLE, lon DOUBLE, loc_name VARCHAR,
    certainty VARCHAR, attribution VARCHAR,
    origin_name VARCHAR, origin_kind VARCHAR, origin_code VARCHAR,   -- root of the attribution chain below the publisher
    data JSON
);
CREATE TABLE attributions (
    article_id VARCHAR, id VARCHAR, parent VARCHAR, source_text VARCHAR, source_name VARCHAR,
    source_kind VARCHAR, source_code VARCHAR, cue VARCHAR, content_start INTEGER, content_end INTEGER, direct BOOLEAN
);
CREATE TABLE quotes (
    article_id VARCHAR, id VARCHAR, speaker VARCHAR, speaker_code VARCHAR, text VARCHAR,
    "start" INTEGER, "end" INTEGER, attribution VARCHAR
);
CREATE TABLE quantities (
    article_id VARCHAR, id VARCHAR, text VARCHAR, value DOUBLE, unit VARCHAR, bound VARCHAR, per VARCHAR,
    "start" INTEGER, "end" INTEGER, attribution VARCHAR
);
CREATE TABLE stories (article_id VARCHAR PRIMARY KEY, story_id VARCHAR);
CREATE TABLE merged_events (
    id VARCHAR PRIMARY KEY, event VARCHAR, mode VARCHAR, cameo VARCHAR,
    actor_codes VARCHAR[], recipient_codes VARCHAR[], actor_names VARCHAR, recipient_names VARCHAR,
    date VARCHAR, lat DOUBLE, lon DOUBLE,
    n_articles INTEGER, n_outlets INTEGER, n_origins INTEGER,
    first_published DATE, first_article VARCHAR,
    data JSON                          -- the first report's event, in the record's event format
);
CREATE TABLE merged_event_mentions (merged_id VARCHAR, article_id VARCHAR, event_id VARCHAR);
CREATE TABLE origins (merged_id VARCHAR, name VARCHAR, kind VARCHAR, code VARCHAR);
CREATE INDEX events_article ON events (article_id);
CREATE INDEX mem_merged ON merged_event_mentions (merged_id);
