"""Boilerplate rules (site chrome, footers, credits) loaded from a data file."""
from __future__ import annotations

import functools
import re
from dataclasses import dataclass
from pathlib import Path


from ..errors import ConfigError, line_of, load_yaml_config

RULES_FILE = Path(__file__).resolve().parent.parent / "data" / "boilerplate.yaml"
ACTIONS = {"drop", "rights", "credits"}


@dataclass(frozen=True)
class Rule:
    name: str
    pattern: re.Pattern
    action: str
    label: str = ""   # Chinese name on the site's cleaning records (optional)
    # The lines right after a matched one that belong to it (the names under 本版文字, the titles
    # under 相关新闻), at most ``then_max`` of them (0: no limit).
    then: re.Pattern | None = None
    then_max: int = 0


@functools.lru_cache(maxsize=None)
def load_rules(path: Path = RULES_FILE) -> tuple[Rule, ...]:
    """Load and validate the rules; any mistake stops the build with file:line."""
    data, text = load_yaml_config(path)
    if not isinstance(data, dict) or not isinstance(data.get("rules"), list):
        raise ConfigError(path, 1, "expected a mapping with a 'rules' list")
    rules = []
    for i, item in enumerate(data["rules"]):
        where = line_of(text, f"name: {item.get('name')}") if isinstance(item, dict) else 0
        if not isinstance(item, dict) or not {"name", "pattern", "action"} <= set(item):
            raise ConfigError(path, where or None, f"rule #{i + 1} needs name, pattern and action")
        if item["action"] not in ACTIONS:
            raise ConfigError(path, where, f"rule {item['name']!r}: action must be one of {sorted(ACTIONS)}")
        pattern = _compiled(path, where, item, "pattern")
        then = _compiled(path, where, item, "then") if "then" in item else None
        then_max = item.get("then_max", 0)
        if not isinstance(then_max, int) or isinstance(then_max, bool) or then_max < 0 or (then_max and then is None):
            raise ConfigError(path, where, f"rule {item['name']!r}: then_max must be a whole number ≥ 0, with a then pattern")
        rules.append(Rule(str(item["name"]), pattern, item["action"], str(item.get("label") or ""), then, then_max))
    return tuple(rules)


def _compiled(path, where, item: dict, key: str) -> re.Pattern:
    try:
        return re.compile(str(item[key]))
    except re.error as e:
        raise ConfigError(path, where, f"rule {item['name']!r}: bad regular expression in {key}: {e}")


def match_rule(line: str, rules: tuple[Rule, ...]) -> Rule | None:
    for rule in rules:
        if rule.pattern.search(line):
            return rule
    return None
