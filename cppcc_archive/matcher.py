"""Multi-pattern matching (Aho–Corasick) shared by the taggers.

Backed by ahocorasick-rs (the Rust ``aho-corasick`` crate).  Measured on the
seed-derived corpus it scans Chinese text about 16× faster than pyahocorasick
(0.03 s against 0.46 s for 300 articles, identical matches), which made
pyahocorasick's ``iter_long`` the largest single cost of region tagging.
Positions are Python string indices (code points), as with ``str.find``.
"""
from __future__ import annotations

from typing import Generic, Iterator, TypeVar

import ahocorasick_rs

V = TypeVar("V")


class Matcher(Generic[V]):
    """Patterns mapped to values; finds them in a text, longest or all overlapping."""

    def __init__(self, patterns: dict[str, V]):
        self.patterns = tuple(p for p in patterns if p)
        self.values = tuple(patterns[p] for p in self.patterns)
        self._longest = self._all = None
        if self.patterns:
            self._longest = ahocorasick_rs.AhoCorasick(self.patterns, matchkind=ahocorasick_rs.MatchKind.LeftmostLongest)
            self._all = ahocorasick_rs.AhoCorasick(self.patterns)

    def __len__(self) -> int:
        return len(self.patterns)

    def longest(self, text: str) -> Iterator[tuple[int, int, str, V]]:
        """Non-overlapping matches, leftmost first and longest at each start: (start, end, pattern, value)."""
        if self._longest is None or not text:
            return
        pats, vals = self.patterns, self.values
        for i, start, end in self._longest.find_matches_as_indexes(text):
            yield start, end, pats[i], vals[i]

    def overlapping(self, text: str) -> Iterator[tuple[int, int, str, V]]:
        """Every occurrence of every pattern, overlaps included."""
        if self._all is None or not text:
            return
        pats, vals = self.patterns, self.values
        for i, start, end in self._all.find_matches_as_indexes(text, overlapping=True):
            yield start, end, pats[i], vals[i]
