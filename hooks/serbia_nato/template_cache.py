"""Compiled Jinja templates kept in memory, so that each is compiled once per process, not once per build
and edition (the Serbian editions, and each rebuild of `mkdocs serve`, make new Jinja environments)."""

from __future__ import annotations

from jinja2 import BytecodeCache
from jinja2.bccache import Bucket


class MemoryBytecodeCache(BytecodeCache):
    """Jinja's bytecode cache in a dict, for environments with the same settings: the code a template
    compiles to depends on them (`finalize`, for one), and the cache knows a template by its name only.
    A template whose source has changed is compiled again: Jinja checks the source's checksum first."""

    def __init__(self) -> None:
        self._code: dict[str, bytes] = {}

    def load_bytecode(self, bucket: Bucket) -> None:
        code = self._code.get(bucket.key)
        if code is not None:
            bucket.bytecode_from_string(code)

    def dump_bytecode(self, bucket: Bucket) -> None:
        self._code[bucket.key] = bucket.bytecode_to_string()

    def clear(self) -> None:
        self._code.clear()

    def __len__(self) -> int:
        return len(self._code)


THEME_TEMPLATES = MemoryBytecodeCache()  # the theme's, for the environment MkDocs makes for every build
