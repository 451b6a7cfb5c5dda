"""Topic tagging from the curator-editable taxonomy (data/topics.yaml).

Cues are matched as substrings with one Aho–Corasick automaton, so tagging
is linear in the text's length whatever the number of cues.  Each kept topic
records the cues that fired, so a curator can see why it was given.
"""
from __future__ import annotations

import functools
from dataclasses import dataclass
from pathlib import Path


from ..errors import ConfigError, line_of, load_yaml_config, yaml_key_lines
from ..matcher import Matcher

TOPICS_FILE = Path(__file__).resolve().parent.parent / "data" / "topics.yaml"


@dataclass(frozen=True)
class Taxonomy:
    threshold: float
    max_topics: int
    descriptions: tuple[tuple[str, str], ...]
    automaton: Matcher  # phrase -> ((topic, weight or None for an exclusion) …)

    @property
    def names(self) -> tuple[str, ...]:
        return tuple(n for n, _ in self.descriptions)


TOP_KEYS = {"threshold", "max_topics", "topics"}
TOPIC_KEYS = {"description", "cues", "exclude"}
# What the site calls an article that no topic fits (its tag 主题/未分类, a section of the topics page).
UNTOPICED = "未分类"


@functools.lru_cache(maxsize=None)
def load_taxonomy(path: Path = TOPICS_FILE) -> Taxonomy:
    """Load and validate; a mistake stops the build with file:line and the reason."""
    data, text = load_yaml_config(path)
    if not isinstance(data, dict) or not isinstance(data.get("topics"), dict):
        raise ConfigError(path, 1, "expected a mapping with 'threshold', 'max_topics' and a 'topics' mapping")
    lines = yaml_key_lines(text)
    # A key the loader does not know would be ignored without a word: a topic name moved to the
    # left margin (a top-level key) or a misspelt 'excludes' (exclusions that silently stop working).
    for key in sorted(data.keys() - TOP_KEYS, key=str):
        raise ConfigError(path, lines.get((key,)), f"unknown key {key!r} at the top level (known: {', '.join(sorted(TOP_KEYS))}); "
                                                   "a topic's name belongs indented under 'topics:'")
    for name, spec in data["topics"].items():
        for key in sorted(spec.keys() - TOPIC_KEYS, key=str) if isinstance(spec, dict) else ():
            raise ConfigError(path, lines.get(("topics", name, key)),
                              f"topic {name!r}: unknown key {key!r} (known: {', '.join(sorted(TOPIC_KEYS))})")
    threshold, max_topics = data.get("threshold", 6), data.get("max_topics", 4)
    if not isinstance(threshold, (int, float)) or not isinstance(max_topics, int) or max_topics < 0:
        raise ConfigError(path, line_of(text, "threshold", at_start=True) or 1, "threshold must be a number and max_topics a non-negative integer")
    entries: dict[str, list] = {}
    descriptions = []
    for name, spec in data["topics"].items():
        line = lines.get(("topics", name))
        if str(name) == UNTOPICED:
            raise ConfigError(path, line, f"{UNTOPICED!r} is what the site calls an article with no topic; give the "
                                          "topic another name")
        if not isinstance(spec, dict) or not isinstance(spec.get("cues"), dict) or not spec["cues"]:
            raise ConfigError(path, line, f"topic {name!r} needs a non-empty 'cues' mapping of phrase: weight")
        if not str(spec.get("description", "")).strip():
            raise ConfigError(path, line, f"topic {name!r} needs a description")
        for cue, weight in spec["cues"].items():
            at = lines.get(("topics", name, "cues", cue), line)
            if not isinstance(weight, (int, float)) or isinstance(weight, bool) or not str(cue).strip():
                raise ConfigError(path, at, f"topic {name!r}: cue {cue!r} needs a numeric weight")
            if weight <= 0:
                raise ConfigError(path, at, f"topic {name!r}: cue {cue!r} has weight {weight}; weights are positive "
                                            "(a phrase inside which a cue does not count goes under exclude)")
            entries.setdefault(str(cue), [[], False])[0].append((str(name), float(weight)))
        for ex in spec.get("exclude") or []:
            if not isinstance(ex, str) or not ex.strip():
                raise ConfigError(path, line, f"topic {name!r}: exclusions must be non-empty phrases")
            entries.setdefault(ex, [[], False])[1] = True
            entries[ex][0].append((str(name), None))
        descriptions.append((str(name), str(spec["description"]).strip()))
    auto = Matcher({phrase: tuple(targets) for phrase, (targets, _) in entries.items()})
    return Taxonomy(float(threshold), max_topics, tuple(descriptions), auto)


def score_topics(title: str, body: str, tax: Taxonomy | None = None) -> tuple[tuple[str, ...], tuple[tuple[str, tuple[str, ...]], ...]]:
    """Topics above the threshold (best first, at most ``max_topics``) and the cues that fired for each."""
    kept, cues, _ = score_all_topics(title, body, tax)
    return kept, cues


def score_all_topics(title: str, body: str, tax: Taxonomy | None = None) -> tuple[tuple[str, ...], tuple[tuple[str, tuple[str, ...]], ...], tuple[str, ...]]:
    """``score_topics``, and the topics above the threshold beyond ``max_topics`` (best first): the
    ones a long article also discusses, which the cap leaves out of its topics (``topics_mentioned``)."""
    tax = tax or load_taxonomy()
    scores: dict[str, float] = {}
    cues: dict[str, set[str]] = {}
    for text, factor in ((title, 2.0), (body, 1.0)):
        hits = list(tax.automaton.overlapping(text))
        # Spans of exclusion phrases per topic: a cue inside one does not count.
        excluded: dict[str, list[tuple[int, int]]] = {}
        for start, stop, phrase, targets in hits:
            for topic, weight in targets:
                if weight is None:
                    excluded.setdefault(topic, []).append((start, stop - 1))
        for start, stop, phrase, targets in hits:
            end = stop - 1
            for topic, weight in targets:
                if weight is None:
                    continue
                if any(s <= start and end <= e for s, e in excluded.get(topic, ())):
                    continue
                scores[topic] = scores.get(topic, 0.0) + weight * factor
                cues.setdefault(topic, set()).add(phrase)
    ranked = sorted((t for t, s in scores.items() if s >= tax.threshold), key=lambda t: (-scores[t], tax.names.index(t)))
    kept = tuple(ranked[: tax.max_topics])
    return kept, tuple((t, tuple(sorted(cues[t]))) for t in kept), tuple(ranked[tax.max_topics:])
