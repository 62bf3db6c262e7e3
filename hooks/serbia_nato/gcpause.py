"""Pause Python's cyclic garbage collector while the data layer builds many small objects that form no cycles.

Loading 10,000 milestones allocates hundreds of thousands of objects; each automatic collection
of the oldest generation walks all of them, which made loading grow faster than the data. Reference
counting still frees everything at once; the collector runs again, as usual, when the block ends.
"""

from __future__ import annotations

import gc
from collections.abc import Iterator
from contextlib import contextmanager


@contextmanager
def gc_paused() -> Iterator[None]:
    """Switch automatic collection off inside the block, and back on after it if it was on before."""
    was_enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if was_enabled:
            gc.enable()
