"""Load on `newsweave serve`: concurrent readers of story pages and the API while articles are
ingested through the API, against a real server process on a loopback port.

    python bench/serve_load.py [--seconds 60] [--clients 50] [--articles 1000] [--batch 10]

The store starts with examples/mosul. Articles come from ../shared's Multi-News train file
(real news, in cluster order) when present, else from the seeded synthetic stream of
bench/stories_scale.py. Every reader loops until the time is up (and at most --max-requests
requests); the ingester posts --batch articles per request until all are acknowledged. Then
the server is killed (SIGKILL, no clean shutdown) and the store is read back: every
acknowledged article must be there. Prints p50/p99 latency per route, errors, lost articles.
Traffic goes to 127.0.0.1 only.
"""

from __future__ import annotations

import argparse
import asyncio
import gzip
import json
import os
import random
import signal
import socket
import sqlite3
import subprocess
import sys
import tempfile
import time
from pathlib import Path

import httpx

ROOT = Path(__file__).resolve().parents[1]
# ../shared beside the clone (CI), or beside the folder of worktrees.
SHARED = next((p for p in (ROOT.parent / "shared", ROOT.parent.parent / "shared")
               if p.is_dir()), ROOT.parent / "shared")
TRAIN = SHARED / "data" / "multinews-train-truncated.jsonl.gz"
sys.path.insert(0, str(Path(__file__).resolve().parent))

ROUTES = (  # (name, weight)
    ("page /", 15), ("page /stories/{id}", 30), ("page /articles/{id}", 15),
    ("api GET /stories", 15), ("api GET /stories/{id}/brief", 15), ("api GET /health", 10),
)


def articles(n: int) -> tuple[list[dict[str, str]], str]:
    out: list[dict[str, str]] = []
    if TRAIN.is_file():
        with gzip.open(TRAIN, "rt", encoding="utf-8") as f:
            for line in f:
                rec = json.loads(line)
                for k, a in enumerate(rec.get("articles", [])):
                    text = a.get("text", "")
                    if len(text.split()) >= 40:
                        out.append({"id": f"{rec['id']}-{k}", "text": text[:20_000],
                                    "source": f"outlet{len(out) % 37}.example"})
                if len(out) >= n:
                    return out[:n], f"Multi-News train ({TRAIN.name})"
    from stories_scale import synthetic

    for _, art in synthetic(n - len(out), seed=7):
        out.append({"id": art.id, "text": art.text, "title": art.title, "source": art.source,
                    "published": art.published or ""})
    return out[:n], "synthetic (bench/stories_scale.py)"


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


def pct(values: list[float], q: float) -> float:
    if not values:
        return float("nan")
    v = sorted(values)
    return v[min(len(v) - 1, int(round(q * (len(v) - 1))))]


Result = tuple[dict[str, list[float]], dict[str, list[str]], list[dict], list[dict], float]


async def run(base: str, args: argparse.Namespace, batch_src: list[dict[str, str]]) -> Result:
    lat: dict[str, list[float]] = {name: [] for name, _ in ROUTES}
    lat["api POST /articles"] = []
    errors: dict[str, list[str]] = {name: [] for name in lat}
    stories: list[int] = [1]
    seqs: list[int] = [1, 2, 3, 4, 5]
    acks: list[dict] = []
    skipped: list[dict] = []
    t0 = time.monotonic()
    deadline = t0 + args.seconds
    ingest_done = 0.0
    names = [n for n, _ in ROUTES]
    weights = [w for _, w in ROUTES]
    conns = args.clients + 5
    limits = httpx.Limits(max_connections=conns, max_keepalive_connections=conns)

    async with httpx.AsyncClient(base_url=base, timeout=120, limits=limits) as client:
        async def call(name: str, method: str, url: str, **kw: object) -> httpx.Response | None:
            t = time.perf_counter()
            try:
                r = await client.request(method, url, **kw)
            except httpx.HTTPError as exc:
                errors[name].append(f"{url}: {exc.__class__.__name__}")
                return None
            lat[name].append((time.perf_counter() - t) * 1000)
            if r.status_code >= 400:
                errors[name].append(f"{url}: HTTP {r.status_code} {r.text[:120]}")
                return None
            return r

        async def reader(k: int) -> None:
            rng = random.Random(k)
            for _ in range(args.max_requests):
                if time.monotonic() >= deadline:
                    return
                name = rng.choices(names, weights)[0]
                sid = rng.choice(stories)
                if name == "page /":
                    r = await call(name, "GET", "/", params={"page": rng.choice([1, 1, 2])})
                elif name == "page /stories/{id}":
                    r = await call(name, "GET", f"/stories/{sid}", follow_redirects=True)
                elif name == "page /articles/{id}":
                    r = await call(name, "GET", f"/articles/{rng.choice(seqs)}")
                elif name == "api GET /stories":
                    r = await call(name, "GET", "/api/v1/stories", params={"limit": 50})
                    if r is not None:
                        ids = [s["id"] for s in r.json()["stories"]]
                        if ids:
                            stories[:] = ids
                elif name == "api GET /stories/{id}/brief":
                    r = await call(name, "GET", f"/api/v1/stories/{sid}/brief",
                                   follow_redirects=True)
                else:
                    r = await call(name, "GET", "/api/v1/health")

        async def ingester() -> None:
            nonlocal ingest_done
            for i in range(0, len(batch_src), args.batch):
                body = {"articles": batch_src[i: i + args.batch]}
                r = await call("api POST /articles", "POST", "/api/v1/articles", json=body)
                if r is not None:
                    got = r.json()["acks"]
                    skipped.extend(r.json()["skipped"])
                    acks.extend(got)
                    seqs.extend(a["seq"] for a in got if a["status"] != "exists")
                if time.monotonic() - t0 > args.max_ingest_seconds:
                    return
            ingest_done = time.monotonic() - t0

        await asyncio.gather(ingester(), *(reader(k) for k in range(args.clients)))
    return lat, errors, acks, skipped, ingest_done


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n", 1)[0])
    ap.add_argument("--seconds", type=float, default=60.0)
    ap.add_argument("--clients", type=int, default=50)
    ap.add_argument("--articles", type=int, default=1000)
    ap.add_argument("--batch", type=int, default=10)
    ap.add_argument("--max-requests", type=int, default=100_000, help="per reader")
    ap.add_argument("--max-ingest-seconds", type=float, default=900.0)
    args = ap.parse_args(argv)
    if not (1 <= args.clients <= 500 and 1 <= args.seconds <= 3600):
        ap.error("--clients in [1, 500], --seconds in [1, 3600]")
    src, where = articles(args.articles)
    tmp = Path(tempfile.mkdtemp(prefix="nw-serve-load-"))
    db = tmp / "load.db"
    py = sys.executable
    subprocess.run([py, "-m", "newsweave", "ingest", str(ROOT / "examples" / "mosul"),
                    "--db", str(db)], check=True, capture_output=True)
    port = free_port()
    server = subprocess.Popen([py, "-m", "newsweave", "serve", "--db", str(db), "--port",
                               str(port)], stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    base = f"http://127.0.0.1:{port}"
    try:
        for _ in range(200):
            try:
                if httpx.get(f"{base}/api/v1/health", timeout=1).status_code == 200:
                    break
            except httpx.HTTPError:
                time.sleep(0.1)
        else:
            print("server did not start", file=sys.stderr)
            return 1
        load = os.getloadavg()[0]
        t = time.monotonic()
        lat, errors, acks, skipped, ingest_s = asyncio.run(run(base, args, src))
        wall = time.monotonic() - t
    finally:
        server.send_signal(signal.SIGKILL)  # no clean shutdown: acks must already be on disk
        server.wait(timeout=30)
    con = sqlite3.connect(f"file:{db}?mode=ro", uri=True)
    stored = {r[0] for r in con.execute("SELECT id FROM article")}
    n_stories = con.execute("SELECT count(*) FROM story WHERE merged_into IS NULL AND n > 0"
                            ).fetchone()[0]
    con.close()
    lost = [a["id"] for a in acks if a["id"] not in stored]
    print(f"newsweave serve under load: {args.clients} readers for {args.seconds:g} s + 1 ingester "
          f"({len(src)} articles from {where}, {args.batch} per POST)")
    print(f"machine: {os.cpu_count()} cores, load average {load:.2f} at start; wall {wall:.1f} s")
    print(f"\n{'route':32} {'requests':>9} {'errors':>7} {'p50 ms':>8} {'p99 ms':>8} "
          f"{'max ms':>8}")
    total_err = 0
    for name, vals in lat.items():
        errs = len(errors[name])
        total_err += errs
        print(f"{name:32} {len(vals):9d} {errs:7d} {pct(vals, .5):8.1f} {pct(vals, .99):8.1f} "
              f"{max(vals, default=float('nan')):8.1f}")
    ok = sum(len(v) for v in lat.values())
    print(f"\nrequests: {ok} in {wall:.1f} s ({ok / wall:.0f}/s); errors: {total_err}")
    print(f"ingest: {len(acks)} of {len(src)} acknowledged ({len(skipped)} refused as empty "
          "after cleaning) in "
          f"{ingest_s:.1f} s ({len(acks) / max(ingest_s, 1e-9):.1f} articles/s); "
          f"{n_stories} stories; lost after SIGKILL: {len(lost)}")
    for name, errs in errors.items():
        for e in errs[:3]:
            print(f"  error {name}: {e}", file=sys.stderr)
    return 0 if total_err == 0 and not lost and len(acks) + len(skipped) == len(src) else 1


if __name__ == "__main__":
    sys.exit(main())
