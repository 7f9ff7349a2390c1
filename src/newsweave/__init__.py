"""newsweave: offline multi-source news synthesis with citations.

>>> import newsweave
>>> b = newsweave.brief("examples/mosul")            # doctest: +SKIP
>>> print(b.to_markdown())                           # doctest: +SKIP
"""

from __future__ import annotations

import logging
from collections.abc import Sequence
from typing import TYPE_CHECKING

from newsweave._version import __version__
from newsweave.errors import InputError, NewsweaveError, NotFoundError, OptionsError, StoreError
from newsweave.options import BriefOptions, Limits
from newsweave.types import Article, Brief, Sentence, SummaryItem

if TYPE_CHECKING:
    from newsweave.pipeline import ArticleLike

logging.getLogger(__name__).addHandler(logging.NullHandler())


def brief(
    paths_or_articles: ArticleLike | Sequence[ArticleLike],
    words: int | None = None,
    *,
    options: BriefOptions | None = None,
    limits: Limits | None = None,
) -> Brief:
    """A cited brief of the given articles (paths, folders, Article objects or records).

    >>> b = brief([{"text": "Rain fell in Paris on Monday. Roads flooded."},
    ...            {"text": "Heavy rain fell in Paris on Monday, flooding roads."}])
    >>> b.summary[0].sources
    ('a1', 'a2')
    """
    from newsweave.pipeline import make_brief  # scikit-learn loads here, not at import

    opts = BriefOptions() if options is None else options
    if words is not None and isinstance(opts, BriefOptions):  # (make_brief checks the rest)
        from dataclasses import replace

        opts = replace(opts, words=words)
    return make_brief(paths_or_articles, opts, limits)


__all__ = [
    "Article",
    "Brief",
    "BriefOptions",
    "InputError",
    "Limits",
    "NewsweaveError",
    "NotFoundError",
    "OptionsError",
    "Sentence",
    "StoreError",
    "SummaryItem",
    "__version__",
    "brief",
]
