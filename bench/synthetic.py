"""Seeded synthetic data for the benchmarks: every data file, valid under the real schema, at any size.

`generate(folder, milestones=N, seed=S, required=Required(...))` writes the six data files to
`folder` (a temporary folder, never data/). The same arguments always give byte-identical files.
Everything else scales with N (see `Counts`), and every id the pages in docs/ name through
markers exists, so the real pages build against the synthetic data. The output loads without
errors or warnings: every source is cited and no status is dated after the sources that report it.
Every text that data/ holds in both languages is written as `{en: English, sr: Serbian}`, the Serbian
in Cyrillic, as the schema asks; source titles and publishers stay plain, as in data/.
"""

from __future__ import annotations

import calendar
import json
import random
import re
from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path

from serbia_nato import dates
from serbia_nato.markers import MARKER
from serbia_nato.models import ID_PATTERN

FIRST_YEAR, LAST_YEAR = 1992, 2025
DEFAULT_SEED = 20240611

# Each word or phrase in English and in Serbian (Cyrillic). An activity is given in Serbian in the
# nominative, accusative and locative, since the verbs of the titles take one or the other.
_ACTIVITIES = {
    "workshop": ("радионица", "радионицу", "радионици"),
    "course": ("курс", "курс", "курсу"),
    "conference": ("конференција", "конференцију", "конференцији"),
    "exercise": ("вежба", "вежбу", "вежби"),
    "seminar": ("семинар", "семинар", "семинару"),
    "review": ("преглед", "преглед", "прегледу"),
    "visit": ("посета", "посету", "посети"),
    "meeting": ("састанак", "састанак", "састанку"),
    "event": ("догађај", "догађај", "догађају"),  # the activity of the milestones that pages name
}
_ACTIVITY_NAMES = [name for name in _ACTIVITIES if name != "event"]  # what generated milestone ids begin with
_ACCUSATIVE, _LOCATIVE = 1, 2
_VERBS = [("hosts", "организује", _ACCUSATIVE), ("attends", "учествује на", _LOCATIVE),
          ("completes", "завршава", _ACCUSATIVE), ("opens", "отвара", _ACCUSATIVE),
          ("reviews", "разматра", _ACCUSATIVE), ("agrees on", "договара", _ACCUSATIVE),
          ("plans", "планира", _ACCUSATIVE), ("reports on", "извештава о", _LOCATIVE)]
_ACTORS = [("Belgrade", "Београд"), ("The Alliance", "Алијанса"), ("A NATO team", "Тим НАТО"),
           ("The defence ministry", "Министарство одбране"), ("A delegation", "Делегација"),
           ("The liaison office", "Канцеларија за везу"), ("An expert group", "Група стручњака")]
# A topic in English, and in Serbian in the nominative and the locative (after о, "on", and на).
_TOPICS = [("crisis management", "управљање кризама", "управљању кризама"),
           ("defence education", "образовање за одбрану", "образовању за одбрану"),
           ("border security", "безбедност граница", "безбедности граница"),
           ("civil emergencies", "ванредне ситуације", "ванредним ситуацијама"),
           ("demining", "разминирање", "разминирању"),
           ("cyber defence", "сајбер одбрана", "сајбер одбрани"),
           ("military medicine", "војна медицина", "војној медицини"),
           ("logistics", "логистика", "логистици"),
           ("public diplomacy", "јавна дипломатија", "јавној дипломатији"),
           ("defence budgeting", "буџетирање одбране", "буџетирању одбране"),
           ("arms control", "контрола наоружања", "контроли наоружања"),
           ("search and rescue", "трагање и спасавање", "трагању и спасавању"),
           ("peacekeeping", "мировне операције", "мировним операцијама"),
           ("integrity building", "изградња интегритета", "изградњи интегритета")]
_THEME_WORDS = [("Arms control", "Контрола наоружања"), ("Cyber defence", "Сајбер одбрана"),
                ("Border security", "Безбедност граница"), ("Civil preparedness", "Цивилна приправност"),
                ("Energy security", "Енергетска безбедност"), ("Maritime security", "Поморска безбедност"),
                ("Military medicine", "Војна медицина"), ("Logistics", "Логистика"),
                ("Climate and security", "Клима и безбедност"), ("Counter-terrorism", "Борба против тероризма"),
                ("Defence industry", "Одбрамбена индустрија"), ("Veterans", "Ветерани")]
# The Serbian names of the themes that pages in docs/ name today; any other gets "Тема N" ("Theme N").
_THEME_NAMES_SR = {"kosovo": "Косово", "partnership": "Партнерство", "defence-reform": "Реформа одбране",
                   "neutrality": "Неутралност", "interoperability": "Интероперабилност",
                   "geopolitics": "Геополитика", "public-diplomacy": "Јавна дипломатија",
                   "emergencies": "Ванредне ситуације", "wps": "Жене, мир и безбедност", "science": "Наука"}
_PROGRAMME_NOUNS = [("Initiative", "Иницијатива"), ("Programme", "Програм"), ("Platform", "Платформа"),
                    ("Dialogue", "Дијалог"), ("Centre", "Центар"), ("Forum", "Форум"), ("Process", "Процес"),
                    ("Fund", "Фонд")]
_PROGRAMME_KINDS = ["partnership-framework", "programme", "initiative", "forum", "process", "body", "office",
                    "operation", "agreement", "centre", "fund"]
_STATES = ["active", "under-way", "in-transition", "completed", "superseded", "ended"]
_PUBLISHERS = [
    ("Synthetic Alliance Press Office", "nato"),
    ("Synthetic Alliance Parliamentary Assembly", "nato"),
    ("Synthetic Ministry of Defence", "serbian-government"),
    ("Synthetic Mission in Brussels", "serbian-government"),
    ("Synthetic Centre for Security Policy", "analysis"),
    ("Synthetic Balkans Review", "analysis"),
]
_KIND_WORDS = {"nato": ("nato", "НАТО"), "serbian-government": ("serbian government", "државни органи Србије"),
               "analysis": ("analysis", "анализа")}
_LETTERS = "A-Za-zА-Ша-шЂЈЉЊЋЏђјљњћџ"  # Latin and Serbian Cyrillic, as plain YAML may write them
_PLAIN = re.compile(rf"[{_LETTERS}][{_LETTERS}0-9 .'()/-]*[{_LETTERS}0-9.)]|[0-9]{{4}}-[0-9]{{2}}(?:-[0-9]{{2}})?")
_RESERVED_WORDS = {"true", "false", "null", "yes", "no", "on", "off"}
_UNITS = [("weapons", "weapons destroyed", "уништених комада оружја"),
          ("landmines-and-ammunition", "items destroyed", "уништених мина и комада муниције"),
          ("tonnes", "tonnes destroyed", "уништених тона муниције"),
          ("people", "people helped", "особа којима је пружена помоћ")]
_NATIONS = [("Canada", "Канада"), ("Norway", "Норвешка"), ("Austria", "Аустрија"), ("Netherlands", "Холандија")]


def _both(english: str, serbian: str) -> dict[str, str]:
    """A text in both languages, as data/ writes it: English, and Serbian in Cyrillic."""
    return {"en": english, "sr": serbian}


@dataclass(frozen=True)
class Required:
    """Ids that must exist because pages name them in markers."""

    themes: tuple[str, ...] = ()
    programmes: tuple[str, ...] = ()
    milestones: tuple[str, ...] = ()

    @classmethod
    def from_docs(cls, docs_dir: Path) -> Required:
        """Every theme, programme and milestone id named by a marker in docs/*.md."""
        found: dict[str, dict[str, None]] = {"themes": {}, "programmes": {}, "milestones": {}}
        for path in sorted(Path(docs_dir).rglob("*.md")):
            for match in MARKER.finditer(path.read_text(encoding="utf-8")):
                for kind, value in _marker_ids(match.group(1), match.group(2).split()):
                    if re.fullmatch(ID_PATTERN, value):
                        found[kind][value] = None
        return cls(*(tuple(found[kind]) for kind in ("themes", "programmes", "milestones")))


def _marker_ids(name: str, tokens: list[str]) -> Iterable[tuple[str, str]]:
    positional_kind = {"date": "milestones", "milestone": "milestones", "programme": "programmes"}.get(name)
    for token in tokens:
        key, _, value = token.partition("=")
        if value and key in ("theme", "programme"):
            yield f"{key}s", value
        elif not value and positional_kind:
            yield positional_kind, key


@dataclass(frozen=True)
class Counts:
    """How many records of each kind go with N milestones."""

    milestones: int
    themes: int
    programmes: int
    sources: int
    trust_funds: int
    terms: int

    @classmethod
    def for_milestones(cls, milestones: int, required: Required) -> Counts:
        if milestones < 1:
            raise ValueError("at least one milestone is needed")
        return cls(
            milestones=max(milestones, len(required.milestones)),
            themes=max(12, len(required.themes)),
            programmes=max(8, milestones // 40, len(required.programmes)),
            sources=max(4, milestones // 20),
            trust_funds=max(2, milestones // 250),
            terms=20 + milestones // 500,
        )


@dataclass
class _Generator:
    """Builds the records in memory, in an order that lets later records refer to earlier ones."""

    counts: Counts
    required: Required
    rng: random.Random
    source_dates: dict[str, str | None] = field(default_factory=dict)

    # Small helpers -------------------------------------------------------------------

    def date(self, first: int = FIRST_YEAR, last: int = LAST_YEAR) -> str | int:
        year = self.rng.randint(first, last)
        precision = self.rng.choices(["year", "month", "day"], weights=[5, 3, 2])[0]
        if precision == "year":
            return year
        month = self.rng.randint(1, 12)
        if precision == "month":
            return f"{year}-{month:02d}"
        return f"{year}-{month:02d}-{self.rng.randint(1, calendar.monthrange(year, month)[1]):02d}"

    def some(self, pool: list[str], low: int, high: int) -> list[str]:
        return self.rng.sample(pool, min(len(pool), self.rng.randint(low, high)))

    def weighted(self, pool: list[str], weights: list[int]) -> list[str]:
        """Distinct items from pool; how many is drawn with these weights for 0, 1, 2, ... items."""
        how_many = self.rng.choices(range(len(weights)), weights=weights)[0]
        return self.rng.sample(pool, min(len(pool), how_many))

    def dated_source(self) -> tuple[str, str]:
        """A source with a date, and that date: a status reported by it is never later than it."""
        source_id = self.rng.choice([s for s, d in self.source_dates.items() if d is not None])
        return source_id, str(self.source_dates[source_id])

    def status(self) -> dict:
        source_id, as_of = self.dated_source()
        return {"state": self.rng.choice(_STATES), "as_of": as_of, "sources": [source_id]}

    def disagreement(self, sources: list[str]) -> dict:
        claims = []
        for _ in range(self.rng.randint(2, 3)):
            people = self.rng.randint(2, 90) * 100
            claims.append({"says": _both(f"{people} took part", f"Учествовало је {people} људи"),
                           "sources": [self.rng.choice(sources)]})
        claims[self.rng.randrange(len(claims))]["taken"] = True
        return {"topic": _both("How many took part", "Колико је људи учествовало"), "claims": claims,
                "why": _both("The newer source is followed.", "Сајт следи новији извор.")}

    # Records -------------------------------------------------------------------------

    def themes(self) -> list[dict]:
        ids = list(self.required.themes)
        serbian = dict(_THEME_NAMES_SR)
        words = iter(_THEME_WORDS)
        while len(ids) < self.counts.themes:
            word, word_sr = next(words, None) or (f"Theme {len(ids) + 1}", f"Тема {len(ids) + 1}")
            slug = re.sub(r"[^a-z0-9]+", "-", word.lower()).strip("-")
            if slug not in ids:
                ids.append(slug)
                serbian[slug] = word_sr
        records = []
        for number, theme_id in enumerate(ids, 1):
            name = serbian.get(theme_id, f"Тема {number}")
            records.append({"id": theme_id,
                            "name": _both(theme_id.replace("-", " ").capitalize(), name),
                            "description": _both(f"Events and programmes about {theme_id.replace('-', ' ')}.",
                                                 f"Догађаји и програми у оквиру теме „{name}“.")})
        return records

    def sources(self) -> list[dict]:
        records = []
        for number in range(1, self.counts.sources + 1):
            publisher, kind = self.rng.choice(_PUBLISHERS)
            source_id = f"src-{number:05d}"
            record: dict = {"id": source_id,
                            "title": f"Report {number} on {self.rng.choice(_TOPICS)[0]} (synthetic)",
                            "publisher": publisher}
            dated = number == 1 or self.rng.random() < 0.9
            self.source_dates[source_id] = str(self.date(2000)) if dated else None
            if dated:
                record["date"] = self.source_dates[source_id]
            else:
                record["date_note"] = _both("Undated; the page was read in 2024.",
                                            "Без датума; страница је прочитана 2024.")
            if self.rng.random() < 0.8:
                record["url"] = f"https://example.org/{source_id}"
            topic, _, about = self.rng.choice(_TOPICS)
            kind_en, kind_sr = _KIND_WORDS[kind]
            record.update(kind=kind, language="en",
                          summary=_both(f"A synthetic {kind_en} text about {topic}.",
                                        f"Синтетички текст ({kind_sr}) о {about}."))
            records.append(record)
        return records

    def programmes(self, theme_ids: list[str], source_ids: list[str]) -> list[dict]:
        ids = list(self.required.programmes)
        while len(ids) < self.counts.programmes:
            ids.append(f"prog-{len(ids) + 1:04d}")
        records = []
        for position, programme_id in enumerate(ids):
            topic, topic_sr, about = self.rng.choice(_TOPICS)
            noun, noun_sr = self.rng.choice(_PROGRAMME_NOUNS)
            record: dict = {"id": programme_id,
                            "name": _both(f"{topic.capitalize()} {noun} {position + 1}",
                                          f"{noun_sr} {position + 1}: {topic_sr}"),
                            "kind": self.rng.choice(_PROGRAMME_KINDS),
                            "summary": _both(f"A synthetic programme on {topic}.",
                                             f"Синтетички програм о {about}."),
                            "serbia": _both(f"Serbia takes part in work on {topic}.",
                                            f"Србија учествује у раду на {about}.")}
            began = self.date(1994, 2015)
            record["began"] = began
            if self.rng.random() < 0.3:
                record["ended"] = self.date(int(str(began)[:4]) + 1, 2024)
            record["status"] = self.status()
            record["themes"] = self.some(theme_ids, 1, 2)
            if position and self.rng.random() < 0.2:
                record["part_of"] = ids[self.rng.randrange(position)]
            if self.rng.random() < 0.25:
                record["narrative"] = _both(f"It began as an effort on **{topic}**.\n\nIt grew over the years.",
                                            f"Почео је као рад на **{about}**.\n\nВременом је растао.")
            record["sources"] = self.some(source_ids, 1, 2)
            if self.rng.random() < 0.05:
                record["disagreement"] = self.disagreement(record["sources"])
            records.append(record)
        return records

    def milestones(self, theme_ids: list[str], programme_ids: list[str], source_ids: list[str]) -> list[dict]:
        ids = list(self.required.milestones)
        while len(ids) < self.counts.milestones:
            ids.append(f"{self.rng.choice(_ACTIVITY_NAMES)}-{len(ids) + 1}")
        records = []
        for position, milestone_id in enumerate(ids):
            activity = "event" if position < len(self.required.milestones) else milestone_id.split("-")[0]
            first_source = source_ids[position % len(source_ids)]
            sources = list(dict.fromkeys([first_source, *self.weighted(source_ids, [5, 4, 1])]))
            article = "an" if activity[0] in "aeiou" else "a"
            when = self.date()
            actor, actor_sr = self.rng.choice(_ACTORS)
            verb, verb_sr, case = self.rng.choice(_VERBS)
            topic, _, about = self.rng.choice(_TOPICS)
            record: dict = {
                "id": milestone_id,
                "date": when,
                "title": _both(f"{actor} {verb} {article} {activity}",
                               f"{actor_sr} {verb_sr} {_ACTIVITIES[activity][case]}"),
                "summary": _both(f"On {topic}.", f"О {about}."),
                "themes": self.weighted(theme_ids, [0, 9, 1]),
            }
            programmes = self.weighted(programme_ids, [3, 4, 3])
            if programmes:
                record["programmes"] = programmes
            record["sources"] = sources
            if self.rng.random() < 0.04:
                record["as_of"] = str(self.date(2020, 2025))
            if self.rng.random() < 0.04:
                record["disagreement"] = self.disagreement(sources)
            records.append(record)
        # In the timeline's order, as the data check asks of milestones.yml.
        return sorted(records, key=lambda record: dates.reading_order(str(record["date"])))

    def trust_funds(self, milestone_ids: list[str], source_ids: list[str]) -> list[dict]:
        records = []
        for number in range(1, self.counts.trust_funds + 1):
            unit, what, what_sr = self.rng.choice(_UNITS)
            record: dict = {"id": f"trust-fund-{number:03d}",
                            "name": _both(f"Trust Fund project {number}", f"Пројекат поверилачког фонда {number}"),
                            "purpose": _both(f"Synthetic project {number}: {what}.",
                                             f"Синтетички пројекат {number}: {what_sr}."),
                            "quantities": [{"amount": self.rng.randint(1, 500) * 100, "unit": unit,
                                            "approximate": self.rng.random() < 0.5, "what": _both(what, what_sr)}]}
            nations = self.rng.sample(_NATIONS, self.rng.randint(0, 2))
            record["lead_nations"] = [_both(*nation) for nation in nations]
            started = self.date(2000, 2015)
            record["started"] = started
            record["ended"] = self.date(int(str(started)[:4]) + 1, 2024)
            record["status"] = self.status()
            record["milestones"] = self.some(milestone_ids, 0, 2)
            record["sources"] = self.some(source_ids, 1, 2)
            records.append(record)
        return records

    def terms(self, programmes: list[dict]) -> list[dict]:
        records, seen = [], set()
        for programme in programmes:
            if len(records) == self.counts.terms:
                break
            acronym = "".join(word[0] for word in programme["name"]["en"].split() if word[0].isalpha()).upper()
            acronym = f"{acronym}{len(records) + 1}"
            if acronym not in seen:
                seen.add(acronym)
                records.append({"term": acronym, "expansion": programme["name"],
                                "explanation": programme["summary"], "programme": programme["id"]})
        while len(records) < self.counts.terms:
            number = len(records) + 1
            records.append({"term": f"SYN{number}",
                            "expansion": _both(f"Synthetic term {number}", f"Синтетички термин {number}"),
                            "explanation": _both("A term used only by the benchmarks.",
                                                 "Термин који се користи само у мерењима брзине.")})
        return records


def _cite_every_source(source_ids: list[str], records: list[dict]) -> None:
    """Add each source nothing cites yet to the first record, so the data has no warnings."""
    cited = {s for record in records for s in record["sources"]}
    records[0]["sources"] += [s for s in source_ids if s not in cited]


def build_records(milestones: int, seed: int = DEFAULT_SEED, required: Required = Required()) -> dict[str, dict]:
    """Every data file's content, keyed by file name."""
    gen = _Generator(Counts.for_milestones(milestones, required), required, random.Random(seed))
    themes = gen.themes()
    sources = gen.sources()
    theme_ids, source_ids = [t["id"] for t in themes], [s["id"] for s in sources]
    programmes = gen.programmes(theme_ids, source_ids)
    events = gen.milestones(theme_ids, [p["id"] for p in programmes], source_ids)
    funds = gen.trust_funds([m["id"] for m in events], source_ids)
    _cite_every_source(source_ids, events)
    return {
        "themes.yml": {"themes": themes},
        "sources.yml": {"sources": sources},
        "milestones.yml": {"milestones": events},
        "programmes.yml": {"programmes": programmes},
        "trust_funds.yml": {"trust_funds": funds},
        "glossary.yml": {"terms": gen.terms(programmes)},
    }


def generate(folder: Path, milestones: int, seed: int = DEFAULT_SEED, required: Required = Required()) -> Path:
    """Write the six data files into `folder` (created if needed) and return it."""
    folder = Path(folder)
    folder.mkdir(parents=True, exist_ok=True)
    for name, content in build_records(milestones, seed, required).items():
        (folder / name).write_text(f"# Synthetic benchmark data (seed {seed}); not facts.\n{_yaml(content)}",
                                   encoding="utf-8")
    return folder


def _yaml(content: dict) -> str:
    """One record per line in flow style: compact enough for 10,000 milestones under the loader's 2 MB cap."""
    ((key, records),) = content.items()
    return "\n".join([f"{key}:", *(f"  - {_flow(record)}" for record in records)]) + "\n"


def _flow(value: object) -> str:
    """A value in YAML flow style; text is left plain only where the strict reader reads it back as text."""
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, int):
        return str(value)
    if isinstance(value, dict):
        return "{" + ", ".join(f"{name}: {_flow(item)}" for name, item in value.items()) + "}"
    if isinstance(value, list):
        return "[" + ", ".join(_flow(item) for item in value) + "]"
    text = str(value)
    if _PLAIN.fullmatch(text) and text.lower() not in _RESERVED_WORDS:
        return text
    return json.dumps(text, ensure_ascii=False)  # a JSON string is a valid YAML double-quoted scalar
