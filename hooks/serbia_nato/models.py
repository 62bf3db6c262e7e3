"""The one declared schema of data/: a pydantic model for every record and file, and the table of collections."""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cached_property
from typing import Annotated, ClassVar, Literal, get_args

from pydantic import (
    AfterValidator,
    BaseModel,
    BeforeValidator,
    ConfigDict,
    Field,
    GetCoreSchemaHandler,
    StringConstraints,
    WithJsonSchema,
    model_validator,
)
from pydantic_core import PydanticCustomError, core_schema

from .dates import DATE_PATTERN, parse_partial_date
from .script import is_cyrillic_letter

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


def is_partial_date(model: type[BaseModel], name: str) -> bool:
    """Whether a model's field holds a PartialDate (alone or optional)."""
    info = model.model_fields.get(name)
    return info is not None and PartialDate in (info.rebuild_annotation(), *get_args(info.annotation))


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

_LATIN_SERBIAN = re.compile(r"[čćšžđČĆŠŽĐ]")


def _cyrillic(value: str) -> str:
    """Serbian is written in Cyrillic; the build makes the Latin edition from it (see script.py)."""
    latin = _LATIN_SERBIAN.search(value)
    if latin or (any(c.isalpha() for c in value) and not any(is_cyrillic_letter(c) for c in value)):
        raise PydanticCustomError(
            "serbian_script", "is Serbian in Latin script{near}; allowed: Serbian in Cyrillic (the build makes "
            "the Latin edition from it; names, addresses and acronyms that Serbian keeps in Latin may stay)",
            {"near": f" (near '{value[max(0, latin.start() - 15):latin.end() + 15]}')" if latin else ""},
        )
    return value


SerbianText = Annotated[Text, AfterValidator(_cyrillic)]
SerbianShortText = Annotated[ShortText, AfterValidator(_cyrillic)]
SerbianMarkdownText = Annotated[MarkdownText, AfterValidator(_cyrillic)]


class Words(str):
    """A text of the site in both languages. As a str it is the text of the edition being built: English as
    loaded, and the edition's language once `editions.localized` has made the dataset for an edition.
    `en` and `sr` keep the English and the Serbian (in Cyrillic) as data/ holds them."""

    en: str
    sr: str

    def __new__(cls, text: str, *, en: str, sr: str) -> Words:
        words = super().__new__(cls, text)
        words.en, words.sr = en, sr
        return words

    def shown_as(self, text: str) -> Words:
        """The same words, shown as `text` (one of its languages, in one script)."""
        return Words(text, en=self.en, sr=self.sr)


@dataclass(frozen=True)
class InBothLanguages:
    """Marks a text field written in English and Serbian: `title: {en: …, sr: …}` in data/."""

    pair: type[Record]

    def __get_pydantic_core_schema__(self, source: object, handler: GetCoreSchemaHandler) -> core_schema.CoreSchema:
        return core_schema.no_info_after_validator_function(_words_of, handler.generate_schema(self.pair))


def _words_of(pair: BaseModel) -> Words:
    english, serbian = pair.en, pair.sr  # type: ignore[attr-defined]
    return Words(english, en=english, sr=serbian)


@dataclass(frozen=True)
class Ref:
    """Marks a field whose ids name records of another collection, e.g. `Annotated[list[Id], Ref("sources")]`."""

    collection: str


SourceIds = Annotated[
    list[Id],
    Field(min_length=1, description="Ids of the sources (data/sources.yml) that support this."),
    Ref("sources"),
]
ThemeIds = Annotated[list[Id], Ref("themes")]
ProgrammeIds = Annotated[list[Id], Ref("programmes")]
MilestoneIds = Annotated[list[Id], Ref("milestones")]

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
    noun: ClassVar[str] = "record"  # how messages to editors name one of these


class TextPair(Record):
    """A text in English and in Serbian."""

    noun: ClassVar[str] = "text"

    en: Text = Field(description="In English.")
    sr: SerbianText = Field(description="In Serbian, in Cyrillic script; the build makes the Latin.")


class ShortTextPair(Record):
    """A short text (at most 300 characters) in English and in Serbian."""

    noun: ClassVar[str] = "text"

    en: ShortText = Field(description="In English.")
    sr: SerbianShortText = Field(description="In Serbian, in Cyrillic script; the build makes the Latin.")


class MarkdownPair(Record):
    """A Markdown text, without raw HTML, in English and in Serbian."""

    noun: ClassVar[str] = "text"

    en: MarkdownText = Field(description="In English.")
    sr: SerbianMarkdownText = Field(description="In Serbian, in Cyrillic script; the build makes the Latin.")


PAIRS = (TextPair, ShortTextPair, MarkdownPair)  # the models of a text in both languages

# The site's own words, which every edition shows in its language.
BothText = Annotated[Words, InBothLanguages(TextPair)]
BothShortText = Annotated[Words, InBothLanguages(ShortTextPair)]
BothMarkdown = Annotated[Words, InBothLanguages(MarkdownPair)]


class Claim(Record):
    """One source's version of a disputed fact."""

    noun: ClassVar[str] = "claim"

    says: BothShortText = Field(description="The claim in the project's own words.")
    sources: SourceIds
    taken: bool = Field(False, description="True for the one claim the site follows.")


class Disagreement(Record):
    """A point on which the sources disagree: each claim with its source, and the site's choice."""

    noun: ClassVar[str] = "disagreement"

    topic: BothShortText = Field(description="What the sources disagree about.")
    claims: list[Claim] = Field(min_length=2)
    why: BothText = Field(description="Why the site takes the claim marked `taken`.")

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

    noun: ClassVar[str] = "status"

    state: State
    as_of: PartialDate = Field(description="The date of the source that reports this state.")
    sources: SourceIds


class Theme(Record):
    noun: ClassVar[str] = "theme"

    id: Id
    name: BothShortText
    description: BothText


class Source(Record):
    noun: ClassVar[str] = "source"

    id: Id
    title: ShortText
    publisher: ShortText
    date: PartialDate | None = Field(None, description="The document's date, as far as it is known.")
    date_note: BothShortText | None = Field(None, description="How the date is known, when it is not printed.")
    url: Url | None = None
    kind: SourceKind = Field(description="Who speaks: NATO, Serbia's government, another government, news or analysis.")
    language: Language = Field(description="The language the document is written in, as a BCP 47 tag.")
    document: ShortText | None = Field(
        None, description="The file in shared/sources/ that holds the text, if there is one."
    )
    summary: BothText


class Milestone(Record):
    noun: ClassVar[str] = "milestone"

    id: Id
    date: PartialDate
    title: BothShortText
    summary: BothText
    themes: ThemeIds = Field(min_length=1)
    programmes: ProgrammeIds = Field(default_factory=list)
    sources: SourceIds
    as_of: PartialDate | None = Field(
        None, description="For a state still under way: the date of the source that reports it."
    )
    disagreement: Disagreement | None = None


class Programme(Record):
    noun: ClassVar[str] = "programme"

    id: Id
    name: BothShortText
    acronym: ShortText | None = None
    kind: ProgrammeKind
    summary: BothText = Field(description="What it is, in one or two sentences.")
    serbia: BothText = Field(description="Serbia's part in it.")
    began: PartialDate | None = Field(None, description="When Serbia's part began.")
    ended: PartialDate | None = Field(None, description="When Serbia's part ended.")
    status: Status | None = Field(
        None, description="The state of Serbia's part, as the newest source that reports one gives it; "
        "left out when no source reports a state.")
    themes: ThemeIds = Field(min_length=1)
    part_of: Annotated[Id | None, Ref("programmes")] = Field(None, description="The programme this one belongs to.")
    narrative: BothMarkdown | None = Field(None, description="A longer account, in Markdown.")
    sources: SourceIds
    disagreement: Disagreement | None = None


class Quantity(Record):
    noun: ClassVar[str] = "quantity"

    amount: int = Field(gt=0)
    unit: Literal["weapons", "landmines-and-ammunition", "tonnes", "people"]
    approximate: bool = False
    what: BothShortText = Field(description="What was counted, in words.")


class TrustFund(Record):
    noun: ClassVar[str] = "trust fund"

    id: Id
    name: BothShortText
    purpose: BothText
    quantities: list[Quantity] = Field(min_length=1)
    lead_nations: list[BothShortText] = Field(default_factory=list)
    executing_agency: ShortText | None = None
    started: PartialDate | None = None
    ended: PartialDate | None = None
    duration_years: int | None = Field(None, gt=0)
    status: Status
    milestones: MilestoneIds = Field(default_factory=list)
    sources: SourceIds
    note: BothText | None = Field(None, description="How the site combined the sources' accounts, if it did.")
    disagreement: Disagreement | None = None


class Term(Record):
    noun: ClassVar[str] = "glossary term"

    term: Annotated[str, StringConstraints(pattern=r"^[A-Za-z][A-Za-z0-9/&-]*$", max_length=20)]
    expansion: BothShortText
    explanation: BothShortText
    programme: Annotated[Id | None, Ref("programmes")] = Field(
        None, description="The programme page that explains it further.")
    sources: Annotated[list[Id], Ref("sources")] = Field(default_factory=list)


class DataFileModel(Record):
    """A data file: one top-level key holding the list of its records."""

    noun: ClassVar[str] = "data file"


class ThemesFile(DataFileModel):
    themes: list[Theme] = Field(min_length=1)


class SourcesFile(DataFileModel):
    sources: list[Source] = Field(min_length=1)


class MilestonesFile(DataFileModel):
    milestones: list[Milestone] = Field(min_length=1)


class ProgrammesFile(DataFileModel):
    programmes: list[Programme] = Field(min_length=1)


class TrustFundsFile(DataFileModel):
    trust_funds: list[TrustFund] = Field(min_length=1)


class GlossaryFile(DataFileModel):
    terms: list[Term] = Field(min_length=1)


@dataclass(frozen=True)
class Collection:
    """One kind of record, declared once: the file that holds it, its key there and its model."""

    file: str  # e.g. "trust_funds.yml"
    file_model: type[DataFileModel]

    @property
    def name(self) -> str:
        """The file's top-level key, which is also the Dataset's attribute, e.g. "trust_funds"."""
        return next(iter(self.file_model.model_fields))

    @cached_property
    def record_model(self) -> type[Record]:
        [record_model] = get_args(self.file_model.model_fields[self.name].annotation)
        return record_model  # type: ignore[no-any-return]

    @property
    def noun(self) -> str:
        return self.record_model.noun

    @property
    def id_field(self) -> str:
        return "id" if "id" in self.record_model.model_fields else "term"

    @property
    def states_facts(self) -> bool:
        """Milestones, programmes and Trust Fund projects state facts: they cite sources and may disagree."""
        return "disagreement" in self.record_model.model_fields

    def unknown_id(self, ref: str, hint: str = "") -> str:
        """The message for an id that names no record of this collection."""
        return f"'{ref}' is not a known {self.noun}{hint}; allowed: an id from data/{self.file}"


COLLECTIONS: dict[str, Collection] = {
    collection.name: collection
    for collection in (
        Collection("themes.yml", ThemesFile),
        Collection("sources.yml", SourcesFile),
        Collection("milestones.yml", MilestonesFile),
        Collection("programmes.yml", ProgrammesFile),
        Collection("trust_funds.yml", TrustFundsFile),
        Collection("glossary.yml", GlossaryFile),
    )
}
# Each data file and the model that reads it; schema.py publishes their JSON Schema for editors.
DATA_FILES: dict[str, type[DataFileModel]] = {c.file: c.file_model for c in COLLECTIONS.values()}
