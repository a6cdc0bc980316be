"""link: across articles. Story clusters, merged events, corroboration by independent origin."""
from __future__ import annotations


def link(store) -> dict[str, int]:
    """Rebuild every cross-article table from the stored articles. Deterministic and idempotent."""
    from .clusters import cluster  # datasketch and spaCy's stop words load only when linking
    from .merge import merge, merged_rows

    stories = cluster([(aid, text) for aid, text, _ in store.article_texts()])
    groups = merge(store.article_events(), stories)
    merged, mentions, origins = merged_rows(groups, stories)
    store.replace_links(sorted(stories.items()), merged, mentions, origins)
    return {"stories": len(set(stories.values())), "merged_events": len(merged)}
