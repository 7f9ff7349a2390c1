"""Feeds bench: 20 feeds x 50 entries on a loopback server, pages from the dev50 articles.

Every article of ``multinews-dev50.jsonl`` becomes an HTML page (its paragraphs, an
``article:published_time``) with a real date: each true cluster gets a day in a two-week
span, each of its articles a time within about a day of it. The 1,000 entry slots of the
20 feeds (RSS 2.0, Atom 1.0 and RSS 1.0 in turn) list every page in one "home" feed and fill
the rest with pages of other feeds (the same article reached through several feeds, half of
them with ``utm_*`` parameters): those must be fetched once and stored once.

Measured (politeness delay 0, robots.txt served):

1. fetch + ingest throughput of one poll into a fresh store (pages/s, articles/s);
2. a second poll of the unchanged feeds: feed answers (304 expected), page requests (0
   expected) and articles stored (0 expected);
3. B-cubed precision/recall/F1 of the stories against the true clusters, with the feeds'
   dates, beside the same articles in the same order ingested without dates;
4. crash safety: ``newsweave fetch`` in a subprocess killed with SIGKILL mid-fetch, then
   rerun: articles lost and articles stored twice (both expected 0), compared with the
   uninterrupted run.

    python bench/feeds.py [--data ../shared/data/multinews-dev50.jsonl] [--seed 0] [--kills 3]
                          [--seeds 5] [--extra ../shared/data/multinews-test150.jsonl]

With ``--extra``, the clusters of more files become pages too (more distinct pages per poll,
the same 1,000 entry slots): a steadier throughput figure.
"""

from __future__ import annotations

import argparse
import json
import os
import random
import signal
import sqlite3
import subprocess
import sys
import tempfile
import time
from dataclasses import replace
from datetime import UTC, datetime, timedelta
from email.utils import format_datetime
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "tests"))
sys.path.insert(0, str(ROOT / "bench"))
from feedserver import FeedServer, atom, page_html, rss1, rss2  # noqa: E402
from newsweave.feeds import PollOptions, add_feed, entry_states, poll_feeds  # noqa: E402
from newsweave.ingest.web import FetchOptions  # noqa: E402
from newsweave.stories import Clusterer, open_store  # noqa: E402
from stories_cluster import bcubed, cpu_pressure  # noqa: E402

CANDIDATES = [ROOT.parent / "shared" / "data" / "multinews-dev50.jsonl",
              ROOT.parents[1] / "shared" / "data" / "multinews-dev50.jsonl"]
FEEDS, PER_FEED = 20, 50
START = datetime(2026, 10, 5, tzinfo=UTC)


def build(data: list[Path], srv: FeedServer, seed: int) -> tuple[dict[str, str], list[str]]:
    """Pages and feeds on ``srv``; (page URL -> true cluster, feed URLs)."""
    rng = random.Random(seed)
    truth: dict[str, str] = {}
    pages: list[tuple[str, datetime, str]] = []
    lines = [line for path in data for line in path.read_text(encoding="utf-8").splitlines()]
    for n, line in enumerate(lines):
        rec = json.loads(line)
        day = START + timedelta(days=rng.uniform(0, 14))
        for k, art in enumerate(rec["articles"]):
            text = art["text"].replace("NEWLINE_CHAR", "\n")
            paras = [p.strip() for p in text.split("\n") if p.strip()]
            when = day + timedelta(hours=rng.uniform(-12, 36))
            path = f"/p/{n}/{k}"
            title = paras[0][:90] if paras else f"Article {n}-{k}"
            srv.add(path, page_html(title, paras or [""], when.isoformat()))
            url = srv.url(path)
            truth[url] = rec["id"]
            pages.append((url, when, title))
    rng.shuffle(pages)
    slots: list[list[tuple[str, datetime, str]]] = [[] for _ in range(FEEDS)]
    for i, page in enumerate(pages):  # every page in one home feed
        slots[i % FEEDS].append(page)
    for f in range(FEEDS):  # the rest: pages of other feeds
        while len(slots[f]) < PER_FEED:
            page = rng.choice(pages)
            if page not in slots[f]:
                slots[f].append(page)
    urls = []
    for f, items in enumerate(slots):
        entries = []
        for url, when, title in sorted(items, key=lambda x: x[1], reverse=True):
            link = url + (f"?utm_source=feed{f}&utm_medium=rss" if rng.random() < 0.5 else "")
            date = (format_datetime(when, usegmt=True) if f % 3 == 0 else
                    when.strftime("%Y-%m-%dT%H:%M:%SZ"))
            entries.append({"title": title, "link": link, "date": date})
        maker, ctype = [(rss2, "application/rss+xml"), (atom, "application/atom+xml"),
                        (rss1, "application/rdf+xml")][f % 3]
        urls.append(srv.add(f"/feed/{f}.xml", maker(f"Outlet {f}", entries), ctype=ctype,
                            etag=f'"feed-{f}"'))
    srv.add("/robots.txt", "User-agent: *\nDisallow: /admin/\n", ctype="text/plain")
    return truth, urls


def stories_of(db: Path) -> dict[str, int]:
    with open_store(db, create=False) as store:
        return {a: s.id for s in store.stories() for a in s.articles}


def undated_twin(db: Path, out: Path) -> dict[str, int]:
    """The articles of ``db`` in their ingest order, without dates, into a fresh store."""
    with open_store(db, create=False) as src:
        rows = src.conn.execute("SELECT id FROM article ORDER BY seq").fetchall()
        by_id = {a.id: a for s in src.stories() for a in src.story_articles(s.id)}
        arts = [replace(by_id[r[0]], published=None, duplicate_of=None) for r in rows]
    with open_store(out) as store, Clusterer(store) as cl:
        for a in arts:
            cl.add(a)
    return stories_of(out)


def kill_and_rerun(feeds: list[str], db: Path, kills: int, expected: int,
                   rng: random.Random) -> dict[str, object]:
    with open_store(db) as store:
        for url in feeds:
            add_feed(store, url)
    cmd = [sys.executable, "-m", "newsweave", "fetch", "--db", str(db), "--delay", "0"]
    env = {**os.environ, "PYTHONUNBUFFERED": "1"}
    at: list[int] = []
    for _ in range(kills):
        proc = subprocess.Popen(cmd, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL,
                                env=env)
        with open_store(db) as store:
            start = store.counts()["articles"]
        target = start + rng.randint(3, max(4, (expected - start) // (kills + 1)))
        deadline = time.monotonic() + 120
        while proc.poll() is None and time.monotonic() < deadline:
            try:
                with sqlite3.connect(db, timeout=5) as c:
                    n = c.execute("SELECT count(*) FROM article").fetchone()[0]
            except sqlite3.Error:
                n = 0
            if n >= target:
                break
            time.sleep(0.02)
        if proc.poll() is None:
            proc.send_signal(signal.SIGKILL)
            at.append(n)
        proc.wait()
    final = subprocess.run(cmd, capture_output=True, text=True, env=env)
    with open_store(db) as store:
        ids = [r[0] for r in store.conn.execute("SELECT id FROM article")]
        hashes = store.conn.execute("SELECT count(DISTINCT hash) FROM article").fetchone()[0]
        states = entry_states(store)
        integrity = store.integrity()
    return {"killed_at": at, "ids": set(ids), "n": len(ids), "distinct": hashes,
            "tilde": sum("~" in i for i in ids), "pending": sum(e["status"] == "pending"
                                                                for e in states),
            "integrity": integrity, "final_rc": final.returncode}


def run_seed(data: list[Path], seed: int, workers: int, kills: int, verbose: bool) -> dict:
    """One bench run: server, first poll, second poll, stories, kills (when asked)."""
    out: dict[str, float] = {}
    srv = FeedServer().start()
    try:
        truth, feeds = build(data, srv, seed)
        opts = PollOptions(fetch=FetchOptions(host_delay=0.0), workers=workers)
        with tempfile.TemporaryDirectory() as tmp:
            db = Path(tmp) / "feeds.db"
            with open_store(db) as store:
                for url in feeds:
                    add_feed(store, url)
                load0 = os.getloadavg()[0]
                t0, c0 = time.perf_counter(), time.process_time()
                res = poll_feeds(store, opts)
                secs, cpu = time.perf_counter() - t0, time.process_time() - c0
                page_hits = srv.count("/p/")
                stored = sum(r.stored for r in res)
                entries = sum(r.entries for r in res)
                out["rate"] = stored / secs
                if verbose:
                    print(f"load: loadavg {load0:.2f} at start, {os.getloadavg()[0]:.2f} at "
                          f"end; CPU pressure {cpu_pressure()}; 2 cores; workers {workers}")
                    print(f"poll 1: {len(res)} feeds, {entries} entries, {len(truth)} distinct "
                          f"pages, {page_hits} page requests; {stored} articles stored, "
                          f"{sum(r.existing for r in res)} entries already stored, "
                          f"{sum(r.skipped + r.failed + r.retry for r in res)} pages not stored")
                    for p in [p for r in res for p in r.problems][:3]:
                        print(f"  {p}")
                    print(f"throughput: {secs:.1f} s wall, {stored / secs:.1f} articles/s, "
                          f"{entries / secs:.0f} entries/s ({stored / cpu:.1f} articles per "
                          f"CPU-second of this process)")
                srv.reset()
                t1 = time.perf_counter()
                res2 = poll_feeds(store, opts)
                out["second_pages"] = srv.count("/p/")
                out["second_stored"] = sum(r.stored for r in res2)
                if verbose:
                    print(f"poll 2 (unchanged feeds): "
                          f"{sum(r.status == 'not-modified' for r in res2)}/{len(res2)} "
                          f"answered 304, {srv.count('/feed/')} feed requests, "
                          f"{srv.count('/p/')} page requests, {out['second_stored']:.0f} "
                          f"articles stored, {time.perf_counter() - t1:.2f} s")
            found = stories_of(db)
            common = {u: truth[u] for u in found}
            p, r, f = bcubed(common, found)
            twin = undated_twin(db, Path(tmp) / "undated.db")
            p2, r2, f2 = bcubed(common, twin)
            out.update(p=p, r=r, f=f, p2=p2, r2=r2, f2=f2)
            print(f"seed {seed}: with dates B-cubed P {p:.4f} R {r:.4f} F1 {f:.4f} "
                  f"({len(set(found.values()))} stories) | same stream undated P {p2:.4f} "
                  f"R {r2:.4f} F1 {f2:.4f} ({len(set(twin.values()))} stories) | "
                  f"{len(common)} articles, {len(set(common.values()))} true clusters")
            if kills:
                k = kill_and_rerun(feeds, Path(tmp) / "kill.db", kills, len(found),
                                   random.Random(seed))
                ids = k["ids"]
                assert isinstance(ids, set)
                lost = len(set(found) - ids)
                extra = len(ids - set(found))
                print(f"SIGKILL x{len(k['killed_at'])} at {k['killed_at']} articles, then a "
                      f"rerun (exit {k['final_rc']}): {k['n']} articles stored, {lost} lost, "
                      f"{extra} not in the uninterrupted run, "
                      f"{int(k['n']) - int(k['distinct'])} stored twice (same text), "
                      f"{k['tilde']} renamed ids, {k['pending']} entries pending; "
                      f"integrity {k['integrity']}")
    finally:
        srv.stop()
    return out


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--data", type=Path, default=None)
    ap.add_argument("--seed", type=int, default=0, help="first seed (dates, feed layout)")
    ap.add_argument("--seeds", type=int, default=5, help="seeds for the story figures")
    ap.add_argument("--kills", type=int, default=3, help="SIGKILLs before the final rerun")
    ap.add_argument("--workers", type=int, default=4)
    ap.add_argument("--extra", type=Path, action="append", default=[],
                    help="more clusters (e.g. multinews-test150.jsonl): more distinct pages")
    args = ap.parse_args(argv)
    data = args.data or next((p for p in CANDIDATES if p.is_file()), CANDIDATES[0])
    if not data.is_file():
        print(f"skipped: {data} not found")
        return 0
    missing = [p for p in args.extra if not p.is_file()]
    if missing:
        print(f"skipped: {missing[0]} not found")
        return 0
    files = [data, *args.extra]
    rows = [run_seed(files, seed, args.workers, args.kills if seed == args.seed else 0,
                     seed == args.seed)
            for seed in range(args.seed, args.seed + args.seeds)]

    def mean(key: str) -> float:
        return sum(r[key] for r in rows) / len(rows)

    print(f"mean of {len(rows)} seeds: with dates B-cubed P {mean('p'):.4f} R {mean('r'):.4f} "
          f"F1 {mean('f'):.4f} | undated P {mean('p2'):.4f} R {mean('r2'):.4f} "
          f"F1 {mean('f2'):.4f} | {mean('rate'):.1f} articles/s | second poll: "
          f"{sum(r['second_pages'] for r in rows):.0f} page requests, "
          f"{sum(r['second_stored'] for r in rows):.0f} stored in all")
    return 0


if __name__ == "__main__":
    sys.exit(main())
