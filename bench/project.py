"""Throw-away copies of the site project for the benchmarks, and `mkdocs build` runs on them.

`copy_project` makes the real project (with any data folder) under a temporary folder, through
the tests' one copy-and-build helper (tests/project_copy.py);
`baseline_project` makes the same site with the hooks' output written out as plain Markdown
and no hooks, to see what the build costs without the data layer.
"""

from __future__ import annotations

import shutil
import time
from pathlib import Path

import yaml
from mkdocs.utils.yaml import get_yaml_loader

from tests import project_copy

HOOKS_ENTRY = "hooks/site_hooks.py"
TIMED_HOOKS = "hooks/bench_timed_hooks.py"
_IGNORE = shutil.ignore_patterns("__pycache__", "*.pyc", "*.egg-info")


class BuildFailed(RuntimeError):
    """`mkdocs build` exited with an error; the message holds the end of its output."""


def copy_project(root: Path, data: Path, dest: Path) -> Path:
    """Copy the project from root, with `data` as dest/data, its hooks timed by bench/timed_hooks.py."""
    project_copy.copy_project(dest, root=root, data=data)
    shutil.copy2(Path(__file__).with_name("timed_hooks.py"), dest / TIMED_HOOKS)
    config = (dest / "mkdocs.yml").read_text(encoding="utf-8")
    if f"- {HOOKS_ENTRY}" not in config:
        raise RuntimeError(f"mkdocs.yml does not list `- {HOOKS_ENTRY}` under hooks:; the benchmark cannot time them")
    (dest / "mkdocs.yml").write_text(config.replace(f"- {HOOKS_ENTRY}", f"- {TIMED_HOOKS}"), encoding="utf-8")
    return dest


def read_config(project: Path) -> dict:
    """mkdocs.yml as plain data, with `!ENV` values resolved the way MkDocs resolves them."""
    with open(project / "mkdocs.yml", encoding="utf-8") as stream:
        return yaml.load(stream, Loader=get_yaml_loader())  # MkDocs' own loader: safe, with !ENV


def baseline_project(root: Path, rendered: dict[str, str | bytes], nav: list | None, dest: Path) -> Path:
    """The site as plain files: every page already rendered, generated pages written, no hooks.

    `rendered` maps a docs/ path to its final Markdown (or a generated file's bytes); `nav` is
    the navigation the hooks would have produced.
    """
    dest.mkdir(parents=True, exist_ok=True)
    shutil.copytree(root / "docs", dest / "docs", ignore=_IGNORE)
    if (root / "overrides").is_dir():
        shutil.copytree(root / "overrides", dest / "overrides", ignore=_IGNORE)
    for src, content in rendered.items():
        path = dest / "docs" / src
        path.parent.mkdir(parents=True, exist_ok=True)
        if isinstance(content, bytes):
            path.write_bytes(content)
        else:
            path.write_text(content, encoding="utf-8")
    config = read_config(root)
    config.pop("hooks", None)
    config.pop("watch", None)
    if nav is not None:
        config["nav"] = nav
    (dest / "mkdocs.yml").write_text(yaml.safe_dump(config, sort_keys=False, allow_unicode=True), encoding="utf-8")
    return dest


def mkdocs_build(project: Path, site_dir: Path, english_only: bool = False) -> tuple[float, float | None]:
    """Run `mkdocs build --strict` in a fresh process: all three editions, or the English alone.

    Returns its wall-clock seconds, and the seconds spent in the hooks if they were timed.
    """
    hooks_times = site_dir.with_name(site_dir.name + "-hooks-seconds.txt")
    hooks_times.unlink(missing_ok=True)
    started = time.perf_counter()
    env = {"BENCH_HOOKS_TIMES": str(hooks_times), **({"SNT_EDITIONS": "en"} if english_only else {})}
    result = project_copy.build_site(project, site_dir, env=env, quiet=True, timeout=3600)
    elapsed = time.perf_counter() - started
    if result.returncode != 0:
        raise BuildFailed(f"mkdocs build failed in {project}:\n{(result.stdout + result.stderr)[-3000:]}")
    hooks = float(hooks_times.read_text(encoding="utf-8")) if hooks_times.exists() else None
    return elapsed, hooks


def folder_size(folder: Path) -> int:
    """Total bytes of the files under folder (0 if it does not exist)."""
    if not folder.is_dir():
        return 0
    return sum(path.stat().st_size for path in folder.rglob("*") if path.is_file())
