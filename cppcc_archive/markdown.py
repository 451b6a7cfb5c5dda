"""Turning untrusted article text into safe Markdown and front matter.

Escaping happens here, at the one place text becomes Markdown: every
character Markdown, HTML or an enabled extension could act on is escaped,
so seed text can never become a tag, an attribute, a link or a directive.
"""
from __future__ import annotations

import re

import yaml

# Characters Python-Markdown and the enabled extensions treat specially.
_MD_SPECIAL = re.compile(r"([\\`*_{}\[\]()#+\-.!|~^=:>$])")


def escape_md(text: str) -> str:
    """Escape text for a Markdown paragraph (HTML entities for < & and ")."""
    text = text.replace("&", "&amp;").replace("<", "&lt;").replace('"', "&quot;")
    return _MD_SPECIAL.sub(r"\\\1", text)


def escape_html(text: str) -> str:
    return (text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")
            .replace('"', "&quot;").replace("'", "&#39;"))


def safe_title(text: str) -> str:
    """A title safe in any template context (MkDocs does not autoescape).

    ASCII characters with meaning in HTML become their full-width forms, which
    read the same in Chinese text.
    """
    table = str.maketrans({"<": "＜", ">": "＞", "&": "＆", '"': "＂", "'": "＇", "`": "｀", "\\": "＼", "{": "｛", "}": "｝"})
    return " ".join(text.translate(table).split())[:200] or "无标题"


class _Dumper(yaml.SafeDumper):
    pass


def _str_representer(dumper, data):
    # Always quote: a value can never turn into another type, key or document.
    return dumper.represent_scalar("tag:yaml.org,2002:str", data, style='"')


_Dumper.add_representer(str, _str_representer)


def front_matter(data: dict) -> str:
    """YAML front matter; keys are ours, values are always quoted strings."""
    body = yaml.dump(data, Dumper=_Dumper, allow_unicode=True, sort_keys=False, width=10_000)
    return f"---\n{body}---\n"


def md_link(label: str, target: str) -> str:
    """A link whose target is built by us (never from seed text)."""
    assert re.match(r"^[A-Za-z0-9_./#%-]*$", target), target
    return f"[{escape_md(label)}]({target})"
