"""create_app(db_path, token=None, max_body_bytes=...): the FastAPI app behind ``newsgraph serve``."""
from __future__ import annotations

from contextlib import asynccontextmanager
from pathlib import Path

from fastapi import FastAPI
from fastapi.responses import FileResponse
from fastapi.staticfiles import StaticFiles

from . import errors
from .limits import BodyLimit
from .routes import router
from .state import AppState

STATIC_DIR = Path(__file__).resolve().parent.parent / "web" / "static"
MAX_BODY_BYTES = 5 * 1024 * 1024


def create_app(db_path: str | Path, token: str | None = None, max_body_bytes: int = MAX_BODY_BYTES,
               read_only: bool = False, static_dir: str | Path = STATIC_DIR) -> FastAPI:
    state = AppState(db_path, read_only=read_only)

    @asynccontextmanager
    async def lifespan(app: FastAPI):
        state.open()
        try:
            yield
        finally:
            state.close()

    app = FastAPI(title="newsgraph", version="1", lifespan=lifespan,
                  description="A sourced event graph from news pages: who did what to whom, where, when, "
                              "and according to whom.")
    app.state.ng = state
    app.state.token = token
    errors.install(app)
    app.include_router(router)

    static_dir = Path(static_dir)
    index = static_dir / "index.html"
    if static_dir.is_dir():
        app.mount("/static", StaticFiles(directory=static_dir, follow_symlink=False), name="static")

    @app.get("/", include_in_schema=False)
    def home():
        if not index.is_file():
            from ..errors import NewsgraphError

            raise NewsgraphError("the web UI is not built; run 'npm ci && npm run build' in web/ "
                                 "(the API still works under /api)")
        return FileResponse(index, headers={"Cache-Control": "no-cache"})

    app.add_middleware(BodyLimit, max_body_bytes=max_body_bytes)
    return app
