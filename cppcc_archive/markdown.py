"""Turning untrusted article text into safe Markdown and front matter.

Escaping happens here, at the one place text becomes Markdown: every
character Markdown, HTML or an enabled extension could act on is escaped,
so seed text can never become a tag, an attribute, a link or a directive.
"""
from __future__ import annotations

import re

import yaml

# Python-Markdown's escapable characters (with the tables extension's |):
# a backslash before them is removed on output, so they read unchanged.
_MD_SPECIAL = re.compile(r"([\\`*_{}\[\]()#+\-.!|>])")
# Characters no enabled extension uses but a future one might (=== setext,
# ~~ ^^ $$): written as entities, which also read unchanged.
_ENTITIES = str.maketrans({"=": "&#61;", "~": "&#126;", "^": "&#94;", "$": "&#36;"})


def escape_md(text: str) -> str:
    r"""Escape text for a Markdown paragraph or table cell; it renders exactly as given.

    >>> escape_md("<b>x</b> = [链接](javascript:alert(1))")
    '&lt;b&gt;x&lt;/b&gt; &#61; \\[链接\\]\\(javascript:alert\\(1\\)\\)'
    """
    text = text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace('"', "&quot;")
    text = _MD_SPECIAL.sub(r"\\\1", text)
    text = text.translate(_ENTITIES)
    # A line break would end a paragraph or a table row: show it instead.
    return text.replace("\r\n", "\n").replace("\r", "\n").replace("\n", " ↵ ")


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
