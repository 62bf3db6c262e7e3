"""The one declared schema of data/: a pydantic model for every kind of record and file."""

from __future__ import annotations

import re
from typing import Annotated, Literal

from pydantic import (
    AfterValidator,
    BaseModel,
    BeforeValidator,
    ConfigDict,
    Field,
    StringConstraints,
    WithJsonSchema,
    model_validator,
)
from pydantic_core import PydanticCustomError

from .dates import DATE_PATTERN, parse_partial_date

ID_PATTERN = r"^[a-z0-9]+(?:-[a-z0-9]+)*$"
_RAW_HTML = re.compile(r"<\s*/?\s*[a-zA-Z!]")
_MAX_TEXT = 4000


def _year_as_text(value: object) -> object:
    """An unquoted year (`2006`) reaches us as an int; every other date as text."""
    if isinstance(value, int) and not isinstance(value, bool):
        return str(value)
    return value


def _real_date(value: str) -> str:
    parse_partial_date(value)  # raises PydanticCustomError for an impossible date
    return value


def _no_raw_html(value: str) -> str:
    if _RAW_HTML.search(value):
        raise PydanticCustomError(
            "raw_html", "contains raw HTML; allowed: plain text and Markdown, without tags"
        )
    return value


# Where a Markdown link or image points: `[text](target …)` or a reference `[name]: target`.
_LINK_TARGET = re.compile(r"\]\(\s*<?([^\s)>]*)|^[ ]{0,3}\[[^\]]+\]:\s*<?([^\s>]*)", re.MULTILINE)
# A web address, an anchor, or a relative path of plain characters: no scheme such as javascript:
# or data:, and no character references (&#…;) that a browser would decode into one.
_SAFE_TARGET = re.compile(r"^(?:https?://[^\s<>\"'`]+|#[\w-]*|(?:\.{1,2}/)*[\w.-]+(?:/[\w.-]+)*/?(?:#[\w-]*)?)$")


def _safe_links(value: str) -> str:
    for match in _LINK_TARGET.finditer(value):
        target = match.group(1) or match.group(2) or ""
        if target and not _SAFE_TARGET.match(target):
            raise PydanticCustomError(
                "link_scheme",
                "links to '{target}'; allowed: links to http:// or https:// addresses, or to pages of this site",
                {"target": target[:80]},
            )
    return value


def _web_url(value: str) -> str:
    if not re.match(r"^https?://[^\s/$.?#<>\"\\`][^\s<>\"\\`]*$", value):
        raise PydanticCustomError(
            "url_scheme", "'{value}' is not a web address; allowed: an http:// or https:// URL",
            {"value": value[:80]},
        )
    return value


Id = Annotated[
    str,
    StringConstraints(pattern=ID_PATTERN, max_length=80),
    Field(description="A stable id: lower-case letters, digits and hyphens, e.g. `pfp-joined`."),
]
PartialDate = Annotated[
    str,
    BeforeValidator(_year_as_text),
    AfterValidator(_real_date),
    WithJsonSchema(
        {
            "anyOf": [{"type": "string", "pattern": DATE_PATTERN}, {"type": "integer"}],
            "description": "A date at its real precision: YYYY, YYYY-MM or YYYY-MM-DD.",
        }
    ),
]
Text = Annotated[str, StringConstraints(strip_whitespace=True, min_length=1, max_length=_MAX_TEXT)]
ShortText = Annotated[str, StringConstraints(strip_whitespace=True, min_length=1, max_length=300)]
MarkdownText = Annotated[
    str,
    StringConstraints(strip_whitespace=True, min_length=1, max_length=_MAX_TEXT),
    AfterValidator(_no_raw_html),
    AfterValidator(_safe_links),
    Field(description="Markdown without raw HTML."),
]
Url = Annotated[str, AfterValidator(_web_url), Field(description="An http:// or https:// address.")]
SourceIds = Annotated[
    list[Id],
    Field(min_length=1, description="Ids of the sources (data/sources.yml) that support this."),
]

SourceKind = Literal["nato", "serbian-government", "other-government", "news", "analysis"]
# How a reader sees each kind of source; a test holds these keys to SourceKind.
SOURCE_KIND_WORDS: dict[str, str] = {
    "nato": "NATO",
    "serbian-government": "Serbian government",
    "other-government": "another government",
    "news": "news",
    "analysis": "analysis",
}
Language = Literal["en", "sr-Latn", "sr-Cyrl", "sq", "bs", "hr", "mk", "de", "fr", "it", "ru"]
# Each language a source may be written in (BCP 47 tags), as a reader sees it.
LANGUAGE_NAMES: dict[str, str] = {
    "en": "English",
    "sr-Latn": "Serbian (Latin script)",
    "sr-Cyrl": "Serbian (Cyrillic script)",
    "sq": "Albanian",
    "bs": "Bosnian",
    "hr": "Croatian",
    "mk": "Macedonian",
    "de": "German",
    "fr": "French",
    "it": "Italian",
    "ru": "Russian",
}
State = Literal["active", "under-way", "in-transition", "completed", "superseded", "ended"]
ProgrammeKind = Literal[
    "partnership-framework",
    "programme",
    "initiative",
    "forum",
    "process",
    "body",
    "office",
    "operation",
    "agreement",
    "centre",
    "fund",
]


class Record(BaseModel):
    """Shared settings: unknown fields are errors, and text is never coerced from numbers."""

    model_config = ConfigDict(extra="forbid", strict=True, frozen=True)


class Claim(Record):
    """One source's version of a disputed fact."""

    says: ShortText = Field(description="The claim in the project's own words.")
    sources: SourceIds
    taken: bool = Field(False, description="True for the one claim the site follows.")


class Disagreement(Record):
    """A point on which the sources disagree: each claim with its source, and the site's choice."""

    topic: ShortText = Field(description="What the sources disagree about.")
    claims: list[Claim] = Field(min_length=2)
    why: Text = Field(description="Why the site takes the claim marked `taken`.")

    @model_validator(mode="after")
    def _one_taken(self) -> Disagreement:
        taken = sum(claim.taken for claim in self.claims)
        if taken != 1:
            raise PydanticCustomError(
                "one_taken",
                "marks {taken} claims as taken; allowed: exactly one claim with `taken: true`",
                {"taken": taken},
            )
        return self


class Status(Record):
    """A state as one dated source reports it."""

    state: State
    as_of: PartialDate = Field(description="The date of the source that reports this state.")
    sources: SourceIds


class Theme(Record):
    id: Id
    name: ShortText
    description: Text


class Source(Record):
    id: Id
    title: ShortText
    publisher: ShortText
    date: PartialDate | None = Field(None, description="The document's date, as far as it is known.")
    date_note: ShortText | None = Field(None, description="How the date is known, when it is not printed.")
    url: Url | None = None
    kind: SourceKind = Field(description="Who speaks: NATO, Serbia's government, another government, news or analysis.")
    language: Language = Field(description="The language the document is written in, as a BCP 47 tag.")
    document: ShortText | None = Field(
        None, description="The file in shared/sources/ that holds the text, if there is one."
    )
    summary: Text


class Milestone(Record):
    id: Id
    date: PartialDate
    title: ShortText
    summary: Text
    themes: list[Id] = Field(min_length=1)
    programmes: list[Id] = Field(default_factory=list)
    sources: SourceIds
    as_of: PartialDate | None = Field(
        None, description="For a state still under way: the date of the source that reports it."
    )
    disagreement: Disagreement | None = None


class Programme(Record):
    id: Id
    name: ShortText
    acronym: ShortText | None = None
    kind: ProgrammeKind
    summary: Text = Field(description="What it is, in one or two sentences.")
    serbia: Text = Field(description="Serbia's part in it.")
    began: PartialDate | None = Field(None, description="When Serbia's part began.")
    ended: PartialDate | None = Field(None, description="When Serbia's part ended.")
    status: Status
    themes: list[Id] = Field(min_length=1)
    part_of: Id | None = Field(None, description="The programme this one belongs to.")
    narrative: MarkdownText | None = Field(None, description="A longer account, in Markdown.")
    sources: SourceIds
    disagreement: Disagreement | None = None


class Quantity(Record):
    amount: int = Field(gt=0)
    unit: Literal["weapons", "landmines-and-ammunition", "tonnes", "people"]
    approximate: bool = False
    what: ShortText = Field(description="What was counted, in words.")


class TrustFund(Record):
    id: Id
    name: ShortText
    purpose: Text
    quantities: list[Quantity] = Field(min_length=1)
    lead_nations: list[ShortText] = Field(default_factory=list)
    executing_agency: ShortText | None = None
    started: PartialDate | None = None
    ended: PartialDate | None = None
    duration_years: int | None = Field(None, gt=0)
    status: Status
    milestones: list[Id] = Field(default_factory=list)
    sources: SourceIds
    note: Text | None = Field(None, description="How the site combined the sources' accounts, if it did.")
    disagreement: Disagreement | None = None


class Term(Record):
    term: Annotated[str, StringConstraints(pattern=r"^[A-Za-z][A-Za-z0-9/&-]*$", max_length=20)]
    expansion: ShortText
    explanation: ShortText
    programme: Id | None = Field(None, description="The programme page that explains it further.")
    sources: list[Id] = Field(default_factory=list)


class ThemesFile(Record):
    themes: list[Theme] = Field(min_length=1)


class SourcesFile(Record):
    sources: list[Source] = Field(min_length=1)


class MilestonesFile(Record):
    milestones: list[Milestone] = Field(min_length=1)


class ProgrammesFile(Record):
    programmes: list[Programme] = Field(min_length=1)


class TrustFundsFile(Record):
    trust_funds: list[TrustFund] = Field(min_length=1)


class GlossaryFile(Record):
    terms: list[Term] = Field(min_length=1)


# Each data file, the model that reads it, and the JSON Schema published for editors.
DATA_FILES: dict[str, type[Record]] = {
    "themes.yml": ThemesFile,
    "sources.yml": SourcesFile,
    "milestones.yml": MilestonesFile,
    "programmes.yml": ProgrammesFile,
    "trust_funds.yml": TrustFundsFile,
    "glossary.yml": GlossaryFile,
}
