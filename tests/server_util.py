"""Helpers of the server tests: a store made from examples/mosul, an app, a live uvicorn."""

from __future__ import annotations

import contextlib
import socket
import threading
import time
from collections.abc import Iterator
from pathlib import Path

from newsweave.ingest import load_paths
from newsweave.server import ServerConfig, create_app
from newsweave.stories.cluster import Clusterer
from newsweave.stories.store import open_store

ROOT = Path(__file__).resolve().parents[1]
MOSUL = ROOT / "examples" / "mosul"
TOKEN = "s3cret-token-for-tests"


def mosul_store(path: Path) -> Path:
    with open_store(path) as store, Clusterer(store) as cl:
        for art in load_paths([str(MOSUL)]):
            cl.add(art)
    return path


def free_port() -> int:
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


@contextlib.contextmanager
def live_server(config: ServerConfig) -> Iterator[str]:
    """A real uvicorn serving ``config`` on a free loopback port, in a thread."""
    import uvicorn

    port = free_port()
    server = uvicorn.Server(uvicorn.Config(create_app(config), host="127.0.0.1", port=port,
                                           log_level="warning", lifespan="on"))
    thread = threading.Thread(target=server.run, daemon=True)
    thread.start()
    deadline = time.monotonic() + 20
    while not server.started:
        if time.monotonic() > deadline or not thread.is_alive():
            raise RuntimeError("uvicorn did not start")
        time.sleep(0.05)
    try:
        yield f"http://127.0.0.1:{port}"
    finally:
        server.should_exit = True
        thread.join(timeout=20)
