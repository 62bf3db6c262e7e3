"""Compiled templates kept between builds and editions in one process: reused, and compiled again when changed."""

from __future__ import annotations

from typing import Any

from jinja2 import DictLoader, Environment

from serbia_nato import links, render
from serbia_nato.editions import EDITIONS, localized
from serbia_nato.render import Renderer
from serbia_nato.template_cache import MemoryBytecodeCache


class CountingEnvironment(Environment):
    """A Jinja environment that counts the templates it compiles from source."""

    def __init__(self, **options: Any) -> None:
        super().__init__(**options)
        self.compiled = 0

    def compile(self, *args: Any, **kwargs: Any) -> Any:
        self.compiled += 1
        return super().compile(*args, **kwargs)


def _environment(cache: MemoryBytecodeCache, source: str) -> CountingEnvironment:
    """A fresh environment, as MkDocs makes one for every build."""
    return CountingEnvironment(loader=DictLoader({"page.html": source}), bytecode_cache=cache)


def test_a_later_build_uses_the_compiled_template() -> None:
    cache = MemoryBytecodeCache()
    first = _environment(cache, "Hello {{ name }}")
    assert first.get_template("page.html").render(name="Beograd") == "Hello Beograd"
    second = _environment(cache, "Hello {{ name }}")
    assert second.get_template("page.html").render(name="Београд") == "Hello Београд"
    assert (first.compiled, second.compiled, cache.compiled) == (1, 0, 1)


def test_a_changed_template_is_compiled_again() -> None:
    cache = MemoryBytecodeCache()
    _environment(cache, "Hello {{ name }}").get_template("page.html").render(name="x")
    changed = _environment(cache, "Goodbye {{ name }}")
    assert changed.get_template("page.html").render(name="x") == "Goodbye x"
    assert changed.compiled == 1


def test_environments_with_other_settings_compile_apart() -> None:
    """The code depends on the environment's settings as well as on the source: here, `finalize`."""
    cache = MemoryBytecodeCache()
    plain = CountingEnvironment(loader=DictLoader({"page.html": "{{ name }}"}), bytecode_cache=cache)
    framed = CountingEnvironment(loader=DictLoader({"page.html": "{{ name }}"}), bytecode_cache=cache,
                                 finalize=lambda value: f"[{value}]")
    assert plain.get_template("page.html").render(name="Niš") == "Niš"
    assert framed.get_template("page.html").render(name="Niš") == "[Niš]"
    assert (plain.compiled, framed.compiled, cache.compiled) == (1, 1, 2)


def test_each_edition_renders_the_core_templates_without_compiling_them_again(dataset, monkeypatch) -> None:
    """The core makes a pair of environments per edition; each template is compiled once for all three."""
    compiled: list[tuple[bool, str | None]] = []
    compile_source = Environment.compile

    def counted(self: Environment, source: Any, name: str | None = None, *args: Any, **kwargs: Any) -> Any:
        compiled.append((self.finalize is None, name))  # the HTML and the Markdown kind compile apart
        return compile_source(self, source, name, *args, **kwargs)

    monkeypatch.setattr(Environment, "compile", counted)
    render._environments.cache_clear()  # new environments, as in a new build; the compiled code stays
    pages = {}
    for edition in EDITIONS.values():
        renderer = Renderer(localized(dataset, edition), links.TIMELINE, edition=edition)
        pages[edition.code] = renderer.timeline() + renderer.sources()  # an HTML and a Markdown block
    assert len(set(pages.values())) == len(EDITIONS), "the editions rendered the same words"
    assert len(compiled) == len(set(compiled)), f"compiled again: {sorted(compiled)}"


def test_every_core_template_compiles_alike_in_every_edition() -> None:
    """Jinja applies a filter to a constant while it compiles (`{{ "2006-12-14"|human_date }}`), and the
    editions' filters of one name differ; such code, shared, would show one edition's words in another."""
    names = sorted(path.name for path in render.TEMPLATES.iterdir() if path.suffix == ".j2")
    for kind in (0, 1):  # HTML, Markdown
        for name in names:
            code = set()
            for edition in EDITIONS.values():
                environment = render._environments(edition)[kind]
                source, filename, _ = environment.loader.get_source(environment, name)  # type: ignore[union-attr]
                code.add(environment.compile(source, name, filename, raw=True))
            assert len(code) == 1, f"{name} compiles to different code in different editions"
