-- 003: merged events carry their articles, outlets, origins, first report's URL, filter date and listing rank, so a
-- page of events is one query; the table is rewritten in rank order (zonemaps make top-N reads touch little).
ALTER TABLE merged_events ADD COLUMN articles VARCHAR[];
ALTER TABLE merged_events ADD COLUMN outlets VARCHAR[];
ALTER TABLE merged_events ADD COLUMN origin_list STRUCT(name VARCHAR, kind VARCHAR, code VARCHAR)[];
ALTER TABLE merged_events ADD COLUMN first_url VARCHAR;
ALTER TABLE merged_events ADD COLUMN day VARCHAR;
ALTER TABLE merged_events ADD COLUMN rank BIGINT;
CREATE OR REPLACE TEMP TABLE newsgraph_merged AS
WITH ma AS (SELECT DISTINCT m.merged_id, m.article_id, a.published, a.publisher, a.url
            FROM merged_event_mentions m JOIN articles a ON a.id = m.article_id),
     mm AS (SELECT ma.merged_id, list(ma.article_id ORDER BY ma.published, ma.article_id) AS articles,
                   list_sort(list_distinct(list(ma.publisher) FILTER (WHERE ma.publisher IS NOT NULL))) AS outlets,
                   any_value(ma.url) FILTER (WHERE ma.article_id = e.first_article) AS first_url
            FROM ma JOIN merged_events e ON e.id = ma.merged_id GROUP BY ma.merged_id),
     o AS (SELECT merged_id, list({'name': name, 'kind': kind, 'code': code} ORDER BY name, kind, code) AS origin_list
           FROM origins GROUP BY merged_id)
SELECT e.* EXCLUDE (articles, outlets, origin_list, first_url, day, rank),
       coalesce(mm.articles, []) AS articles, coalesce(mm.outlets, []) AS outlets,
       coalesce(o.origin_list, []) AS origin_list, mm.first_url,
       coalesce(e.date, CAST(e.first_published AS VARCHAR)) AS day,
       row_number() OVER (ORDER BY e.n_origins DESC, e.n_articles DESC, e.first_published, e.id) AS rank
FROM merged_events e LEFT JOIN mm ON mm.merged_id = e.id LEFT JOIN o ON o.merged_id = e.id
ORDER BY rank;
DELETE FROM merged_events;
INSERT INTO merged_events BY NAME SELECT * FROM newsgraph_merged;
DROP TABLE newsgraph_merged;
