-- 002: time expressions, an article's story on the article row, event context/negation/trigger, merged event place id.
CREATE TABLE times (
    article_id VARCHAR, id VARCHAR, text VARCHAR, "start" INTEGER, "end" INTEGER,
    value VARCHAR, precision VARCHAR
);
ALTER TABLE articles ADD COLUMN story_id VARCHAR;
ALTER TABLE events ADD COLUMN context VARCHAR[];
ALTER TABLE events ADD COLUMN negated BOOLEAN;
ALTER TABLE events ADD COLUMN event_text VARCHAR;
ALTER TABLE merged_events ADD COLUMN geonameid BIGINT;
CREATE INDEX actors_article ON actors (article_id);
CREATE INDEX origins_merged ON origins (merged_id);
