"""Every API error rendered in one place as JSON: {"error": {"status", "code", "message"}}."""
from __future__ import annotations

from fastapi import FastAPI, Request
from fastapi.exceptions import RequestValidationError
from fastapi.responses import JSONResponse
from starlette.exceptions import HTTPException as StarletteHTTPException

from ..errors import NewsgraphError

_HTTP_CODES = {400: "bad-request", 401: "unauthorized", 403: "forbidden", 404: "not-found", 405: "method-not-allowed",
               413: "too-large", 415: "unsupported-media-type", 422: "invalid-request", 500: "internal"}
_HTTP_HINTS = {404: "check the id or path; list ids with GET /api/events, /api/stories or see /docs",
               405: "see /docs for the methods each endpoint accepts",
               401: "send the header 'Authorization: Bearer TOKEN' with the token given to 'newsgraph serve --token'"}


def error_response(status: int, code: str, message: str, headers: dict | None = None) -> JSONResponse:
    return JSONResponse({"error": {"status": status, "code": code, "message": message}}, status_code=status,
                        headers=headers)


def install(app: FastAPI) -> None:
    @app.exception_handler(NewsgraphError)
    async def _newsgraph(request: Request, exc: NewsgraphError):
        return error_response(exc.http_status, exc.code, str(exc))

    @app.exception_handler(StarletteHTTPException)
    async def _http(request: Request, exc: StarletteHTTPException):
        detail = exc.detail if isinstance(exc.detail, str) else ""
        default = {404: "Not Found", 405: "Method Not Allowed", 401: "Unauthorized"}.get(exc.status_code)
        if not detail or detail == default:
            detail = f"{default or 'error'}: {_HTTP_HINTS.get(exc.status_code, 'see /docs')}"
        return error_response(exc.status_code, _HTTP_CODES.get(exc.status_code, "http-error"), detail,
                              headers=getattr(exc, "headers", None))

    @app.exception_handler(RequestValidationError)
    async def _validation(request: Request, exc: RequestValidationError):
        parts = []
        for err in exc.errors():
            where = ".".join(str(p) for p in err.get("loc", ()) if p not in ("query", "path", "body"))
            parts.append(f"{where or 'request'}: {err.get('msg', 'invalid')}")
        return error_response(422, "invalid-request", "; ".join(parts) + " (fix the parameter; see /docs)")

    @app.exception_handler(Exception)
    async def _unexpected(request: Request, exc: Exception):
        return error_response(500, "internal", f"unexpected server error ({type(exc).__name__}); "
                                               "see the server log and report it")
