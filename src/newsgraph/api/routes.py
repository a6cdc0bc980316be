"""The /api endpoints. Every read goes through the parameterised Store API; no SQL here."""
from __future__ import annotations

import hmac
import json
from typing import Annotated, Any

from fastapi import APIRouter, Depends, Header, Path, Query, Request
from fastapi.concurrency import run_in_threadpool
import pydantic_core
from fastapi.responses import JSONResponse
from starlette.exceptions import HTTPException

from ..errors import EmptyInput, InputError
from ..types import EventFilter, RawDocument
from .provenance import provenance
from .spans import article_spans

router = APIRouter(prefix="/api")
MAX_LIMIT = 500
DATE = r"^\d{4}(-\d{2}(-\d{2})?)?$"


class PlainJSON(JSONResponse):
    """JSON of already-built dicts, serialised in pydantic-core (as FastAPI would, NaN -> null) without FastAPI's
    response validation pass (a second thread hop for sync endpoints)."""

    def render(self, content: Any) -> bytes:
        return pydantic_core.to_json(content, inf_nan_mode="null")


def _state(request: Request):
    return request.app.state.ng


def require_token(request: Request, authorization: Annotated[str | None, Header()] = None) -> None:
    token = request.app.state.token
    if not token:
        return
    scheme, _, given = (authorization or "").partition(" ")
    if scheme.lower() != "bearer" or not hmac.compare_digest(given.strip().encode(), token.encode()):
        raise HTTPException(401, "this endpoint writes to the store: send 'Authorization: Bearer TOKEN' with the "
                                 "token given to 'newsgraph serve --token'", headers={"WWW-Authenticate": "Bearer"})


def _not_found(what: str, ident: str, hint: str) -> HTTPException:
    return HTTPException(404, f"no {what} '{ident}'; {hint}")


@router.get("/events", summary="Merged events, filtered and paginated", response_model=dict[str, Any])
def events(request: Request,
           actor: Annotated[str | None, Query(max_length=200, description="Actor code ('IRN', 'USA GOV') or part of a name")] = None,
           recipient: Annotated[str | None, Query(max_length=200)] = None,
           type: Annotated[str | None, Query(max_length=40, description="PLOVER event type, e.g. SANCTION")] = None,
           since: Annotated[str | None, Query(pattern=DATE, description="YYYY[-MM[-DD]], inclusive")] = None,
           until: Annotated[str | None, Query(pattern=DATE)] = None,
           near: Annotated[str | None, Query(max_length=200, description="A place name known to the store")] = None,
           radius_km: Annotated[float, Query(gt=0, le=20000)] = 100.0,
           min_origins: Annotated[int | None, Query(ge=0, le=1000)] = None,
           limit: Annotated[int, Query(ge=1, description=f"Page size, capped at {MAX_LIMIT}")] = 50,
           offset: Annotated[int, Query(ge=0, le=10_000_000)] = 0) -> PlainJSON:
    limit = min(limit, MAX_LIMIT)
    state = _state(request)
    with state.store() as store:
        point = None
        if near:
            point = store.resolve_place(near)
            if point is None:
                raise InputError(f"'{near}' is not a place in this store; pick one from GET /api/places")
        filters = EventFilter(actor=actor, recipient=recipient, type=type, since=since, until=until, near=point,
                              radius_km=radius_km, min_origins=min_origins)
        total = state.count_events(store, filters)
        items = store.query_events(filters, limit=limit, offset=offset) if offset < total else []
    return PlainJSON({"items": items, "total": total, "limit": limit, "offset": offset})


@router.get("/events/{event_id}", summary="One merged event: mentions, attribution chains, provenance graph",
            response_model=dict[str, Any])
def event(request: Request, event_id: Annotated[str, Path(max_length=128)]) -> PlainJSON:
    with _state(request).store() as store:
        found = store.get_event(event_id)
    if found is None:
        raise _not_found("event", event_id, "list events with GET /api/events")
    found["provenance"] = provenance(found)
    return PlainJSON(found)


@router.get("/articles/{article_id}", summary="One article: clean text, extracted records and labelled spans")
def article(request: Request, article_id: Annotated[str, Path(max_length=128)]) -> dict[str, Any]:
    with _state(request).store() as store:
        found = store.get_article(article_id)
    if found is None:
        raise _not_found("article", article_id, "article ids are listed in each event's 'articles'")
    found["spans"] = article_spans(found)
    return found


def _page(limit: int) -> int:
    return min(limit, MAX_LIMIT)


@router.get("/actors", summary="Actors by number of mentions")
def actors(request: Request, limit: Annotated[int, Query(ge=1)] = 100, offset: Annotated[int, Query(ge=0)] = 0):
    with _state(request).store() as store:
        return {"items": store.list_actors(limit=_page(limit), offset=offset), "limit": _page(limit), "offset": offset}


@router.get("/places", summary="Places by number of mentions")
def places(request: Request, limit: Annotated[int, Query(ge=1)] = 100, offset: Annotated[int, Query(ge=0)] = 0):
    with _state(request).store() as store:
        return {"items": store.list_places(limit=_page(limit), offset=offset), "limit": _page(limit), "offset": offset}


@router.get("/stories", summary="Story clusters (articles telling the same story)")
def stories(request: Request, limit: Annotated[int, Query(ge=1)] = 100, offset: Annotated[int, Query(ge=0)] = 0):
    with _state(request).store() as store:
        return {"items": store.list_stories(limit=_page(limit), offset=offset), "limit": _page(limit),
                "offset": offset}


async def _raw_document(request: Request) -> RawDocument:
    body = await request.body()
    content_type = request.headers.get("content-type", "").split(";")[0].strip().lower()
    url = request.query_params.get("url")
    published = request.query_params.get("published")
    if content_type == "application/json":
        try:
            data = json.loads(body or b"null")
        except (json.JSONDecodeError, UnicodeDecodeError) as exc:
            raise InputError(f"the JSON body does not parse ({exc}); send {{\"content\": \"<html or text>\"}}") from exc
        if not isinstance(data, dict) or not isinstance(data.get("content"), str):
            raise InputError("send a JSON object {\"content\": \"<the page's HTML or text>\", \"url\": optional, "
                             "\"published\": optional YYYY-MM-DD}, or the page itself as the raw body")
        content, url, published = data["content"], data.get("url") or url, data.get("published") or published
    else:
        content = body
    if not content:
        raise EmptyInput("the request has no page: send its HTML or text as the body")
    kind = "html" if content_type == "text/html" else "text" if content_type == "text/plain" else None
    return RawDocument(content=content, source=url or "api", url=url, published=published, kind=kind)


@router.post("/extract", summary="A page in, its ArticleRecord out (nothing is stored)",
             openapi_extra={"requestBody": {"content": {
                 "application/json": {"schema": {"type": "object", "required": ["content"], "properties": {
                     "content": {"type": "string"}, "url": {"type": "string"}, "published": {"type": "string"}}}},
                 "text/html": {"schema": {"type": "string"}}, "text/plain": {"schema": {"type": "string"}}}}})
async def extract(request: Request) -> dict[str, Any]:
    raw = await _raw_document(request)
    record = (await run_in_threadpool(_state(request).process, raw)).to_dict()
    record["spans"] = article_spans(record)
    return record


@router.post("/ingest", summary="A page in, stored and linked (needs the bearer token when one is set)",
             dependencies=[Depends(require_token)], openapi_extra=extract.__dict__.get("openapi_extra"))
async def ingest(request: Request) -> dict[str, Any]:
    state = _state(request)
    raw = await _raw_document(request)
    with state.store(write=True):
        pass  # fail fast on a read-only server before running the model
    record = await run_in_threadpool(state.process, raw)
    return await run_in_threadpool(_store_and_link, state, record)


def _store_and_link(state, record) -> dict[str, Any]:
    from ..link import link

    with state.store(write=True) as store:
        stored = store.add_records([record])
        linked = link(store) if stored else None
        story = (store.get_article(record.article.id) or {}).get("story_id")
    return {"article_id": record.article.id, "stored": bool(stored), "already_present": not stored,
            "story_id": story, "events": len(record.events), "link": linked}
