"""Whose plan it is and which years it covers, read from the whole text.

Both are found by weighing every candidate rather than taking the first: a
municipality's plan names its province on every page (in addresses), a cabinet item
names a dozen ministries, and a plan cites the years of the national strategy.

**Whose plan.** Every body the text names is a candidate: the contract's local
governments and provinces, and the ministries, departments, offices, committees,
councils and province groups that publish plans too. Each mention is given the role the
text gives it, by the rule table ``ROLES`` (first match wins), from what stands just
before the name and from its clause, the words after it up to the next body that is a
subject:

- the cabinet's formula ``ตามที่ <body> เสนอ`` names the item's proposer, which owns the
  plan outright (contract decision 1); of several items, the one that states the plan;
- a body that proposes, prepares or adopts a plan, or states one of its parts (``<body>
  มีวิสัยทัศน์ “…”``, ``วิสัยทัศน์ของ<body>ที่ว่า``), weighs most;
- a plan named with the body (``แผนพัฒนา<body>``, ``ยุทธศาสตร์…ของ<body>``), a cabinet
  item's ``<body> รายงานว่า``, less;
- a person chairing for it less, a person heading it or its meetings less still;
- a mention in passing least. An owner holds one of the roles down to chairing
  (``OWNING_ROLES``): passing mentions and titles alone never make one, and a person who
  speaks for the government (a prime minister) gives no body at all.

A body's name is read as the text writes it: up to a word that cannot be in a name when
it runs into the sentence, up to a closing word (``แห่งชาติ``, ``(องค์การมหาชน)``), with its
spaces when a bracket or a word that goes on with the sentence follows it (``ครั้งที่``,
``เสนอ``, a date). An abbreviation defined in brackets after a name (``(สธ.)``,
``(คณะกรรมการฯ)``) and a body's word shortened with ฯ stand for that body later on; a
local government's abbreviation (``อบจ.``) resolves to its full name where the text gives it.

**Which years.** Every range of years is ranked by what is named just before it, on its
line or, when nothing there names a plan, on the line above: a range named with a plan
outranks one only marked as years (``พ.ศ.``, ``ปี``) or budget years; a range named with a
cited plan (the national strategy), or with nothing that says it is years, is not
counted. Within a rank the range named most often wins; of equals, the first.
"""

from __future__ import annotations

import csv
import re
from collections import defaultdict
from dataclasses import dataclass
from enum import Enum
from functools import lru_cache
from typing import Callable, Iterator, Optional

from .dictionary import pythainlp_corpus
from .model import Organization, Period
from .spanned import skip_spaces
from .vocabulary import (
    ABBREVIATION_PATTERN,
    ADOPTION_PATTERN,
    BODY_NAME_CLOSING_PATTERN,
    BODY_NAME_JOINER_PATTERN,
    BODY_NAME_ENDING_PATTERN,
    BODY_START_CANDIDATE_PATTERN,
    BODY_START_PATTERN,
    BRACKETS_AFTER_PATTERN,
    BUDGET_YEARS_BEFORE_PATTERN,
    CHAIR_CLAUSE_PATTERN,
    CLEAN_NAME_END_PATTERN,
    DONE_BY_BEFORE_PATTERN,
    EXTRA_PROVINCES,
    FORMAL_PROPOSER_BEFORE_PATTERN,
    GLUED_RUN_PATTERN,
    GOVERNMENT_BEFORE_PATTERN,
    HEAD_BEFORE_PATTERN,
    LOCAL_NAME_AFTER_BRACKET_PATTERN,
    MEETING_BEFORE_PATTERN,
    MEETING_REFERENCE_PATTERN,
    NAME_ENDING_PATTERN,
    NAME_IS_KIND,
    ORGANIZATION_KIND_OF,
    ORGANIZATION_PATTERN,
    OWNER_BEFORE_PATTERN,
    PART_STATED_PATTERN,
    NEW_PARAGRAPH_PATTERN,
    PERIOD_CONTEXT_PATTERN,
    PERIOD_PATTERN,
    PREPARER_CLAUSE_PATTERN,
    PROVINCE_KIND,
    PROVINCE_NAMED_KINDS,
    PROPOSER_CLAUSE_PATTERN,
    REPORTER_CLAUSE_PATTERN,
    SENTENCE_START_PATTERN,
    SHORT_FORM_MARK,
    SHORT_REFERENCE_PATTERN,
    SPACED_NAME_TAIL_PATTERN,
    STATEMENT_BEFORE_PATTERN,
    TITLE_LINE_PATTERN,
    STATEMENT_LINE_PATTERN,
    STATEMENT_OPENS_PATTERN,
    SUBJECT_BEFORE_PATTERN,
    TITLED_BODIES,
    YEAR_MARKER_BEFORE_PATTERN,
    prefix_tree,
)

# ------------------------------------------------------------------- organisation


class Role(Enum):
    """What the text says a body does, in the order the rules try them."""

    FORMAL_PROPOSER = "formal_proposer"  # ตามที่ <body> เสนอ: a cabinet item's proposer
    PROPOSER = "proposer"  # <body> เสนอ..., เสนอโดย <body>
    PREPARER = "preparer"  # <body> ได้จัดทำแผน..., จัดทำโดย <body>
    ADOPTER = "adopter"  # <body> ... มีมติเห็นชอบ(ร่าง)แผน..., ที่ประชุม... for its meeting
    STATEMENT = "statement"  # a part of the plan stated as the body's
    TITLE = "title"  # the text's first line names a plan with the body: its title
    OWNER = "owner"  # a plan named with the body: แผนพัฒนา<body>
    CHAIR = "chair"  # <title><body> เป็นประธาน...
    REPORTER = "reporter"  # <body> รายงานว่า
    HEAD = "head"  # <title><body>: a person heading it
    MEETING = "meeting"  # การประชุม<body>
    PASSING = "passing"


# What a mention of each role adds to its body's score: a role that ties the body to the
# plan (100) outweighs any number of plans named with it (20), which outweigh chairing
# (8), titles and meetings (3) and mentions in passing (1).
WEIGHTS = {
    Role.FORMAL_PROPOSER: 100, Role.PROPOSER: 100, Role.PREPARER: 100, Role.ADOPTER: 100,
    Role.STATEMENT: 100, Role.TITLE: 100, Role.OWNER: 20, Role.REPORTER: 20, Role.CHAIR: 8, Role.HEAD: 3,
    Role.MEETING: 3, Role.PASSING: 1,
}
# The roles that tie a body to the plan: an owner holds one of them. A cabinet item's
# reporter is its proposer restated. Mentions in passing, a minister's title, a body's
# meetings are never evidence alone.
OWNING_ROLES = frozenset({Role.FORMAL_PROPOSER, Role.PROPOSER, Role.PREPARER, Role.ADOPTER,
                          Role.STATEMENT, Role.TITLE, Role.OWNER, Role.REPORTER, Role.CHAIR})
# How far before a name its context is read: ตามที่ with co-proposers, a plan's name (with
# its years in brackets, ของ), the words right before it (a title, ประชุม, โดย, an opener).
_BEFORE_CHARS = 160
_PLAN_NAME_CHARS = 80
_LINES_ABOVE = 2
_NEAR_CHARS = 40
# How far a clause runs at most, and how far into it a body's adopting a plan may stand
# (after its meeting's number and date).
_CLAUSE_CHARS = 300
_ADOPTION_REACH = 150
# How far a cabinet item's proposer formula may run on its line (ตามที่ X ในฐานะ ... เสนอ).
_LINE_REST_CHARS = 800
# A line at least this long that goes on without a new paragraph is a paragraph wrapped
# at a fixed width (news text): a clause runs on over its end. Shorter lines (headings,
# table cells, a cabinet item's paragraphs ending) end it.
_WRAPPED_LINE_CHARS = 150


@lru_cache(maxsize=1)
def province_names() -> frozenset[str]:
    """Thai names of the provinces, from pythainlp's corpus (read without importing it)."""
    rows = csv.reader(pythainlp_corpus("thailand_provinces_th.csv").splitlines())  # no header row
    names = {row[0].strip() for row in rows if row}
    return frozenset(names | EXTRA_PROVINCES)


@dataclass(frozen=True, slots=True)
class _ShortReference:
    """A body's word shortened with ฯ, resolved once the mentions before it are known."""

    written: str  # คณะกรรมการฯ, as an alias would be written
    word: str  # คณะกรรมการ


@dataclass(frozen=True, slots=True)
class _Body:
    """A body as one mention names it: ``key`` is the same for every way of writing it."""

    key: str
    name: str
    kind: Optional[str]


@dataclass(slots=True)
class _Mention:
    """Where a body is named: ``end`` includes the brackets written right after it."""

    start: int
    name_end: int
    end: int
    body: Optional[_Body]  # None: a meeting without its body, or a short reference
    short: Optional[_ShortReference] = None  # คณะกรรมการฯ, until resolved
    titled: bool = False  # named by a title that stands for it (นายกเทศมนตรี...)
    subject: bool = False
    government: bool = False  # a person who speaks for the government


@dataclass(slots=True)
class _Context:
    """One mention, seen by the role rules: the rules match their patterns on ``text``
    between these positions rather than on copies of its parts."""

    text: str
    start: int  # where the mention starts
    end: int  # where it ends, with the brackets after it
    before_start: int  # its line before it (and the lines above if it starts its line)
    plan_name_start: int  # the last _PLAN_NAME_CHARS of that
    near_start: int  # the last _NEAR_CHARS of that
    clause_end: int  # its clause: up to the next subject, a new sentence or paragraph
    line_end: int  # the end of its line, at most _LINE_REST_CHARS after it
    subject: bool
    titled: bool
    in_title: bool  # the first body the plan's title names


def _formal_proposer_rule(c: _Context) -> bool:
    """ตามที่ <body> เสนอ: the body an item names as proposing it."""
    return bool(PROPOSER_CLAUSE_PATTERN.match(c.text, c.end, c.line_end)
                and FORMAL_PROPOSER_BEFORE_PATTERN.search(c.text, c.before_start, c.start))


def _proposer_rule(c: _Context) -> bool:
    """<body> เสนอ..., เสนอโดย <body>, จัดทำโดย <body>."""
    return bool(PROPOSER_CLAUSE_PATTERN.match(c.text, c.end, c.clause_end)
                or DONE_BY_BEFORE_PATTERN.search(c.text, c.near_start, c.start))


def _preparer_rule(c: _Context) -> bool:
    """<body> (จึงได้)จัดทำ(ร่าง)แผน...: said of the subject, not of a body in passing."""
    return c.subject and bool(PREPARER_CLAUSE_PATTERN.match(c.text, c.end, c.clause_end))


def _adopter_rule(c: _Context) -> bool:
    """<body> ... มีมติเห็นชอบ(ร่าง)แผน..., said of the subject or of a body's meeting."""
    if not (c.subject or _meeting_rule(c)):
        return False
    adoption = ADOPTION_PATTERN.search(c.text, c.end, c.clause_end)
    return adoption is not None and adoption.start() <= c.end + _ADOPTION_REACH


def _statement_rule(c: _Context) -> bool:
    """วิสัยทัศน์ของ<body>ที่ว่า “...”, or the subject's clause stating a part of the plan
    (<body> ... มีวิสัยทัศน์ “...”)."""
    if (STATEMENT_OPENS_PATTERN.match(c.text, c.end, c.clause_end)
            and STATEMENT_BEFORE_PATTERN.search(c.text, c.plan_name_start, c.start)):
        return True
    return c.subject and bool(PART_STATED_PATTERN.search(c.text, c.end, c.clause_end))


def _title_rule(c: _Context) -> bool:
    """"แผนพัฒนาท้องถิ่น (พ.ศ. 2566 - 2570) <body>" as the text's first line: the plan's
    title names its owner, whatever other bodies' plans it goes on to cite."""
    return c.in_title and _owner_rule(c)


def _title_body(text: str, mentions: list[_Mention]) -> Optional[_Mention]:
    """The first body named in the plan's title: the text's first line when it starts
    with a plan's word, and the line after it when the first names no body."""
    if not TITLE_LINE_PATTERN.match(text):
        return None
    first_end = _line_end_at(text, len(text) - len(text.lstrip()))
    for end in (first_end, _line_end_at(text, first_end + 1)):
        named = next((mention for mention in mentions if mention.start < end and mention.body is not None), None)
        if named is not None:
            return named
    return None


def _line_end_at(text: str, position: int) -> int:
    end = text.find("\n", position)
    return len(text) if end < 0 else end


def _owner_rule(c: _Context) -> bool:
    """แผนพัฒนา<body>, ยุทธศาสตร์...ของ<body>: a plan named with the body."""
    return bool(OWNER_BEFORE_PATTERN.search(c.text, c.plan_name_start, c.start))


def _head_rule(c: _Context) -> bool:
    """<title><body>: a person heading it."""
    return c.titled or bool(HEAD_BEFORE_PATTERN.search(c.text, c.near_start, c.start))


def _chair_rule(c: _Context) -> bool:
    """<title><body> เป็นประธาน...: a person chairing for the body they head."""
    return bool(CHAIR_CLAUSE_PATTERN.match(c.text, c.end, c.clause_end)) and _head_rule(c)


def _reporter_rule(c: _Context) -> bool:
    """<body> รายงานว่า: the body submitting a cabinet item."""
    return c.subject and bool(REPORTER_CLAUSE_PATTERN.match(c.text, c.end, c.clause_end))


def _meeting_rule(c: _Context) -> bool:
    """การประชุม<body>."""
    return bool(MEETING_BEFORE_PATTERN.search(c.text, c.near_start, c.start))


# The rules in order: the first that holds gives the mention its role.
ROLES: tuple[tuple[Role, Callable[[_Context], bool]], ...] = (
    (Role.FORMAL_PROPOSER, _formal_proposer_rule),
    (Role.PROPOSER, _proposer_rule),
    (Role.PREPARER, _preparer_rule),
    (Role.ADOPTER, _adopter_rule),
    (Role.STATEMENT, _statement_rule),
    (Role.TITLE, _title_rule),
    (Role.OWNER, _owner_rule),
    (Role.CHAIR, _chair_rule),
    (Role.REPORTER, _reporter_rule),
    (Role.HEAD, _head_rule),
    (Role.MEETING, _meeting_rule),
    (Role.PASSING, lambda c: True),
)


def find_organization(text: str) -> Optional[Organization]:
    """The body that owns the plan the text states, or None when no body is its owner."""
    mentions = _mentions(text)
    roles = list(_roles(text, mentions))
    if not roles:
        return None
    proposer = _formal_proposer(text, roles)
    if proposer is not None:
        return _organization(proposer, roles)
    scores: dict[str, int] = defaultdict(int)
    first_seen: dict[str, int] = {}
    owning: set[str] = set()
    for order, (mention, role) in enumerate(roles):
        key = _named(mention).key
        scores[key] += WEIGHTS[role]
        first_seen.setdefault(key, order)
        if role in OWNING_ROLES:
            owning.add(key)
    if not owning:
        return None
    local = {_named(mention).key for mention, _ in roles if _is_local_government(_named(mention))}
    # On a tie a local government wins: its plan cites its province's, never the other way.
    key = max(owning, key=lambda key: (scores[key], key in local, -first_seen[key]))
    return _organization(key, roles)


def _is_local_government(body: _Body) -> bool:
    return body.kind is not None and body.kind != PROVINCE_KIND


def _organization(key: str, roles: list[tuple[_Mention, Role]]) -> Organization:
    """The body of ``key``, in its fullest written form (with its spaces, (องค์การมหาชน))."""
    bodies = [_named(mention) for mention, _ in roles if _named(mention).key == key]
    body = max(bodies, key=lambda body: len(body.name))
    return Organization(name=body.name, kind=body.kind)


def _named(mention: _Mention) -> _Body:
    """The body of a mention that has a role: roles are given to named bodies only."""
    assert mention.body is not None
    return mention.body


def _formal_proposer(text: str, roles: list[tuple[_Mention, Role]]) -> Optional[str]:
    """The key of the proposer of the cabinet item that states the plan: of the items
    before the first line stating a part of it the last, else the first; of co-proposers
    (ตามที่ X และ Y เสนอ) the first."""
    proposers: dict[int, _Mention] = {}  # by where their ตามที่ stands, the first of each
    for mention, role in roles:
        if role is Role.FORMAL_PROPOSER:
            context_start = _context_start(text, mention.start)
            opener = FORMAL_PROPOSER_BEFORE_PATTERN.search(text, context_start, mention.start)
            assert opener is not None  # the role was given because it stands there
            proposers.setdefault(opener.start(), mention)
    if not proposers:
        return None
    statement = STATEMENT_LINE_PATTERN.search(text)
    anchor = statement.start() if statement else len(text)
    before = [opener for opener in proposers if opener < anchor]
    return _named(proposers[before[-1] if before else min(proposers)]).key


def _roles(text: str, mentions: list[_Mention]) -> Iterator[tuple[_Mention, Role]]:
    """Each mention that names a body, with its role; a meeting named without its body
    ("ที่ประชุม...") stands for the body whose meeting was named last."""
    subject_starts = [mention.start for mention in mentions if mention.subject]
    titled_by = _title_body(text, mentions)
    next_subject = 0
    last_meeting: Optional[_Body] = None
    parents = _parents(text, mentions)
    for index, mention in enumerate(mentions):
        # What the text says of the body is said after its parent, when one follows it.
        end = mentions[parents[index]].end if index in parents else mention.end
        while next_subject < len(subject_starts) and subject_starts[next_subject] < end:
            next_subject += 1
        if mention.government:
            continue
        if mention.body is None:
            if last_meeting is None:
                continue
            mention.body = last_meeting
        if index in parents.values():
            yield mention, Role.PASSING  # "สกศ. กระทรวงศึกษาธิการ ได้จัดทำ…": the body's parent
            continue
        limit = min(end + _CLAUSE_CHARS, len(text),
                    subject_starts[next_subject] if next_subject < len(subject_starts) else len(text))
        before_start = _context_start(text, mention.start)
        context = _Context(
            text=text,
            start=mention.start,
            end=end,
            before_start=before_start,
            plan_name_start=max(before_start, mention.start - _PLAN_NAME_CHARS),
            near_start=max(before_start, mention.start - _NEAR_CHARS),
            clause_end=_clause_end(text, end, limit),
            line_end=_line_end(text, end, end + _LINE_REST_CHARS),
            subject=mention.subject,
            titled=mention.titled,
            in_title=mention is titled_by,
        )
        role = next(role for role, holds in ROLES if holds(context))
        if role is Role.MEETING:
            last_meeting = mention.body
        yield mention, role


def _parents(text: str, mentions: list[_Mention]) -> dict[int, int]:
    """The mention right after each that names the body it belongs to, written next to
    it with nothing but a space between ("กรมส่งเสริมการเกษตร กระทรวงเกษตรและสหกรณ์"):
    the index of each body's mention, to its parent's."""
    parents: dict[int, int] = {}
    for index, (mention, following) in enumerate(zip(mentions, mentions[1:])):
        if mention.body is not None and following.body is not None and following.body.key != mention.body.key \
                and index not in parents.values() and not text[mention.end:following.start].strip():
            parents[index] = index + 1
    return parents


def _context_start(text: str, position: int) -> int:
    """Where the context before a name starts: its line, and the lines above when the
    name starts its line (a cover: the plan's title, ``ของ``, then the body, a line each)."""
    line_start = text.rfind("\n", max(0, position - _BEFORE_CHARS), position) + 1
    if line_start and not text[line_start:position].strip():
        for _ in range(_LINES_ABOVE):
            if line_start == 0:
                break
            line_start = text.rfind("\n", 0, line_start - 1) + 1
    return max(line_start, position - _BEFORE_CHARS)


def _line_end(text: str, position: int, limit: int) -> int:
    """The end of the line ``position`` is on, at most ``limit``."""
    line_end = text.find("\n", position, limit)
    return line_end if line_end >= 0 else min(limit, len(text))


def _clause_end(text: str, start: int, limit: int) -> int:
    """Where the clause that starts at ``start`` ends, at most at ``limit`` (the next
    subject): before a new sentence, or at a line end, unless the line is a long one
    wrapped at a fixed width and the next goes on with it."""
    sentence = SENTENCE_START_PATTERN.search(text, start, limit)
    if sentence:
        limit = sentence.start()
    line_start = text.rfind("\n", 0, start) + 1
    while (line_end := text.find("\n", start, limit)) >= 0:
        if line_end - line_start < _WRAPPED_LINE_CHARS or NEW_PARAGRAPH_PATTERN.match(text, line_end + 1):
            return line_end
        line_start = start = line_end + 1
    return limit


# ------------------------------------------------------------------- names


def _mentions(text: str) -> list[_Mention]:
    """Every body named, in text order: by its own words, by an abbreviation defined in
    the text, by a shortened word (คณะกรรมการฯ), and meetings named without their body."""
    named = _named_bodies(text)
    aliases = _aliases(text, named)
    mentions = named + list(_alias_mentions(text, named, aliases))
    mentions += [_Mention(match.start(), match.end(), match.end(), None)
                 for match in MEETING_REFERENCE_PATTERN.finditer(text)
                 if not BODY_START_PATTERN.match(text, match.end())]
    mentions.sort(key=lambda mention: mention.start)
    resolved: list[_Mention] = []
    for mention in mentions:
        if mention.short is not None:
            mention.body = _resolve_short(mention.short, mention.start, resolved, aliases)
            if mention.body is None:
                continue
        resolved.append(mention)
    for mention in resolved:
        near_start = max(0, mention.start - _NEAR_CHARS)
        mention.subject = (mention.body is None
                           or bool(SUBJECT_BEFORE_PATTERN.search(text, near_start, mention.start)))
        mention.government = bool(GOVERNMENT_BEFORE_PATTERN.search(text, near_start, mention.start))
    return resolved


def _named_bodies(text: str) -> list[_Mention]:
    """The mentions that start with a body's word or a title standing for one, each read
    to the end of its name; a body's word inside a longer name is not a mention."""
    raw = []
    position = 0
    while (candidate := BODY_START_CANDIDATE_PATTERN.search(text, position)) is not None:
        match = BODY_START_PATTERN.match(text, candidate.start())
        if match is None:
            position = candidate.start() + 1
            continue
        mention = _read_name(text, match)
        if mention is not None:
            raw.append(mention)
        position = max(match.end(), mention.name_end if mention is not None else 0)
    clean = _clean_names(text, raw)
    mentions: list[_Mention] = []
    for mention in raw:
        mention = _with_clean_name(text, mention, clean)
        if mentions and mention.start < mentions[-1].end:
            continue  # a province inside a committee's name, a body inside brackets
        mentions.append(mention)
    return mentions


def _read_name(text: str, match: re.Match[str]) -> Optional[_Mention]:
    """The mention that starts at ``match``, its name read as far as the text shows."""
    if match.group("local") is not None:
        return _local_mention(text, match.start(), match.group("local"), match.end())
    if match.group("titled") is not None:
        body_word = next(body for pattern, body in TITLED_BODIES if pattern.match(text, match.start()))
        mention = _local_mention(text, match.start(), None, match.end(), body_word)
        if mention is not None:
            mention.titled = True
        return mention
    word = match.group("body")
    short = SHORT_REFERENCE_PATTERN.match(text, match.end())
    if short:
        return _Mention(match.start(), short.end(), short.end(), None, short=_ShortReference(word + SHORT_FORM_MARK, word))
    run = GLUED_RUN_PATTERN.match(text, match.end())
    assert run is not None  # the pattern matches the empty run too
    name_end = _body_name_end(text, match.end(), run.end())
    if name_end - match.end() < 2:
        return None
    return _body_mention(text, match.start(), name_end)


def _body_name_end(text: str, start: int, run_end: int) -> int:
    """Where a body's name glued to the sentence ends: after a closing word, or before the
    first word that cannot be in a name, whichever comes first."""
    ending = BODY_NAME_ENDING_PATTERN.search(text, start, run_end)
    closing = BODY_NAME_CLOSING_PATTERN.search(text, start, run_end if ending is None else ending.start() + 1)
    if closing is not None:
        return closing.end()
    if ending is not None and not _abbreviated_whole(text, ending, run_end):
        return ending.start()
    bracketed = BODY_NAME_CLOSING_PATTERN.match(text, run_end)  # " (องค์การมหาชน)"
    return bracketed.end() if bracketed else run_end


def _abbreviated_whole(text: str, ending: re.Match[str], run_end: int) -> bool:
    """Whether a joiner before another body's word is inside one name, as its
    abbreviation right after the whole run shows: "กรมกิจการสตรีและสถาบันครอบครัว (สค.)"."""
    return BODY_NAME_JOINER_PATTERN.fullmatch(ending.group()) is not None \
        and ABBREVIATION_PATTERN.match(text, skip_spaces(text, run_end)) is not None



def _body_mention(text: str, start: int, name_end: int) -> _Mention:
    end = _brackets_end(text, name_end)
    return _Mention(start, name_end, end, _body(text[start:name_end]))


def _body(name: str) -> _Body:
    """A body outside the contract's kinds: one key however its spaces and brackets go."""
    return _Body(key=_NOT_IN_KEY.sub("", name), name=name, kind=None)


# What a body's key leaves out of its name: spaces, and brackets ((องค์การมหาชน)).
_NOT_IN_KEY = re.compile(r"\s+|\([^()]*\)")


def _brackets_end(text: str, name_end: int) -> int:
    brackets = BRACKETS_AFTER_PATTERN.match(text, name_end)
    return brackets.end() if brackets else name_end


def _clean_names(text: str, mentions: list[_Mention]) -> dict[str, list[str]]:
    """Names the text shows whole, by their first word: followed by a bracket, the end of
    a line or a word of the sentence after a space, with their spaces when so followed."""
    clean: dict[str, set[str]] = defaultdict(set)
    for mention in mentions:
        if mention.body is None or mention.body.kind is not None:
            continue
        name = mention.body.name
        spaced = SPACED_NAME_TAIL_PATTERN.match(text, mention.name_end)
        if spaced:
            clean[name[:2]].add(text[mention.start:spaced.end()])
        elif CLEAN_NAME_END_PATTERN.match(text, mention.name_end):
            clean[name[:2]].add(name)
    return {first: sorted(names, key=len, reverse=True) for first, names in clean.items()}


def _with_clean_name(text: str, mention: _Mention, clean: dict[str, list[str]]) -> _Mention:
    """The mention under the longest whole name the text starts with there, if any."""
    if mention.body is None or mention.body.kind is not None:
        return mention
    for name in clean.get(mention.body.name[:2], ()):
        if text.startswith(name, mention.start):
            if len(name) != mention.name_end - mention.start:
                return _body_mention(text, mention.start, mention.start + len(name))
            return mention
    return mention


def _local_mention(text: str, start: int, written_kind: Optional[str], kind_end: int,
                   body_word: str = "") -> Optional[_Mention]:
    """A local government's or province's mention. A title standing for one is read as
    its body word followed by what the title is followed by (นายกเทศมนตรีนคร... as
    เทศบาลนคร...)."""
    if written_kind is None:
        local = ORGANIZATION_PATTERN.match(body_word + text[kind_end:kind_end + 80])
        if local is None:
            return None
        written_kind, name = local.group("kind"), local.group("name")
        name_start = kind_end + local.start("name") - len(body_word)
    else:
        local = ORGANIZATION_PATTERN.match(text, start)
        assert local is not None  # the mention was found by this pattern
        name, name_start = local.group("name"), local.start("name")
        if not name:
            split = LOCAL_NAME_AFTER_BRACKET_PATTERN.match(text, kind_end)
            if split:
                name, name_start = split.group("name"), split.start("name")
    kind = _kind_of(written_kind)
    if kind in NAME_IS_KIND:
        return _Mention(start, kind_end, _brackets_end(text, kind_end), _Body(kind, written_kind, kind))
    if kind in PROVINCE_NAMED_KINDS:
        name = _province_prefix(name) or ""
    else:
        name = name[:_name_end(name)]
    if len(name) < 2:
        return None
    name_end = name_start + len(name)
    full = kind + name
    written = full if written_kind == kind else written_kind + name
    return _Mention(start, name_end, _brackets_end(text, name_end), _Body(full, written, kind))


@lru_cache(maxsize=None)
def _kind_of(written_kind: str) -> str:
    """The contract's kind of a local government's kind word as written (อบจ. and in full)."""
    return next(kind for pattern, kind in ORGANIZATION_KIND_OF if pattern.fullmatch(written_kind))


def _province_prefix(name: str) -> Optional[str]:
    """The longest province name that ``name`` starts with (names run into the next word)."""
    provinces = province_names()
    for length in range(min(len(name), 24), 1, -1):
        if name[:length] in provinces:
            return name[:length]
    return None


def _name_end(name: str) -> int:
    """Where a local government's name ends: before the first word that cannot be in it."""
    match = NAME_ENDING_PATTERN.search(name, 2)
    return match.start() if match else len(name)


def _aliases(text: str, mentions: list[_Mention]) -> dict[str, list[tuple[int, _Body]]]:
    """Abbreviations defined in brackets right after a name, each with every body it was
    defined for and where (the same short form may stand for two bodies in one text)."""
    aliases: dict[str, list[tuple[int, _Body]]] = defaultdict(list)
    for mention in mentions:
        if mention.end == mention.name_end or mention.body is None:
            continue
        for match in ABBREVIATION_PATTERN.finditer(text, mention.name_end, mention.end):
            abbreviation = re.sub(r"\s", "", match.group("abbreviation"))
            if not BODY_START_PATTERN.fullmatch(abbreviation):  # อบจ.: a kind word already
                aliases[abbreviation].append((mention.start, mention.body))
            break
    return aliases


# A letter or dot right before an abbreviation makes it part of something longer.
_GLUED_BEFORE = re.compile(r"[\u0e01-\u0e4e.]")


def _alias_mentions(text: str, named: list[_Mention],
                    aliases: dict[str, list[tuple[int, _Body]]]) -> Iterator[_Mention]:
    """The mentions of abbreviations written with a dot (สธ., ก.พ.ร.), outside the
    brackets that define them; a short form with ฯ is read with the body's words."""
    dotted = [alias for alias in aliases if alias.endswith(".")]
    if not dotted:
        return
    pattern = re.compile(prefix_tree([re.escape(alias) for alias in dotted]))
    extents = [(mention.start, mention.end) for mention in named]
    index = 0
    for match in pattern.finditer(text):
        if match.start() > 0 and _GLUED_BEFORE.match(text, match.start() - 1):
            continue  # the end of a longer word or abbreviation (สธ. in ปสธ.)
        while index < len(extents) and extents[index][1] <= match.start():
            index += 1
        if index < len(extents) and extents[index][0] <= match.start():
            continue  # inside a name or its brackets: the definition itself
        body = _alias_body(aliases[match.group()], match.start())
        yield _Mention(match.start(), match.end(), _brackets_end(text, match.end()), body)


def _alias_body(definitions: list[tuple[int, _Body]], position: int) -> _Body:
    """The body an abbreviation stands for at ``position``: the last defined before it."""
    before = [body for start, body in definitions if start < position]
    return before[-1] if before else definitions[0][1]


def _resolve_short(reference: _ShortReference, position: int, resolved: list[_Mention],
                   aliases: dict[str, list[tuple[int, _Body]]]) -> Optional[_Body]:
    """คณะกรรมการฯ: the body defined with that short form, else the last named with the word."""
    if reference.written in aliases:
        return _alias_body(aliases[reference.written], position)
    for mention in reversed(resolved):
        if mention.body is not None and mention.body.name.startswith(reference.word):
            return mention.body
    return None


# ------------------------------------------------------------------- period

# A plan covers a few years: longer ranges are history, not a plan period.
_MAX_PLAN_YEARS = 20
_CE_TO_BE = 543
# A range of years is read with this many characters before it.
_CONTEXT_CHARS = 80


class _Naming(Enum):
    """What a range of years is named with, which decides how it ranks."""

    PLAN = 0  # a plan's name: the plan's own years
    MARKED = 1  # only a year's marker (พ.ศ., ปี) or budget years
    UNCOUNTED = 2  # a cited plan (ยุทธศาสตร์ชาติ), or nothing that says it is years


def find_period(text: str) -> Optional[Period]:
    """The plan's years in the Buddhist Era: the range named most often with a plan;
    where none is, the range most often marked as years; never a cited plan's."""
    counts: dict[tuple[int, int], list[int]] = {}  # years: [named with a plan, marked]
    first_seen: dict[tuple[int, int], int] = {}
    for match in PERIOD_PATTERN.finditer(text):
        period = _period(match)
        if period is None:
            continue
        naming = _naming(_period_context(text, match.start()))
        if naming is _Naming.UNCOUNTED:
            continue
        years = (period.start_year, period.end_year)
        counts.setdefault(years, [0, 0])[naming.value] += 1
        first_seen.setdefault(years, match.start())
    if not counts:
        return None
    start, end = max(counts, key=lambda years: (*counts[years], -first_seen[years]))
    return Period(start_year=start, end_year=end)


def _period_context(text: str, position: int) -> str:
    """The text before a range on its line, and the line above when nothing before it on
    its line names a plan (a plan's name with its years on the next line)."""
    line_start = text.rfind("\n", 0, position) + 1
    if line_start > 0 and not PERIOD_CONTEXT_PATTERN.search(text, line_start, position):
        line_start = text.rfind("\n", 0, line_start - 1) + 1
    return text[max(line_start, position - _CONTEXT_CHARS):position]


def _naming(context: str) -> _Naming:
    """What the text before a range names it with: budget years right before it, else
    the last plan named before it (the plan's own or a cited one), else a year's marker."""
    if BUDGET_YEARS_BEFORE_PATTERN.search(context):
        return _Naming.MARKED
    last_plan = None
    for last_plan in PERIOD_CONTEXT_PATTERN.finditer(context):
        pass
    if last_plan is not None:
        return _Naming.UNCOUNTED if last_plan.group("cited") else _Naming.PLAN
    return _Naming.MARKED if YEAR_MARKER_BEFORE_PATTERN.search(context) else _Naming.UNCOUNTED


def _period(match: re.Match[str]) -> Optional[Period]:
    start, end = int(match.group("start")), match.group("end")
    end_year = int(end) if len(end) == 4 else start // 100 * 100 + int(end)
    if start < 2400:  # a Common Era year
        start, end_year = start + _CE_TO_BE, end_year + _CE_TO_BE if end_year < 2400 else end_year
    if 0 < end_year - start <= _MAX_PLAN_YEARS:
        return Period(start_year=start, end_year=end_year)
    return None
