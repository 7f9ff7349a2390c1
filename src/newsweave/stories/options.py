"""Options of the story clustering (kept apart from the clusterer so that reading the
defaults, e.g. for CLI help, does not import scikit-learn)."""

from __future__ import annotations

from dataclasses import dataclass

from newsweave.errors import OptionsError
from newsweave.options import DUPLICATE_THRESHOLD, _check_range


@dataclass(frozen=True, slots=True)
class StoryOptions:
    """How articles are grouped into stories. Ranges are checked; errors name the field."""

    threshold: float = 0.2  # cosine to a story centroid needed to join it
    merge_threshold: float = 0.45  # centroid cosine at which two stories become one
    window_days: float = 7.0  # dated articles further than this from a story's dates: apart
    query_terms: int = 24  # article terms used to look up candidate stories
    index_terms: int = 32  # terms of a story centroid kept in the inverted index
    centroid_terms: int = 400  # terms kept in a story centroid
    postings: int = 64  # stories read per query term (strongest first)
    candidates: int = 8  # stories scored exactly
    duplicate_threshold: float = DUPLICATE_THRESHOLD  # shingle containment: a copy
    name_boost: float = 2.0  # weight of names (capitalized terms) against other terms
    # Centroid cosine at which a one-article story joins a story that has since grown
    # (1.0: never).
    second_chance: float = 0.25

    def __post_init__(self) -> None:
        _check_range("threshold", self.threshold, 0.0, 1.0)
        _check_range("merge_threshold", self.merge_threshold, 0.0, 1.0)
        _check_range("window_days", self.window_days, 0.0, 36_500)
        _check_range("duplicate_threshold", self.duplicate_threshold, 0.0, 1.0)
        _check_range("name_boost", self.name_boost, 0.0, 100.0)
        _check_range("second_chance", self.second_chance, 0.0, 1.0)
        for name in ("query_terms", "index_terms", "postings", "candidates"):
            _check_range(name, getattr(self, name), 1, 10_000)
        _check_range("centroid_terms", self.centroid_terms, self.index_terms, 100_000)
        if self.merge_threshold < self.threshold:
            raise OptionsError("merge_threshold must be >= threshold", field="merge_threshold")
