"""People named with their CPPCC or party titles (北京市政协主席魏小东).

A title is a run ending in a known post (主席, 副主席, 秘书长, 党组书记 …);
the name is the two or three characters that follow.  Bylines join in as
authors elsewhere.  Precision matters more than recall here: a researcher
follows a name across articles, so a wrong name is worse than a missed one.
"""
from __future__ import annotations

import functools
import re
from pathlib import Path

from ..model import Author, Person

SURNAMES_FILE = Path(__file__).resolve().parent.parent / "data" / "surnames.txt"


@functools.lru_cache(maxsize=None)
def surnames() -> frozenset[str]:
    out = set()
    for line in SURNAMES_FILE.read_text(encoding="utf-8").splitlines():
        if not line.startswith("#"):
            out.update(line.split())
    return frozenset(out)


def looks_like_name(name: str) -> bool:
    """A surname from the list plus one or two characters (or a name with a middle dot)."""
    if "·" in name:
        return True
    sn = surnames()
    return (name[:1] in sn and 2 <= len(name) <= 3) or (name[:2] in sn and 3 <= len(name) <= 4)

# 主委/副主委 and 会长/副会长: the posts of democratic parties and of federations of industry and commerce.
# 校长, 院长, 演员 …: a post outside the CPPCC, after the school or theatre that ``_TITLE`` needs
# before it, names a person only in a member's title (seed 003: 全国政协委员、新疆艺术剧院歌剧团演员
# 玉克赛克·西加艾提); elsewhere 大学校长 and 大学教授 are mostly common nouns (实行大学校长任期制).
OUTSIDE_POSTS = ("副校长", "校长", "副院长", "院长", "教授", "演员")
POSTS = ("党组书记、主席|党组书记|副主席|主席|秘书长|副秘书长|常委|委员|主任|副主任|副主委|主委|副会长|会长|书记|市长|县长|区长|省长|"
         + "|".join(OUTSIDE_POSTS))
_MEMBER_TITLE = re.compile(r"政协(?:委员|常委)、")
_TITLE = re.compile(
    rf"((?:全国政协|[\u4e00-\u9fff]{{0,20}}?(?:政协|党委|市委|县委|区委|省委|委员会|工商联|研究室|专委会|教团|学院|剧院|学校|附中|大学)[\u4e00-\u9fff、]{{0,12}}?)(?:{POSTS}))"
    r"((?:[\u4e00-\u9fff]{2,6}·[\u4e00-\u9fff]{2,8})|[\u4e00-\u9fff]{2,3})(?=[，。、；：“”（）\s]|表示|介绍|说|作交流|作报告|作发言|作了|作主题|指出|强调|认为|认真|看来|建议|主持|出席|讲话|高度|带领|带队|率队|陪同|致辞|宣读|通报|率|在|是|对|等|一行|调研|参加|分别|先后|也|就|分享|提出|呼吁|坦言|谈到|提到|所在|$)"
)
# A member named before the post, as reporters write it: ……研究的赵莉委员话语中满是惋惜 (seed 003).
# Only after 的 or a punctuation mark, so the run before the post is the whole name.
_MEMBER_AFTER = re.compile(
    r"(?<=[的，。；：”])([\u4e00-\u9fff]{2,3})(委员|常委)"
    r"(?=话语|说|表示|介绍|认为|建议|指出|坦言|分享|提出|呼吁|[，。、；：“”（）\s]|$)"
)
_NOT_MEMBER_NAMES = set("政协 全体 各位 广大 部分 驻会 新任 特邀 列席 界别 专委 全国 省级 市级 县级 其他 多位 两位 "
                        "三位 几位 有关 相关 这位 那位 女性 青年 老".split())
# A match lies inside one run of CJK characters, 、 and · (the title and the
# name) and needs a post in it, so only such runs are searched; ``endpos``
# one past the run lets the lookahead see the character that ends it.
_RUN = re.compile(r"[\u4e00-\u9fff、·]{3,}")
_ANY_POST = re.compile(POSTS)
_MEMBERSHIP_BEFORE = re.compile(r"((?:全国|[\u4e00-\u9fff]{1,8}?[省市县区州])政协(?:委员|常委)、)$")
# Words that follow a post but are not names.
_NOT_NAMES = set("会议 会上 一行 同志 们 等人 高度 带队 率队 出席 主持 指出 表示 强调 认为 介绍 作了 提出 "
                 "和 及 与 在 为 是 对 也 都 就 还 所 要 等 说 作 以 到 将 又".split())


def find_people(text: str, authors: tuple[Author, ...] = (), author_titles: tuple[str, ...] = ()) -> tuple[Person, ...]:
    """People with titles, in order of first mention, one entry per name.

    >>> find_people("北京市政协主席魏小东表示，省政协党组书记、主席孙伟高度重视")
    (Person(name='魏小东', title='北京市政协主席'), Person(name='孙伟', title='省政协党组书记、主席'))

    Seed 003's members, named after a party or federation post and followed by 是, 看来 or 认真:

    >>> for p in find_people("全国政协委员、民盟黑龙江省佳木斯市委副主委赵坤宇在活动中；"
    ...                      "在全国政协委员、中国天主教教团驻会副主席郭金才看来；"
    ...                      "全国政协委员、河北省工商联副主席孟宪明认真履行；"
    ...                      "自治区政协常委马晓琴是吐鲁番市实验中学教师"):
    ...     print(p.name, p.title)
    赵坤宇 全国政协委员、民盟黑龙江省佳木斯市委副主委
    郭金才 全国政协委员、中国天主教教团驻会副主席
    孟宪明 全国政协委员、河北省工商联副主席
    马晓琴 自治区政协常委

    Seed 003's Xinjiang page: a transliterated name before 分享, and a member named before the post:

    >>> for p in find_people("自治区政协委员阿迪力·巴哈德分享了今年4月由他的团队策划拍摄的视频；"
    ...                      "长期从事石窟寺研究的赵莉委员话语中满是惋惜；全体委员表示，各位委员说"):
    ...     print(p.name, p.title)
    阿迪力·巴哈德 自治区政协委员
    赵莉 委员

    Seed 003's members with a post outside the CPPCC.  娜木拉 is missed: a name of three characters
    needs a surname from the list (precision first), and 娜 is not one.

    >>> for p in find_people("“为人民服务”是全国政协委员、新疆艺术剧院歌剧团演员玉克赛克·西加艾提常挂在嘴边的一句话；"
    ...                      "全国政协委员、中央音乐学院附中校长娜木拉所在学校；市政协委员、师范大学教授张文所在团队"):
    ...     print(p.name, p.title)
    玉克赛克·西加艾提 全国政协委员、新疆艺术剧院歌剧团演员
    张文 市政协委员、师范大学教授

    Outside a member's title those posts are mostly common nouns, and a word after one is no name:

    >>> find_people("实行大学校长任期制，一位老大学校长常说，北京大学校长曾表示，一位大学教授向记者介绍，"
    ...             "大学教授包括，全国政协委员、北京大学校长曾表示")
    ()
    """
    mentions = []   # (where, name, title)
    for m in _title_matches(text):
        title, name = m.group(1), m.group(2)
        name = _trim_name(name, text[m.end(2):m.end(2) + 1])
        # 曾表示, 常说: a three-character "name" that is a surname-like character and a word.
        if not name or name in _NOT_NAMES or (len(name) == 3 and name[1:] in _NOT_NAMES) or not looks_like_name(name):
            continue
        title = _without_leading_word(re.split(r"[，。；：“”（）由]", title)[-1])
        if len(title) < 3:
            continue
        if title == m.group(1):
            # The title run stops at a 、 further back than its first 20 characters reach, so
            # 全国政协委员、 before a party post is found here (as it is before a shorter post).
            before = _MEMBERSHIP_BEFORE.search(text, max(0, m.start(1) - 16), m.start(1))
            title = before.group(1) + title if before else title
        if title.endswith(OUTSIDE_POSTS) and not _MEMBER_TITLE.search(title):
            continue
        mentions.append((m.start(2), name, title))
    for m in _MEMBER_AFTER.finditer(text):
        name = m.group(1)
        if name not in _NOT_MEMBER_NAMES and name not in _NOT_NAMES and looks_like_name(name):
            mentions.append((m.start(1), name, m.group(2)))
    found: dict[str, str] = {}
    for _, name, title in sorted(mentions, key=lambda x: x[0]):
        found.setdefault(name, title)
    # A byline author with an author note (作者系…) is a person with that title.
    for a, t in zip([a for a in authors if a.role == "作者"], author_titles):
        found.setdefault(a.name, t)
    return tuple(Person(n, t) for n, t in found.items())


# A word the title run may begin with that is not part of the title (与市政协主席…, 和省政协副主席…).
_LEADING_WORDS = "在由和与对经据为是向同"


@functools.lru_cache(maxsize=1)
def _places_with_a_joining_word() -> dict[str, tuple[tuple[int, str], ...]]:
    """Per character of ``_LEADING_WORDS``, the division names (full, short and former) holding it,
    each with the character's place in it (和政县: 0; 犍为县: 1; 太和县: 1)."""
    from .gazetteer import load_gazetteer

    names = {n for d in load_gazetteer().divisions for n in (d.name, *d.short, *d.former)}
    found: dict[str, set] = {c: set() for c in _LEADING_WORDS}
    for n in names:
        for k, c in enumerate(n):
            if c in found:
                found[c].add((k, n))
    return {c: tuple(sorted(v)) for c, v in found.items()}


def _in_place_name(title: str, i: int) -> bool:
    """Whether the character at ``i`` belongs to a place's name written there."""
    return any(i >= k and title.startswith(n, i - k) for k, n in _places_with_a_joining_word().get(title[i], ()))


# 和, 与 … joining the words before it to a CPPCC body's title (他还和省政协副主席…).
_JOINING = re.compile(rf"[{_LEADING_WORDS}](?=(?:全国|省|市|县|区|州|自治区)政协)")


def _without_leading_word(title: str) -> str:
    """The title without the words before a 和, 与, 在 … that joins it to the sentence, unless that
    character belongs to a place's name (a review found 和政县政协主席 listed as 政县政协主席, 和平区
    as 平区; the words before it made 他还和省政协副主席 a title).

    >>> _without_leading_word("和省政协副主席"), _without_leading_word("和政县政协主席")
    ('省政协副主席', '和政县政协主席')
    >>> _without_leading_word("与和平区政协主席"), _without_leading_word("他还和省政协副主席")
    ('和平区政协主席', '省政协副主席')
    >>> _without_leading_word("安徽省和县政协副主席"), _without_leading_word("犍为县政协主席")
    ('安徽省和县政协副主席', '犍为县政协主席')
    """
    for m in reversed(list(_JOINING.finditer(title))):
        if not _in_place_name(title, m.start()):
            return title[m.end():]
    if title[:1] in _LEADING_WORDS and not _in_place_name(title, 0):
        return title[1:]
    return title


def _title_matches(text: str):
    """``_TITLE.finditer(text)``, searching only the runs that hold a post (several times faster)."""
    for run in _RUN.finditer(text):
        if _ANY_POST.search(run.group()):
            yield from _TITLE.finditer(text, run.start(), run.end() + 1)


# A verb the last character of a three-character "name" begins with the character after it: 王刚说，
# (说 alone), 王刚表示 … A real name ending in such a character keeps it (王志强带队, 李国强致辞: a
# review found 王志 and 李国 once 带队 and 致辞 could end a name).
_VERB_STARTS = {"表": "示", "介": "绍", "指": "出", "强": "调", "认": "为真", "看": "来", "建": "议", "主": "持",
                "出": "席", "讲": "话", "所": "在"}


def _trim_name(name: str, after: str = "") -> str:
    if "·" in name:
        # 尔肯江·吐拉洪任组长, 玉克赛克·西加艾提常挂在嘴边: a transliterated name ends before a verb.
        first, _, rest = name.partition("·")
        m = re.search(r"[任为是在和与等说表作常]", rest[2:])
        return f"{first}·{rest[:2 + m.start()] if m else rest}"
    # 张岐云表示 → the lookahead already stops at verbs; drop a trailing verb char.
    if len(name) == 3 and (name[-1] == "说" or (after and after in _VERB_STARTS.get(name[-1], ""))):
        return name[:2]
    return name
