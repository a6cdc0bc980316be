"""Request-size cap as a pure ASGI middleware: 413 on a too-large Content-Length or streamed body."""
from __future__ import annotations

from ..errors import TooLarge
from .errors import error_response


class BodyLimit:
    def __init__(self, app, max_body_bytes: int):
        self.app = app
        self.max = max_body_bytes

    def _too_large(self) -> TooLarge:
        return TooLarge(f"the request body is larger than {self.max} bytes; send a smaller page "
                        f"(or start the server with a larger --max-body)")

    async def __call__(self, scope, receive, send):
        if scope["type"] != "http":
            return await self.app(scope, receive, send)
        for name, value in scope.get("headers", ()):
            if name == b"content-length":
                try:
                    too_big = int(value) > self.max
                except ValueError:
                    too_big = False
                if too_big:
                    exc = self._too_large()
                    return await error_response(413, exc.code, str(exc))(scope, receive, send)
        seen = 0
        started = False

        async def limited_receive():
            nonlocal seen
            message = await receive()
            if message["type"] == "http.request":
                seen += len(message.get("body", b""))
                if seen > self.max:
                    raise self._too_large()
            return message

        async def tracking_send(message):
            nonlocal started
            if message["type"] == "http.response.start":
                started = True
            await send(message)

        try:
            await self.app(scope, limited_receive, tracking_send)
        except TooLarge as exc:
            if started:
                raise
            await error_response(413, exc.code, str(exc))(scope, receive, send)
