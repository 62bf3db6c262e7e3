"""Benchmark wrapper around the project's hooks: times their import and every hook call inside `mkdocs build`.

`bench.project.copy_project` copies this file next to the hooks in a throw-away project and points
that copy's mkdocs.yml at it. At exit it writes the total seconds to the file named by
BENCH_HOOKS_TIMES, so the benchmark can tell the hooks' share of a real build.
"""

import atexit
import functools
import os
import time

_total = 0.0
_started = time.perf_counter()
import site_hooks as _hooks  # noqa: E402 - timed on purpose: the import is part of the hooks' cost

_total += time.perf_counter() - _started


def _timed(hook):
    @functools.wraps(hook)
    def timed(*args, **kwargs):
        global _total
        started = time.perf_counter()
        try:
            return hook(*args, **kwargs)
        finally:
            _total += time.perf_counter() - started

    return timed


for _name in dir(_hooks):
    if _name.startswith("on_") and callable(getattr(_hooks, _name)):
        globals()[_name] = _timed(getattr(_hooks, _name))


@atexit.register
def _write_total():
    target = os.environ.get("BENCH_HOOKS_TIMES")
    if target:
        with open(target, "w", encoding="utf-8") as out:
            out.write(f"{_total:.6f}\n")
