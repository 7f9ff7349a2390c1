"""Information units: the link graph's connected components, found without csgraph."""

from __future__ import annotations

import numpy as np
from scipy import sparse
from scipy.sparse.csgraph import connected_components

from newsweave.align.support import _components


def test_components_are_scipys_partition_on_random_graphs() -> None:
    rng = np.random.default_rng(7)
    for _ in range(200):
        n = int(rng.integers(1, 200))
        m = int(rng.integers(0, 3 * n))
        r, c = rng.integers(0, n, m), rng.integers(0, n, m)
        g = sparse.csr_matrix((np.ones(m, dtype=bool), (r, c)), shape=(n, n))
        g = (g + g.T).astype(bool).tocsr()
        _, want = connected_components(g, directed=False)
        got = _components(g)
        assert len(got) == n
        pairs = set(zip(want.tolist(), got, strict=True))
        assert len(pairs) == len(set(want.tolist())) == len(set(got))


def test_a_long_chain_is_one_component() -> None:
    n = 500
    r = np.arange(n - 1)
    g = sparse.csr_matrix((np.ones(n - 1, dtype=bool), (r, r + 1)), shape=(n, n))
    g = (g + g.T).astype(bool).tocsr()
    assert set(_components(g)) == {0}
    assert _components(sparse.csr_matrix((0, 0), dtype=bool)) == []
