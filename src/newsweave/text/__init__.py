"""Text stage: sentences with offsets and near-duplicate articles."""

from newsweave.text.dedup import mark_duplicates, source_groups
from newsweave.text.sentences import split_sentences, split_spans

__all__ = ["mark_duplicates", "source_groups", "split_sentences", "split_spans"]
