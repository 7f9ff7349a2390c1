"""Story store at scale: ingest rate and memory as the store grows to 100,000 articles.

Synthetic news (seeded): a Zipf background vocabulary plus, per story, a few names and
topic words; stories live for a few days each. The store is filled in bulk (500 articles per
transaction), then 1,000 more articles are ingested one commit each, as ``newsweave ingest``
does, at the small store and again at the full one. Resident memory is printed along the way:
it must stay flat (the store keeps the corpus on disk; only bounded index lookups are read).

    python bench/stories_scale.py [--n 100000] [--measure 1000] [--db PATH]
"""

from __future__ import annotations

import argparse
import os
import random
import sys
import tempfile
import time
from collections.abc import Iterator
from datetime import date, timedelta
from pathlib import Path

from newsweave.stories import Clusterer, open_store
from newsweave.types import Article

sys.path.insert(0, str(Path(__file__).resolve().parent))
from stories_cluster import cpu_pressure  # noqa: E402

_SYL = ["ka", "lo", "mi", "ne", "ru", "sa", "to", "vi", "de", "ga", "po", "zu", "re", "ta",
        "fi", "mo", "ba", "ke", "li", "nu", "sho", "tra", "vel", "dor", "man", "ist"]


def _word(rng: random.Random, syllables: int) -> str:
    return "".join(rng.choice(_SYL) for _ in range(syllables))


def synthetic(n: int, seed: int = 0, per_story: int = 20,
              start: int = 0) -> Iterator[tuple[str, Article]]:
    """``n`` articles as (true story label, article); stories of ``per_story`` articles on
    average, interleaved over time. ``start`` skips that many (to resume a stream)."""
    rng = random.Random(seed)
    vocab = sorted({_word(rng, rng.randint(2, 4)) for _ in range(30_000)})
    rng.shuffle(vocab)
    weights = [1.0 / (r + 1) for r in range(len(vocab))]
    cum: list[float] = []
    total = 0.0
    for w in weights:
        total += w
        cum.append(total)
    n_stories = max(1, n // per_story)
    day0 = date(2024, 1, 1)
    stories = []
    for s in range(n_stories):
        names = [_word(rng, 3).capitalize() for _ in range(3)]
        topic = [_word(rng, 3) for _ in range(20)]
        stories.append((names, topic, day0 + timedelta(days=s * 365 // n_stories)))
    active = 40  # stories in the news at any moment
    for k in range(n):
        sid = min(n_stories - 1, k * n_stories // n + rng.randrange(active) - active // 2)
        sid = max(0, sid)
        if k < start:
            rng.random()
            continue
        names, topic, day = stories[sid]
        body = rng.choices(vocab, cum_weights=cum, k=180)
        body += rng.choices(topic, k=50) + rng.choices(names, k=12)
        rng.shuffle(body)
        sents = [" ".join(body[i : i + 18]).capitalize() + "." for i in range(0, len(body), 18)]
        title = f"{names[0]} {rng.choice(topic)} {rng.choice(topic)}"
        yield f"s{sid}", Article(
            id=f"syn{seed}-{k}", text=" ".join(sents), title=title,
            source=f"outlet{rng.randrange(50)}.example",
            published=(day + timedelta(days=rng.randrange(3))).isoformat(),
        )


def rss_mb() -> float:
    """Resident memory of this process (Linux /proc; 0 elsewhere)."""
    try:
        pages = int(Path("/proc/self/statm").read_text().split()[1])
    except (OSError, ValueError, IndexError):
        return 0.0
    return pages * os.sysconf("SC_PAGE_SIZE") / 1e6


def measure(clusterer: Clusterer, articles: list[Article]) -> str:
    """Ingest one commit per article; wall rate and rate per CPU-second (other load on the
    machine lowers the first, barely the second)."""
    t0, c0 = time.perf_counter(), time.process_time()
    for art in articles:
        clusterer.add(art)
    clusterer.flush()
    wall, cpu = time.perf_counter() - t0, time.process_time() - c0
    return (f"{len(articles) / wall:7.1f} articles/s wall, {len(articles) / cpu:7.1f} per "
            f"CPU-second (CPU pressure {cpu_pressure()})")


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--n", type=int, default=100_000, help="articles in the full store")
    ap.add_argument("--measure", type=int, default=1000, help="articles timed one by one")
    ap.add_argument("--db", type=Path, default=None,
                    help="keep the store here; a kept full store is measured again")
    args = ap.parse_args(argv)
    with tempfile.TemporaryDirectory() as tmp:
        path = args.db or Path(tmp) / "scale.db"
        store = open_store(path)
        cl = Clusterer(store)
        existing = store.counts()["articles"]
        if existing >= args.n:  # a kept full store (--db): measure it again, no refill
            stream = synthetic(args.n + 2 * args.measure, start=existing)
            print(f"store of {existing:>7} articles, one commit each: "
                  f"{measure(cl, [a for _, a in stream][: args.measure])}; "
                  f"RSS {rss_mb():.0f} MB")
            store.close()
            return 0
        stream = synthetic(args.n + 2 * args.measure)
        first = [a for _, a in (next(stream) for _ in range(args.measure))]
        small = measure(cl, first)
        print(f"store of {args.measure:>7} articles, one commit each: {small}; "
              f"RSS {rss_mb():.0f} MB", flush=True)
        t0 = time.perf_counter()
        done = args.measure
        step = 2000
        report = max(step, args.n // 10)
        while done < args.n:
            chunk = [a for _, a in (next(stream) for _ in range(min(step, args.n - done)))]
            cl.add_many(chunk, commit_every=500)
            done += len(chunk)
            if done % report < step or done >= args.n:
                print(f"  bulk filled to {done:>7} articles "
                      f"({(done - args.measure) / (time.perf_counter() - t0):6.1f} articles/s); "
                      f"RSS {rss_mb():.0f} MB", flush=True)
        last = [a for _, a in (next(stream) for _ in range(args.measure))]
        big = measure(cl, last)
        counts = store.counts()
        size = path.stat().st_size / 1e6
        print(f"store of {counts['articles']:>7} articles ({counts['stories']} stories, "
              f"{size:.0f} MB), one commit each: {big}; RSS {rss_mb():.0f} MB")
        store.close()
    return 0


if __name__ == "__main__":
    sys.exit(main())
