"""link: across articles. Story clusters, merged events, corroboration by independent origin."""
from __future__ import annotations


def link(store) -> dict[str, int]:
    """Rebuild every cross-article table from the stored articles. Idempotent; stories and merged events keep the
    ids they had, so links to them survive new articles."""
    from .clusters import cluster  # datasketch and spaCy's stop words load only when linking
    from .merge import merge, merged_rows

    old_stories, old_merged = store.link_ids()
    stories = cluster([(aid, text) for aid, text, _ in store.article_texts()], old_stories)
    groups = merge(store.article_events(), stories)
    merged, mentions, origins = merged_rows(groups, stories, old_merged)
    store.replace_links(sorted(stories.items()), merged, mentions, origins)
    return {"stories": len(set(stories.values())), "merged_events": len(merged)}
