"""The project's text repeats no run of ten or more words from a source document (../shared/)."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
COPYCHECK = ROOT.parent / "shared" / "tools" / "copycheck.py"
SKIP_REASON = (f"the copy check needs the source texts in {ROOT.parent / 'shared'}, beside this checkout, as CI has "
               "them; to run it, put the shared/ folder there and run `python3 ../shared/tools/copycheck.py .`")


def test_no_sentence_is_copied_from_the_sources() -> None:
    if not COPYCHECK.is_file():
        pytest.skip(SKIP_REASON)
    result = subprocess.run([sys.executable, str(COPYCHECK), str(ROOT)], capture_output=True, text=True, check=False)
    assert result.returncode == 0, result.stdout


def test_without_the_source_texts_the_skip_says_how_to_run_the_check(tmp_path: Path) -> None:
    """A checkout with no shared/ beside it skips the check, and the skip tells the reader what to do."""
    checkout = tmp_path / "checkout"
    (checkout / "tests").mkdir(parents=True)
    (checkout / "tests" / "test_own_words.py").write_text(Path(__file__).read_text(encoding="utf-8"), encoding="utf-8")
    result = subprocess.run([sys.executable, "-m", "pytest", "-rs", "-p", "no:cacheprovider", "-k", "copied",
                             str(checkout / "tests")],
                            capture_output=True, text=True, check=False, cwd=checkout)
    assert "SKIPPED" in result.stdout and "python3 ../shared/tools/copycheck.py ." in result.stdout, result.stdout
