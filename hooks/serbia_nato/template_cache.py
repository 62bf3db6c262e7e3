"""Compiled Jinja templates kept in memory, so that each is compiled once per process, not once per build
and edition (the Serbian editions, and each rebuild of `mkdocs serve`, make new Jinja environments)."""

from __future__ import annotations

import hashlib
from collections.abc import Mapping

from jinja2 import BytecodeCache, Environment
from jinja2.bccache import Bucket


def _named(value: object) -> str:
    """A function by its module and name; anything else as it prints."""
    if callable(value):
        return f"{getattr(value, '__module__', '')}.{getattr(value, '__qualname__', repr(value))}"
    return repr(value)


def _calling(functions: Mapping[str, object]) -> list[tuple[str, str]]:
    """How each filter or test is called: the compiled code passes it the context or the environment if it asks."""
    return sorted((name, str(getattr(function, "jinja_pass_arg", ""))) for name, function in functions.items())


def compile_settings(environment: Environment) -> str:
    """A digest of what, besides a template's source, decides the code Jinja compiles it to."""
    settings = [
        _named(type(environment)), _named(environment.autoescape), _named(environment.finalize),
        sorted(environment.extensions), environment.block_start_string, environment.block_end_string,
        environment.variable_start_string, environment.variable_end_string, environment.comment_start_string,
        environment.comment_end_string, environment.line_statement_prefix, environment.line_comment_prefix,
        environment.trim_blocks, environment.lstrip_blocks, environment.newline_sequence,
        environment.keep_trailing_newline, environment.optimized, environment.is_async,
        getattr(environment, "newstyle_gettext", None), _calling(environment.filters), _calling(environment.tests),
    ]
    return hashlib.sha1(repr(settings).encode("utf-8")).hexdigest()


class MemoryBytecodeCache(BytecodeCache):
    """Jinja's bytecode cache in a dict. A template is known by its name, its file and the settings of the
    environment that compiles it (`compile_settings`), and it is compiled again when its source changes.

    Filters are looked up when a template renders, with one exception: Jinja may apply a filter to a constant
    while it compiles. The editions' environments have different filters of the same names, so the project's
    templates must not apply them to constants; tests/test_template_cache.py checks that they compile alike."""

    def __init__(self) -> None:
        self._code: dict[str, bytes] = {}
        self.compiled = 0  # templates compiled and stored since the process started

    def get_bucket(self, environment: Environment, name: str, filename: str | None, source: str) -> Bucket:
        key = self.get_cache_key(f"{name}\0{compile_settings(environment)}", filename)
        bucket = Bucket(environment, key, self.get_source_checksum(source))
        self.load_bytecode(bucket)
        return bucket

    def load_bytecode(self, bucket: Bucket) -> None:
        code = self._code.get(bucket.key)
        if code is not None:
            bucket.bytecode_from_string(code)

    def dump_bytecode(self, bucket: Bucket) -> None:
        self._code[bucket.key] = bucket.bytecode_to_string()
        self.compiled += 1

    def clear(self) -> None:
        self._code.clear()


THEME_TEMPLATES = MemoryBytecodeCache()  # the theme's, for the environment MkDocs makes for every build
CORE_TEMPLATES = MemoryBytecodeCache()  # the project's own (render.py), for every edition's environments
