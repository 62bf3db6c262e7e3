"""Text in data/ can never become markup or script: hostile titles, summaries and names are built
into a copy of the site with real MkDocs, and every page must show them as plain text.

Each hostile text is written in both languages: in English, and in Serbian as the schema asks, in
Cyrillic, as "Текст " and the same hostile text. The English pages must show the English as typed,
the Serbian Cyrillic pages the Serbian as typed, and the Serbian Latin pages the Serbian in Latin:
"Tekst " and the hostile text, which holds no Cyrillic and so passes through the transliteration.

The browser test opens the pages in headless Chromium and fails if any dialog (alert) fires.
"""

from __future__ import annotations

import csv
import functools
import json
import re
import threading
from collections.abc import Iterator
from datetime import date
from html.parser import HTMLParser
from http.server import SimpleHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

import pytest
from project_copy import build_site, copy_project

SCRIPT = "<script>alert(1)</script>"
ATTRIBUTE = '"><img src=x onerror=alert(1)>'
MARKDOWN = "**bold** [x](javascript:alert(1))"
SVG = "'><svg onload=alert(1)>"
HOSTILE = (SCRIPT, ATTRIBUTE, MARKDOWN, SVG)


# Dated today: after every real event, so the hostile ones are the newest and show in every list,
# and not after today, which the data check refuses.
TODAY = date.today().isoformat()


# The Serbian of each hostile text, in Cyrillic as data/ holds it, and as the Latin edition shows it.
SERBIAN, SERBIAN_LATIN = "Текст ", "Tekst "
# Each edition's folder, and how it shows a hostile text of data/.
EDITIONS = {
    "": lambda text: text,
    "sr-cyrl/": lambda text: SERBIAN + text,
    "sr-latn/": lambda text: SERBIAN_LATIN + text,
}
# The Markdown field's text, and the word it shows in bold, in each edition.
NARRATIVE = {"en": "Markdown is allowed here: **bold** and [a link](https://www.nato.int/), but never a script.",
             "sr": "Овде је Markdown дозвољен: **подебљано** и [веза](https://www.nato.int/), али скрипта никад."}
BOLD = {"": "bold", "sr-cyrl/": "подебљано", "sr-latn/": "podebljano"}


def _q(text: str) -> str:
    """A YAML double-quoted string (JSON's quoting is valid YAML)."""
    return json.dumps(text, ensure_ascii=False)


def _both(text: str, indent: int = 6) -> str:
    """A text of data/ in both languages, as the lines below its key: the English and the Serbian."""
    return f"\n{' ' * indent}en: {_q(text)}\n{' ' * indent}sr: {_q(SERBIAN + text)}"


ADDITIONS = {
    "milestones.yml": f"""
  - id: test-script-title
    date: {TODAY}
    title:{_both(SCRIPT + " TST")}
    summary:{_both(MARKDOWN)}
    themes: [partnership]
    programmes: [pfp, test-programme]
    sources: [test-source]
  - id: test-attribute-title
    date: {TODAY}
    title:{_both(ATTRIBUTE)}
    summary:{_both(SVG + " " + SCRIPT)}
    themes: [partnership]
    programmes: [pfp]
    sources: [nato-2022, test-source]
""",
    "sources.yml": f"""
  - id: test-source
    title: {_q(SCRIPT)}
    publisher: {_q(ATTRIBUTE)}
    date: {TODAY[:4]}
    url: https://www.nato.int/cps/en/natohq/topics_50100.htm?q=%22%3E
    kind: analysis
    language: en
    summary:{_both(MARKDOWN)}
""",
    "programmes.yml": f"""
  - id: test-programme
    name:{_both(ATTRIBUTE)}
    acronym: {_q(SCRIPT)}
    kind: programme
    summary:{_both(SCRIPT)}
    serbia:{_both(MARKDOWN)}
    narrative:
      en: {_q(NARRATIVE["en"])}
      sr: {_q(NARRATIVE["sr"])}
    status: {{state: active, as_of: {TODAY[:4]}, sources: [test-source]}}
    themes: [partnership]
    sources: [test-source]
""",
    "glossary.yml": f"""
  - term: TST
    expansion:{_both(ATTRIBUTE)}
    explanation:{_both(SCRIPT)}
    sources: [test-source]
""",
}


@pytest.fixture(scope="module")
def hostile_site(tmp_path_factory: pytest.TempPathFactory) -> Path:
    project = copy_project(tmp_path_factory.mktemp("hostile"))
    for name, addition in ADDITIONS.items():
        path = project / "data" / name
        path.write_text(path.read_text(encoding="utf-8").rstrip("\n") + "\n" + addition, encoding="utf-8")
    site = project / "site"
    result = build_site(project, site)
    assert result.returncode == 0, result.stdout + result.stderr
    return site


class _PageScan(HTMLParser):
    """What a browser would make of a page: its elements' attributes, its scripts and its text."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.dangers: list[str] = []
        self.text: list[str] = []
        self._script_type: str | None = None

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        values = dict(attrs)
        for name, value in attrs:
            target = re.sub(r"\s", "", (value or "")).lower()
            if name.startswith("on"):
                self.dangers.append(f"<{tag} {name}=…>")
            if name in {"href", "src", "action", "formaction"} and target.startswith(("javascript:", "data:")):
                self.dangers.append(f"<{tag} {name}={value}>")
        if tag in {"svg", "img"} and values.get("src") == "x" or tag == "svg" and "onload" in values:
            self.dangers.append(f"<{tag}> from data")
        if tag == "script":
            self._script_type = values.get("type") or "text/javascript"

    def handle_endtag(self, tag: str) -> None:
        if tag == "script":
            self._script_type = None

    def handle_data(self, data: str) -> None:
        if self._script_type is None:
            self.text.append(data)
        elif "alert(1)" in data and self._script_type != "application/ld+json":
            self.dangers.append(f"script ({self._script_type}) holding data text")


def scan(path: Path) -> _PageScan:
    scanner = _PageScan()
    scanner.feed(path.read_text(encoding="utf-8"))
    scanner.close()
    return scanner


def test_every_page_shows_hostile_text_as_text(hostile_site: Path):
    pages = sorted(hostile_site.rglob("*.html"))
    assert len(pages) > 10
    for folder in EDITIONS:  # the Serbian editions' pages are among them
        assert (hostile_site / folder / "timeline/index.html") in pages
    for page in pages:
        raw = page.read_text(encoding="utf-8")
        assert "<script>alert" not in raw and "<img src=x" not in raw and "<svg onload" not in raw, page
        assert scan(page).dangers == [], page


@pytest.mark.parametrize("folder", EDITIONS)
@pytest.mark.parametrize(("page", "data_texts", "plain_texts"), [
    ("timeline/index.html", [SCRIPT + " TST", ATTRIBUTE, MARKDOWN, SVG + " " + SCRIPT], []),
    ("programmes/pfp/index.html", [SCRIPT + " TST", ATTRIBUTE], []),
    ("programmes/test-programme/index.html", [ATTRIBUTE, SCRIPT, MARKDOWN], [SCRIPT]),
    ("sources/index.html", [MARKDOWN], [SCRIPT, ATTRIBUTE]),
    ("glossary/index.html", [ATTRIBUTE, SCRIPT], []),
])
def test_hostile_text_reads_exactly_as_typed(hostile_site: Path, folder: str, page: str, data_texts: list[str],
                                             plain_texts: list[str]):
    """Escaped once, not twice, and Markdown in plain-text fields is not interpreted: in each edition,
    the texts written in both languages in its language and script, and the plain ones (a source's
    title and publisher, an acronym) as they are."""
    text = " ".join(" ".join(scan(hostile_site / folder / page).text).split())
    for value in [*map(EDITIONS[folder], data_texts), *plain_texts]:
        assert value in text, f"{folder}{page} does not show {value!r} as text"


@pytest.mark.parametrize("folder", EDITIONS)
def test_markdown_field_renders_markdown_but_no_script(hostile_site: Path, folder: str):
    html = (hostile_site / folder / "programmes/test-programme/index.html").read_text(encoding="utf-8")
    assert f"<strong>{BOLD[folder]}</strong>" in html and 'href="https://www.nato.int/"' in html


def _downloads(site: Path, suffix: str) -> list[Path]:
    return sorted((site / "downloads").glob(f"*{suffix}")) if (site / "downloads").is_dir() else []


def _strings(value: object) -> Iterator[str]:
    if isinstance(value, str):
        yield value
    elif isinstance(value, dict):
        for item in value.values():
            yield from _strings(item)
    elif isinstance(value, list):
        for item in value:
            yield from _strings(item)


@pytest.mark.parametrize("folder", EDITIONS)
def test_downloads_hold_the_text_as_data(hostile_site: Path, folder: str):
    """JSON and CSV values are the text as typed, neither HTML-escaped nor turned into markup: the JSON
    files hold it in every edition's words, the CSV and iCalendar files in their own edition's."""
    site, shown = hostile_site / folder, EDITIONS[folder]
    json_strings = [s for path in _downloads(site, ".json")
                    for s in _strings(json.loads(path.read_text(encoding="utf-8")))]
    csv_cells = [cell for path in _downloads(site, ".csv")
                 for row in csv.reader(path.read_text(encoding="utf-8-sig").splitlines()) for cell in row]
    for values, editions in ((json_strings, EDITIONS.values()), (csv_cells, [shown])):
        assert values, f"{folder}downloads/ holds no JSON or no CSV"
        for words in editions:
            assert words(SCRIPT + " TST") in values and words(ATTRIBUTE) in values
        assert not any("&lt;script&gt;" in value for value in values)
    assert _downloads(site, ".ics"), f"{folder}downloads/ holds no iCalendar file"
    for path in _downloads(site, ".ics"):
        unfolded = path.read_bytes().decode("utf-8").replace("\r\n ", "")
        assert f"SUMMARY:{shown(SCRIPT + ' TST')}\r\n" in unfolded and f"SUMMARY:{shown(ATTRIBUTE)}\r\n" in unfolded


# In the browser ---------------------------------------------------------------------------------

CHROMIUM_ARGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
                 "--disable-component-update", "--disable-sync", "--no-first-run",
                 "--host-resolver-rules=MAP * ~NOTFOUND, EXCLUDE 127.0.0.1"]
# Material's search shows this until its worker has loaded the index.
SEARCH_READY = """() => {
  const meta = document.querySelector('.md-search-result__meta');
  return meta !== null && meta.textContent.trim() !== 'Initializing search';
}"""
BROWSER_PAGES = ["/", "/timeline/", "/programmes/pfp/", "/programmes/test-programme/", "/sources/", "/glossary/",
                 "/sr-cyrl/timeline/", "/sr-cyrl/programmes/test-programme/", "/sr-latn/timeline/",
                 "/sr-latn/programmes/test-programme/", "/sr-latn/glossary/"]


class _Quiet(SimpleHTTPRequestHandler):
    def log_message(self, format: str, *args: object) -> None:
        pass


@pytest.fixture(scope="module")
def served(hostile_site: Path) -> Iterator[str]:
    server = ThreadingHTTPServer(("127.0.0.1", 0), functools.partial(_Quiet, directory=str(hostile_site)))
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{server.server_address[1]}"
    server.shutdown()
    thread.join()


@pytest.mark.browser
def test_no_dialog_fires_in_the_browser(served: str):
    from playwright.sync_api import sync_playwright

    dialogs: list[str] = []
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path="/usr/bin/chromium", args=CHROMIUM_ARGS)
        page = browser.new_page()
        page.on("dialog", lambda dialog: (dialogs.append(f"{page.url}: {dialog.message}"), dialog.dismiss()))
        page.goto(served + "/404.html")
        page.evaluate("alert('control')")  # the watcher works: a real alert is caught
        assert dialogs == [f"{served}/404.html: control"]
        dialogs.clear()
        for path in BROWSER_PAGES:
            page.goto(served + path, wait_until="load")
            page.wait_for_timeout(200)  # let late handlers (image errors, search worker) run
        page.set_viewport_size({"width": 1280, "height": 900})
        for folder in ("/", "/sr-latn/"):  # the English search index, and a Serbian edition's own
            page.goto(served + folder, wait_until="load")
            page.wait_for_function(SEARCH_READY)
            search = page.locator("input.md-search__input")
            search.click()
            search.press_sequentially("TST")  # a word of its own in a hostile title, so the results show it
            page.locator(".md-search-result__item").first.wait_for(timeout=30_000)
            page.wait_for_timeout(200)
            page.goto(served + folder + "timeline/?programme=test-programme#test-script-title", wait_until="load")
            page.locator("#test-script-title").hover()
        browser.close()
    assert dialogs == []
