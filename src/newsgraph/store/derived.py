"""Derived columns of merged_events, rebuilt at link time so that a page of events is one query.

Each merged event carries its `articles` (ordered by publication), `outlets`, `origin_list`, `first_url`, its
filter date `day` and its `rank` in the default listing order (most independent origins first). The table is
rewritten in rank order, so DuckDB's zonemaps let a top-N read touch only the first row groups.
"""
from __future__ import annotations

DERIVED_COLUMNS = ("articles", "outlets", "origin_list", "first_url", "day", "rank")

REBUILD = """
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
"""


def rebuild(con) -> None:
    """Fill the derived columns from merged_event_mentions, origins and articles; call inside the link
    transaction, after the link tables are written (and after any bulk load of merged events)."""
    con.execute("SET enable_progress_bar = false")  # no progress bar on the terminal of 'newsgraph ingest'
    try:
        con.execute(REBUILD)
    finally:
        con.execute("RESET enable_progress_bar")


def available(con) -> bool:
    """Whether this store has the derived columns (migration 003); an older store opened read-only has not."""
    rows = con.execute("SELECT column_name FROM duckdb_columns() WHERE table_name = 'merged_events' "
                       "AND schema_name = 'main' AND database_name = current_database()").fetchall()
    return set(DERIVED_COLUMNS) <= {r[0] for r in rows}


def filled(con) -> bool:
    """Whether reads can use the derived columns: present and filled for every merged event (rows bulk-loaded
    without a rebuild have no rank, and are then read through the mentions/origins tables)."""
    return available(con) and con.execute("SELECT count(*) FROM merged_events WHERE rank IS NULL").fetchone()[0] == 0
