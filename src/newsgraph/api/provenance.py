"""The provenance graph of one merged event: publisher -> outlet -> source chains, origins marked.

Built from each mention's attribution chain (outermost first). Nodes are keyed by a normalised name, so
three outlets citing the same newspaper meet at one node; the node each mention's origin points at is marked.
"""
from __future__ import annotations

import re


def _key(name: str | None) -> str:
    name = re.sub(r"^the\s+", "", (name or "").strip().lower())
    return re.sub(r"[^a-z0-9]+", " ", name).strip() or "unknown"


def provenance(event: dict) -> dict:
    nodes: dict[str, dict] = {}
    edges: dict[tuple[str, str], dict] = {}

    def node(name: str | None, kind: str, layer: int) -> str:
        key = _key(name)
        current = nodes.get(key)
        if current is None:
            nodes[key] = {"id": key, "label": name or "unknown", "kind": kind, "layer": layer, "origin": False,
                          "mentions": 0}
        else:
            current["layer"] = max(current["layer"], layer)
            if current["kind"] == "publisher" and kind != "publisher":
                current["kind"] = kind
        return key

    for mention in event.get("mentions", []):
        current = node(mention.get("publisher") or mention.get("article_id"), "publisher", 0)
        nodes[current]["mentions"] += 1
        chain = [link for link in mention.get("chain") or [] if (link.get("source") or {}).get("kind") != "publisher"]
        for depth, link in enumerate(chain, start=1):  # a cue with no source is the publisher's own voice
            source = link.get("source") or {}
            target = node(source.get("name") or source.get("text"), source.get("kind") or "person", depth)
            edge = edges.setdefault((current, target), {"source": current, "target": target, "cues": [],
                                                        "articles": []})
            if link.get("cue") and link["cue"] not in edge["cues"]:
                edge["cues"].append(link["cue"])
            if mention["article_id"] not in edge["articles"]:
                edge["articles"].append(mention["article_id"])
            current = target
        nodes[current]["origin"] = True  # the innermost source (or the publisher itself) is this mention's origin
    _relayer(nodes, edges)
    return {"nodes": sorted(nodes.values(), key=lambda n: (n["layer"], n["label"].lower())),
            "edges": list(edges.values()), "n_origins": sum(n["origin"] for n in nodes.values())}


def _relayer(nodes: dict[str, dict], edges: dict) -> None:
    """Push every target at least one layer right of its source (longest path; cycles are cut)."""
    for _ in range(len(nodes)):
        changed = False
        for src, dst in edges:
            if src != dst and nodes[dst]["layer"] <= nodes[src]["layer"] and nodes[src]["layer"] < len(nodes):
                nodes[dst]["layer"] = nodes[src]["layer"] + 1
                changed = True
        if not changed:
            break
