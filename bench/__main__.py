"""`python -m bench`: time the data layer on the real data and on synthetic data, print a Markdown report.

For each size: load + validate, the hooks' work, `mkdocs build` with the hooks and of a
pre-rendered baseline without them, the timeline page's size, and the timeline in headless
Chromium. Each figure is the median of several runs. Nothing is written into the project:
synthetic data and the project copies live in a temporary folder that is removed at the end.
"""

from __future__ import annotations

import argparse
import gzip
import statistics
import sys
import tempfile
from pathlib import Path

DEFAULT_SIZES = "real,1000,10000"
QUICK_SIZES = "real,200"
LARGE = 5000  # from this many milestones, fewer runs by default


def parse_args(argv: list[str]) -> argparse.Namespace:
    parser = argparse.ArgumentParser(prog="python -m bench", description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", help=f"`real` and/or milestone counts, comma-separated (default {DEFAULT_SIZES})")
    parser.add_argument("--runs", type=int, help="runs per figure (default 5, or 3 from 5,000 milestones)")
    parser.add_argument("--quick", action="store_true", help=f"a smoke test: one run, sizes {QUICK_SIZES}")
    parser.add_argument("--no-browser", action="store_true", help="skip the measurements in Chromium")
    parser.add_argument("--no-lighthouse", action="store_true", help="skip Lighthouse")
    parser.add_argument("--lighthouse-pages", choices=["main", "all"], default="main",
                        help="Lighthouse on one page of each kind (default) or on every page")
    parser.add_argument("--no-preview", action="store_true", help="skip the live preview measurement")
    parser.add_argument("--seed", type=int, help="seed of the synthetic data")
    parser.add_argument("--output", type=Path, help="also write the report to this file")
    parser.add_argument("--project", type=Path, default=Path(__file__).resolve().parent.parent,
                        help="the project to measure (default: this checkout)")
    args = parser.parse_args(argv)
    args.sizes = args.sizes or (QUICK_SIZES if args.quick else DEFAULT_SIZES)
    if args.quick and args.runs is None:
        args.runs = 1
    if args.runs is not None and args.runs < 1:
        parser.error("--runs must be at least 1")
    try:
        args.size_list = [_size(item) for item in args.sizes.split(",") if item.strip()]
    except ValueError as error:
        parser.error(str(error))
    return args


def _size(item: str) -> int | None:
    """None for the real data, else a number of milestones."""
    item = item.strip().replace("_", "")
    if item == "real":
        return None
    if not item.isdigit() or int(item) < 1:
        raise ValueError(f"size {item!r} is neither `real` nor a positive number of milestones")
    return int(item)


def say(message: str) -> None:
    print(message, file=sys.stderr, flush=True)


def measure_size(args: argparse.Namespace, size: int | None, work: Path):  # returns a SizeResult
    from serbia_nato.load import load_dataset

    from .hooks_time import read_pages, run_hooks, time_load
    from .project import baseline_project, copy_project, folder_size, mkdocs_build, read_config
    from .report import SizeResult
    from .synthetic import DEFAULT_SEED, Required, generate

    root: Path = args.project
    label = "real" if size is None else f"{size:,}"
    if size is None:
        data = root / "data"
    else:
        say(f"[{label}] generating synthetic data")
        data = generate(work / "data", size, seed=args.seed or DEFAULT_SEED, required=Required.from_docs(root / "docs"))
    project = copy_project(root, data, work / "project")
    milestones = len(load_dataset(project / "data").milestones)
    runs = args.runs or (3 if milestones >= LARGE else 5)
    config = read_config(project)
    pages = read_pages(project / "docs")

    say(f"[{label}] load + validate x{runs}")
    load = statistics.median(time_load(project / "data") for _ in range(runs))
    say(f"[{label}] hooks x{runs}")
    hook_runs = [run_hooks(project, pages, config.get("nav"), config.get("site_url") or "") for _ in range(runs)]
    output = hook_runs[-1][1]
    baseline = baseline_project(project, output.rendered, output.nav, work / "baseline")
    builds, hooks_in_build, baselines, editions = [], [], [], []
    for number in range(1, runs + 1):  # alternate the builds so drift in machine load hits them alike
        say(f"[{label}] mkdocs build: English, three editions, baseline; run {number} of {runs}")
        seconds, hooks_seconds = mkdocs_build(project, work / "site-en", english_only=True)
        builds.append(seconds)
        hooks_in_build.append(hooks_seconds)
        editions.append(mkdocs_build(project, work / "site")[0])
        baselines.append(mkdocs_build(baseline, work / "baseline-site")[0])
    timeline = (work / "site" / "timeline" / "index.html").read_bytes()
    result = SizeResult(
        label=label, milestones=milestones, runs=runs, load=load,
        hooks=statistics.median(seconds for seconds, _ in hook_runs),
        hooks_in_build=statistics.median(hooks_in_build),
        build=statistics.median(builds), baseline=statistics.median(baselines),
        build_editions=statistics.median(editions),
        timeline_bytes=len(timeline), timeline_gzip_bytes=len(gzip.compress(timeline, compresslevel=6, mtime=0)),
        downloads_bytes=folder_size(work / "site" / "downloads"),
    )
    if not args.no_browser:
        from .browser import measure_timeline

        say(f"[{label}] timeline in Chromium x{runs}")
        times = measure_timeline(work / "site", runs)
        result.load_event_ms, result.count_painted_ms = times.load_event, times.count_painted
        result.filter_layout_ms, result.filter_paint_ms = times.filter_layout, times.filter_paint
    return result


def report(args: argparse.Namespace, results: list, browser_version: str | None, argv: list[str],
           checks=None) -> str:  # checks: a bench.site_checks.SiteChecks, or None
    from .report import lighthouse_table, machine, shift_table, table, targets, targets_table

    command = " ".join(["python -m bench", *argv])
    parts = [f"Machine: {machine(browser_version)}.", "", f"Command: `{command}`", "", table(results), ""]
    if checks is not None:
        parts += [shift_table(checks.layout_shift), ""]
        if checks.lighthouse:
            parts += [lighthouse_table(checks.lighthouse), ""]
    parts += [targets_table(targets(results, checks)), ""]
    return "\n".join(parts)


def main(argv: list[str]) -> int:
    args = parse_args(argv)
    args.project = args.project.resolve()
    sys.path.insert(0, str(args.project / "hooks"))  # measure this project's hooks, not another copy's
    browser_version = None
    if not args.no_browser:
        from .browser import chromium_version

        browser_version = chromium_version()
    results = []
    with tempfile.TemporaryDirectory(prefix="serbia-nato-bench-") as temp:
        for size in args.size_list:
            work = Path(temp) / ("real" if size is None else str(size))
            results.append(measure_size(args, size, work))
        checks = None
        real_site = Path(temp) / "real" / "site"
        if not args.no_browser and real_site.is_dir():
            from .site_checks import run as check_site

            checks = check_site(args, real_site, Path(temp) / "site-checks", say)
        text = report(args, results, browser_version, argv, checks)
    print(text)
    if args.output:
        args.output.write_text(text, encoding="utf-8")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
