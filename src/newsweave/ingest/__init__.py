"""Ingest stage: bytes, files and records -> cleaned articles."""

from newsweave.ingest.clean import clean_lines, is_noise_line
from newsweave.ingest.loaders import (
    article_from_record,
    load_bytes,
    load_path,
    load_paths,
    make_article,
    split_multinews,
)

__all__ = [
    "article_from_record",
    "clean_lines",
    "is_noise_line",
    "load_bytes",
    "load_path",
    "load_paths",
    "make_article",
    "split_multinews",
]
