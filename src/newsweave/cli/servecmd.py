"""``newsweave serve``: the story store as a local web app and HTTP API."""

from __future__ import annotations

import errno
import os
import socket
from pathlib import Path

import typer

from newsweave.cli.app import app, fail, guarded
from newsweave.cli.storecmd import DB_HELP, db_path


@app.command("serve")
@guarded
def serve_cmd(
    db: Path = typer.Option(None, "--db", help=DB_HELP),  # noqa: B008
    host: str = typer.Option("127.0.0.1", "--host", help="Address to listen on."),
    port: int = typer.Option(8000, "--port", help="Port to listen on."),
    token: str = typer.Option(
        None, "--token", help="Require this token (API: Bearer; pages: /login). "
        "Default: $NEWSWEAVE_TOKEN. Needed for a non-loopback --host."),
    fetch_every: str = typer.Option(
        None, "--fetch-every", help="Poll the feeds this often (e.g. 15m) in this process."),
    max_body: int = typer.Option(10_000_000, "--max-body", help="Largest request body (bytes)."),
    brief_seconds: float = typer.Option(
        60.0, "--brief-seconds", help="Time limit of one brief (then 503)."),
) -> None:
    """Serve the stories as web pages and a JSON API (/docs)."""
    from newsweave.server.config import ENV_TOKEN, ServerConfig, is_loopback, parse_duration

    token = token or os.environ.get(ENV_TOKEN) or None
    if not is_loopback(host) and not token:
        fail(f"--host {host} is not a loopback address: give --token or ${ENV_TOKEN}")
    if not 0 <= port <= 65535:
        fail(f"--port must be in [0, 65535], got {port}")
    every = parse_duration(fetch_every) if fetch_every else None
    poller = None
    if every is not None:
        from newsweave.server.poller import make_poller

        poller = make_poller(db_path(db), every)
    # Without a token, only requests naming this machine are served (no DNS rebinding).
    hosts = None if token else ("127.0.0.1", "localhost", "::1", host.strip("[]").lower())
    config = ServerConfig(db=db_path(db), token=token, max_body=max_body,
                          brief_seconds=brief_seconds, fetch_every=every, allowed_hosts=hosts)
    import uvicorn

    from newsweave.server import create_app

    fresh = not config.db.exists()  # (a typo in --db should not pass unseen)
    application = create_app(config, poller=poller)
    sock = _listen(host, port)  # before saying so: a busy port is one error line, exit 2
    port = sock.getsockname()[1]  # (the port given, or the one chosen for --port 0)
    shown = f"[{host.strip('[]')}]" if ":" in host else host  # (an IPv6 address)
    print(f"newsweave: serving {'a new, empty store ' if fresh else ''}{config.db} on "
          f"http://{shown}:{port}/"
          f"{' (token required)' if token else ''}", flush=True)
    server = uvicorn.Server(uvicorn.Config(
        application, host=host, port=port, log_level="warning",
        proxy_headers=False, server_header=False,
        # Longer than clients keep idle connections (httpx: 5 s), so a client never sends
        # on a connection the server is closing.
        timeout_keep_alive=75))
    try:
        server.run(sockets=[sock])
    except KeyboardInterrupt:  # Ctrl-C or SIGTERM, after uvicorn's graceful shutdown: exit 0
        return


def _listen(host: str, port: int) -> socket.socket:
    """A socket bound to ``host:port`` (as uvicorn binds it); a failure is a usage error."""
    bare = host.strip("[]")
    sock = socket.socket(socket.AF_INET6 if ":" in bare else socket.AF_INET, socket.SOCK_STREAM)
    sock.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
    try:
        sock.bind((bare, port))
    except OSError as exc:
        sock.close()
        reason = "address already in use" if exc.errno == errno.EADDRINUSE else (
            exc.strerror or str(exc))
        fail(f"cannot listen on {host} port {port}: {reason}")
    sock.set_inheritable(True)
    return sock
