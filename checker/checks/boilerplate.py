"""Page furniture left in the copy by scraping or a CMS.

What it flags
-------------
A paragraph that is nothing but page furniture ("Advertisement", "Latest
News", "Related Topics", "Share this article", "Representational image"), a
cookie, newsletter or app banner ("We use cookies to ...", "Sign up to our
newsletter ...", "Download our app for breaking news alerts"), a paragraph
that opens with a furniture label and carries a link title or a caption
("Read more: ...", "Image caption: ...", "Click here to subscribe ..."), a
photo caption that ends in its credit ("Rescuers search the rubble. (Photo:
Jane Doe/Reuters)", "... in Ilase. PHOTO: Femi Adesanya / Daily Clarion"),
and an ad-slot marker glued to the end of a paragraph ("... the rest.
Advertisement").

Why it matters
--------------
Scraped or migrated copy carries the furniture of the page it came from.
Readers see it as sloppiness, and it breaks syndication and search snippets.

Example
-------
    Police are continuing to search for the rest. Advertisement

Fix
---
Delete the furniture.  A newsroom adds its own CMS's labels to the word lists
of the rule (``lines``, ``prefixes``, ``trailing`` in its pack).

Ordinary sentences that use the same words ("the latest news from the
council", "an advertisement for the job") are not flagged: a whole-paragraph
label must be the whole paragraph, a prefix must open a short paragraph and
be followed by a colon or a dash (a call to action of three words or more
stands on its own), and a trailing label
must follow the paragraph's last full stop with nothing after it.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from typing import ClassVar

from checker.analysis import Facts
from checker.analysis.people import PICTURE_CREDIT, has_credit_word
from checker.analysis.text import TIME_STAMP
from checker.checks.base import Check, Param
from checker.document import Document
from checker.findings import Finding, Fix
from checker.packs import pack_data_path, read_word_list

_EDGE_PUNCT = " \t\r\n:.…|•·-–—()[]"


def _norm(text: str) -> str:
    return " ".join(text.lower().replace("’", "'").split()).strip(_EDGE_PUNCT)


_MENU_SEPARATOR = re.compile(r"\s[-–—|•·/]\s")
_MENU_MAX = 300
_LABEL_WORDS = 5  # the longest label a row of buttons runs together
# the time a live blog stamps on each entry: "07:45 - ", "9.40am: "
_TIME_STAMP = re.compile(TIME_STAMP + r"\s*[-–—|:]?\s+", re.IGNORECASE)
# what opens a caption of its own, in its place in a marked caption
_CAPTION_LABELS = frozenset("photo photos picture pictured image video".split())
_SHORT = 5_000  # characters: more than any furniture line, prefixed label or caption
_TAIL = 400  # a trailing label ("... the rest. Advertisement") sits in the last characters
# a newsletter prompt: what it offers goes to the reader's inbox
_SIGN_UP_CALL = (
    # (a colon may follow the newsletter's name: "Sign up for Peloton Weekly: the best of ... in your inbox")
    # (or the newsletter named at once: "Get the Asia Markets Briefing in your inbox every weekday morning")
    r"(?:sign\s+up|subscribe|get\s+our|get\s+the\s+(?:latest|best|top|week['’]s|day['’]s)|join\s+our"
    r"|get\s+the\s+(?-i:[A-Z])[\w'’]*(?:\s+(?-i:[A-Z])[\w'’]*){0,4}\s+(?:briefing|newsletter|bulletin|digest|roundup))\b"
    r"[^.!?;]*"
    r"\b(?:newsletters?|inbox|e-?mails?|alerts|briefing)\b"
)
_SIGN_UP = re.compile(
    # after a short call of its own, maybe: "Never miss a forecast! Sign up for ..."
    r"\s*(?:[^.!?\n]{1,40}!\s+)?" + _SIGN_UP_CALL,
    re.IGNORECASE,
)

# a paywall's meter: "You have read 3 of your 5 free articles this month", "You've reached your limit of free stories"
_METER = re.compile(
    r"\s*(?:you(?:\s+have|['’]ve)\s+(?:read|reached|used)\s+[^.!?]{0,40}?\bfree\s+(?:articles?|stories|reads)\b"
    # "This article is for subscribers.", "This story is only available to subscribers"
    r"|this\s+(?:article|story|content|page)\s+is\s+(?:only\s+|exclusively\s+)?(?:for|available\s+to|reserved\s+for)"
    r"\s+(?:paying\s+|our\s+|premium\s+)?(?:subscribers|members)\b)",
    re.IGNORECASE,
)
# an app's advert: "Download the KVTR 7 News app to get breaking news alerts sent straight to your phone"
_APP = re.compile(
    r"\s*(?:download|get|install)\s+(?:the|our)\b[^.!?:;]{0,60}?\bapp\b[^.!?]{0,80}?"
    r"\b(?:news|alerts|notifications|headlines|stories)\b",
    re.IGNORECASE,
)
# the writer's own note: who they are, and where to follow them
_AUTHOR_BIO = re.compile(
    r"\s*(?:[A-Z][\w'’.-]+\s+){1,3}(?:is\s+(?:our|the|a|an)\s+(?:[\w-]+\s+){0,3}?"
    r"(?:correspondent|reporter|editor|journalist|writer|columnist|critic|contributor)\b"
    # "Graham Pettigrew covers the Steelhawks for the Hamilton Courier"
    r"|(?:covers|writes\s+about|reports\s+on)\s+[^.!?]{1,80}\bfor\s+(?:the\s+)?[A-Z])"
)
_HANDLE = re.compile(r"(?<![\w.])@\w{2,}")
# "Connect with her on X and LinkedIn", "Follow him on Instagram"
_SOCIAL = re.compile(r"\b(?:on|via)\s+(?:X|Twitter|LinkedIn|Instagram|Facebook|Threads|Bluesky|Mastodon|TikTok)\b")
_SPEECH = re.compile(r"\b(?:said|says|urged|told|asked|advised)\b")
# a cookie banner: what the site does with cookies, and what the reader agrees to by staying
_COOKIES = re.compile(
    r"\s*(?:(?:this|our)\s+(?:web\s*)?site\s+uses\s+cookies|we\s+use\s+cookies|"
    r"by\s+(?:continuing|using\s+(?:this|our)\s+(?:web\s*)?site)\b[^.!?]{0,80}\bcookies|"
    r"(?:accept|manage|reject)\s+(?:all\s+)?cookies\b|cookie\s+(?:settings|preferences|policy|consent)\b)",
    re.IGNORECASE,
)


# a row of share buttons glued to a paragraph's end
_SHARE_TAIL = re.compile(
    r"(?<=[.!?\"”’)])\s+(share\s+this\s+(?:article|story|page|post)\s*[:|]?(?:\s*[|•·]?\s*(?:Facebook|X|Twitter|"
    r"WhatsApp|Email|E-mail|LinkedIn|Telegram|Reddit|Print|Copy\s+link)){2,})\s*$",
    re.IGNORECASE,
)
# a link's label and title, or a call to follow the page, glued to a paragraph's end
_LINK_TAIL = re.compile(
    r"(?<=[.!?\"”’)])\s+((?:also\s+read|read\s+also|read\s+more|see\s+also)\s*:\s*[^.!?\n]{3,200}"
    r"|follow\s+us\s+on\s+(?:Facebook|X|Twitter|Instagram|LinkedIn|TikTok|WhatsApp|Telegram|YouTube)\b[^.!?\n]{0,120}[.!]?)"
    r"\s*$",
    re.IGNORECASE,
)
# the print edition's footer of a story online: "Published in The Daily Frontier Ledger, June 17th, 2024",
# "This article first appeared in the print edition of 3 May 2024"
_PUBLISHED = re.compile(
    r"\s*(?:(?:first|originally)\s+)?(?:published|printed|appeared)\s+(?:in|on)\s+[^.!?]{0,80}?"
    r"(?:\b(?:1[89]|20)\d\d|\bedition)\W*$"
    r"|\s*this\s+(?:article|story)\s+(?:first\s+|originally\s+)?(?:appeared|was\s+published)\b[^.!?]{0,80}$",
    re.IGNORECASE,
)
# the publisher's notice: "Copyright ⓒ Hanbit Economic Daily. Unauthorized reproduction and redistribution
# prohibited.", "© 2024 Norland Courier. All rights reserved."
_COPYRIGHT = re.compile(
    r"\s*(?:copyright\s*)?(?:©|ⓒ|\(c\))|\s*copyright\s+(?:\d{4}|by\b)"
    r"|\s*(?:[^\s.!?][^.!?]{0,80}[.!]\s+)?"
    r"(?:all\s+rights\s+reserved|unauthori[sz]ed\s+reproduction\b[^.!?]{0,60}\bprohibited)",
    re.IGNORECASE,
)
# a row of share buttons with no separators but spaces ("Share via Facebook  Share via X"), or after one label
_SHARE_ROW = re.compile(
    r"\s*(?:share\s+(?:via|on|to)\s+(?:Facebook|X|Twitter|WhatsApp|Email|E-mail|LinkedIn|Telegram|Reddit|"
    r"Messenger|Threads|Bluesky)\b[ \t|•·,]*){2,}(?:(?:Email|E-mail|Copy\s+link|Print|Save)\b[ \t|•·,]*)*$"
    # "Share: Facebook | Twitter | Viber | Email", "Share this news: WhatsApp | Facebook | Copy link"
    r"|\s*share(?:\s+this(?:\s+[a-z]+)?)?\s*:\s*(?:(?:Facebook|X|Twitter|WhatsApp|Viber|Email|E-mail|LinkedIn|"
    r"Telegram|Reddit|Messenger|"
    r"Threads|Bluesky|Copy\s+link|Print)\b[ \t|•·,]*){2,}$",
    re.IGNORECASE,
)
# a newsletter prompt glued to the end of a paragraph, as its last sentence
_SIGN_UP_TAIL = re.compile(r"(?<=[.!?\"”’)])\s+(" + _SIGN_UP_CALL + r"[^.!?]*[.!]?)\s*$", re.IGNORECASE)

_GLUED_TAILS = (_SHARE_TAIL, _LINK_TAIL, _SIGN_UP_TAIL)
# labels of a list of the site's other stories: furniture only before the list itself
_LIST_LABELS = frozenset(
    (
        "latest news",
        "latest stories",
        "latest headlines",
        "latest business",
        "latest sport",
        "latest sports",
        "latest world news",
        "top stories",
        "most read",
        "more news",
        "more stories",
        "trending",
    )
)


def _banner(body: str, n_words: int, max_prefixed_words: int, max_caption_words: int) -> str | None:
    """What a short paragraph that is the page's own advert is, or None: a newsletter prompt ("Sign up to the
    Courier newsletter ...", also as a live blog's entry "11:30 a.m. — Get the latest updates delivered
    straight to your inbox"), an author's note with a handle ("Priya Raghunathan is our science
    correspondent. ... is on X at @priyaraghu_sci."), an app's advert ("Download our app for breaking news
    alerts") or a cookie banner ("This site uses cookies ...")."""
    if n_words <= max_caption_words and _AUTHOR_BIO.match(body) and (_HANDLE.search(body) or _SOCIAL.search(body)):
        return "author's note"
    if n_words > max_prefixed_words:
        return None
    stamp = _TIME_STAMP.match(body, len(body) - len(body.lstrip()))
    if _SIGN_UP.match(body, stamp.end() if stamp else 0):
        return "newsletter sign-up"
    if _APP.match(body) and not _SPEECH.search(body):
        return "app download prompt"
    if _COOKIES.match(body):
        return "cookie notice"
    if _METER.match(body):
        return "paywall notice"
    if n_words <= 16 and _PUBLISHED.match(body):
        return "print edition footer"
    if _COPYRIGHT.match(body):
        return "copyright notice"
    if _SHARE_ROW.match(body):
        return "share buttons"
    return None


class Boilerplate(Check):
    requires = ()
    params: ClassVar[dict[str, Param]] = {
        "lines": Param(list, [], "word-list files of labels that make up a whole paragraph"),
        "prefixes": Param(list, [], "word-list files of labels that open a paragraph"),
        "trailing": Param(list, [], "word-list files of labels glued to the end of a paragraph"),
        "max_prefixed_words": Param(int, 30, "a prefixed paragraph longer than this is copy, not furniture"),
        "credits": Param(bool, True, "flag a short paragraph that ends in a picture credit: a photo caption"),
        "max_caption_words": Param(int, 45, "a paragraph longer than this that ends in a credit is copy"),
    }

    def setup(self) -> None:
        def load(key: str) -> list[str]:
            out: list[str] = []
            for name in self.spec.params[key]:
                out.extend(_norm(e) for e in read_word_list(pack_data_path(self.spec, name)))
            return out

        self.lines = set(load("lines"))
        prefixes = sorted(set(load("prefixes")), key=lambda p: (-len(p), p))
        self.prefix_re = (
            re.compile("(?:" + "|".join(re.escape(p) for p in prefixes) + r")(?=[\s:.…—–\])-]|$)", re.IGNORECASE)
            if prefixes
            else None
        )
        trailing = sorted(set(load("trailing")), key=lambda p: (-len(p), p))
        self.trailing_re = (
            re.compile(
                r"(?<=[.!?\"”’)])\s*(" + "|".join(re.escape(t).replace(r"\ ", r"\s+") for t in trailing) + r")\s*$",
                re.IGNORECASE,
            )
            if trailing
            else None
        )

    def run(self, doc: Document, facts: Facts) -> Iterable[Finding]:
        text = doc.text
        max_prefixed_words = self.spec.params["max_prefixed_words"]
        credits = self.spec.params["credits"]
        max_caption_words = self.spec.params["max_caption_words"]
        for block in doc.prose_blocks:
            body = text[block.start : block.end]
            stripped = body.strip()
            if not stripped:
                continue
            # furniture is short: a long paragraph is only searched for a trailing label, at its end
            short = len(body) <= _SHORT
            if short and (_norm(body) in self.lines or self._menu(body)):
                yield self._finding(block.start, block.end, stripped)
                continue
            n_words = len(body.split()) if short else _SHORT
            banner = _banner(body, n_words, max_prefixed_words, max_caption_words)
            if banner is not None:
                lead = len(body) - len(body.lstrip())
                yield self._finding(block.start + lead, block.start + len(body.rstrip()), banner)
                continue
            # a list of the site's stories runs as long as it runs: "Latest News: Cabinet approves ... | Two
            # killed in ... | Schools to stay closed ..."
            listed = n_words > max_prefixed_words and short and body.count(" | ") >= 2
            if self.prefix_re is not None and (n_words <= max_prefixed_words or listed):
                lead = len(body) - len(body.lstrip())
                # a live blog stamps each entry with its time: "07:45 - Read more: ..."
                stamp = _TIME_STAMP.match(body, lead)
                at = stamp.end() if stamp else lead
                bracketed = body[at : at + 1] == "["
                # "[Photo] President Moriwaki who apologises": a label in brackets is furniture as it stands
                m = self.prefix_re.match(body, at + 1 if bracketed else at)
                if m and bracketed and body[m.end() : m.end() + 1] != "]":
                    m = None
                # a caption the document marks as one may open with its own label ("Photo: Agency" in a
                # .docx Caption style); "Image caption:", the page's label, is furniture even there
                own_label = block.kind == "caption" and m is not None and m.group().strip().lower() in _CAPTION_LABELS
                if m and listed and " ".join(m.group().lower().split()) not in _LIST_LABELS:
                    m = None  # only a list's own label opens a long row
                if m and not own_label and (bracketed or self._prefix_is_furniture(m.group(), body, m.end())):
                    yield self._finding(block.start + lead, block.end, m.group().strip())
                    continue
            # a caption the document marks as one (a .docx Caption style, an HTML figcaption) is in its place
            if credits and block.kind == "paragraph" and n_words <= max_caption_words:
                m = PICTURE_CREDIT.search(body) if has_credit_word(body, 0, len(body)) else None
                if m:
                    # a photo caption with its credit: the picture's words, not the story's
                    lead = len(body) - len(body.lstrip())
                    yield self._finding(block.start + lead, block.start + len(body.rstrip()), m.group().strip(" ()[]"))
                    continue
            tail = max(0, len(body) - _TAIL)
            end = body[tail:]
            m = self.trailing_re.search(end) if self.trailing_re is not None else None
            # "... in April. Share this article Facebook X WhatsApp Email", "... families. ALSO READ: Winter Storm
            # Watch Issued ...", "... was 'healthy'. Sign up for our Morning Markets newsletter ..."
            for glued in _GLUED_TAILS:
                if m is not None:
                    break
                m = glued.search(end)
                if m is not None and glued is _SIGN_UP_TAIL and _SPEECH.search(m.group(1)):
                    m = None  # "Sign up for alerts, residents were told": the story's sentence
            if m:
                start = block.start + tail
                yield self._finding(start + m.start(1), start + m.end(1), m.group(1), fix=True)

    def _menu(self, body: str) -> bool:
        """A row of buttons, links or labels, each of them furniture: "Share on Facebook | Share on X | Copy
        link", "ADVERTISEMENT - Story continues below"."""
        if len(body) > _MENU_MAX:
            return False  # a row of buttons is short; a 5 MB paragraph is not split to find out
        if not _MENU_SEPARATOR.search(body):
            return self._buttons(_norm(body).split())
        parts = _MENU_SEPARATOR.split(body)
        return len(parts) > 1 and all((n := _norm(part)) and n in self.lines for part in parts)

    def _buttons(self, words: list[str]) -> bool:
        """Whether ``words`` are two labels or more run together with nothing between them: "Share on
        Facebook Share on X Share on LinkedIn Email this article"."""
        n = len(words)
        if n < 4:
            return False
        # ends[i]: the fewest labels that make up words[:i], n + 1 where none can
        ends = [0] + [n + 1] * n
        for i in range(n):
            if ends[i] > n:
                continue
            for j in range(i + 1, min(n, i + _LABEL_WORDS) + 1):
                if ends[i] + 1 < ends[j] and " ".join(words[i:j]) in self.lines:
                    ends[j] = ends[i] + 1
        return 2 <= ends[n] <= n

    @staticmethod
    def _prefix_is_furniture(label: str, body: str, end: int) -> bool:
        # a call to action of three words or more ("Click here to ...",
        # "Follow us on ...") is furniture however it goes on; a shorter
        # label ("Read more", "Image caption") only with a colon, a dash or
        # nothing after it
        if len(label.split()) >= 3:
            return True
        rest = body[end:].lstrip()
        if " ".join(label.lower().split()) in _LIST_LABELS:
            # "Latest News: Port names chairman | ...", "LATEST NEWS | ..."; "Latest News - Sport" is a heading
            return rest[:1] in (":", "|")
        return not rest or rest[0] in ":—–-|"

    def _finding(self, start: int, end: int, phrase: str, fix: bool = False) -> Finding:
        message = self.format_message(phrase=phrase)
        return self.finding(start, end, message, fix=Fix.replace(start, end, "", "safe") if fix else None)
