"""The project's text repeats no run of ten or more words from a source document (../shared/)."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
COPYCHECK = ROOT.parent / "shared" / "tools" / "copycheck.py"


def test_no_sentence_is_copied_from_the_sources() -> None:
    if not COPYCHECK.is_file():
        pytest.skip(f"{COPYCHECK} is not beside this checkout (it is in CI)")
    result = subprocess.run([sys.executable, str(COPYCHECK), str(ROOT)], capture_output=True, text=True, check=False)
    assert result.returncode == 0, result.stdout
