"""Evaluation: ROUGE of newsweave and peer systems against reference summaries."""

from newsweave.evaluate.rouge import METRICS, RougeEvaluator, evaluate, newline_sentences

__all__ = ["METRICS", "RougeEvaluator", "evaluate", "newline_sentences"]
