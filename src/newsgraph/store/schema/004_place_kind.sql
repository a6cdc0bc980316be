-- 004: a place's kind: name (named as a place), adjective ("Russian troops"), embedded ("Air Canada").
ALTER TABLE places ADD COLUMN kind VARCHAR DEFAULT 'name';
