"""The REST API and web UI of ``newsgraph serve``: a FastAPI app that reads only through ``Store``."""
from .app import create_app

__all__ = ["create_app"]
