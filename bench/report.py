"""The benchmark's results as a Markdown table, the targets met or not, and the machine it ran on."""

from __future__ import annotations

import os
import platform
from collections.abc import Callable
from dataclasses import dataclass, field
from importlib.metadata import version


@dataclass
class SizeResult:
    """Medians for one data size (seconds, bytes, milliseconds); None where not measured."""

    label: str
    milestones: int
    runs: int
    load: float
    hooks: float
    hooks_in_build: float
    build: float
    baseline: float
    timeline_bytes: int
    timeline_gzip_bytes: int
    downloads_bytes: int
    build_editions: float | None = None  # all three editions; `build` is the English edition alone
    load_event_ms: float | None = None
    count_painted_ms: float | None = None
    filter_layout_ms: float | None = None
    filter_paint_ms: float | None = None
    notes: list[str] = field(default_factory=list)

    @property
    def hooks_share(self) -> float:
        return self.hooks_in_build / self.build

    @property
    def build_ratio(self) -> float:
        return self.build / self.baseline


def _seconds(value: float | None) -> str:
    return "–" if value is None else f"{value:.2f} s"


def _ratio(value: float | None, to: float) -> str:
    return "–" if value is None else f"{value / to:.2f}×"


def _ms(value: float | None) -> str:
    return "–" if value is None else f"{value:.0f} ms"


def _kb(value: int | None) -> str:
    return "–" if not value else f"{value / 1024:,.1f} KB"


ROWS: list[tuple[str, Callable[[SizeResult], str]]] = [
    ("Milestones", lambda r: f"{r.milestones:,}"),
    ("Runs (median of)", lambda r: str(r.runs)),
    ("Load + validate (`load_dataset`)", lambda r: _seconds(r.load)),
    ("Hooks' work in process, warm (load, every page, generated files)", lambda r: _seconds(r.hooks)),
    ("Hooks inside `mkdocs build` (import and every hook call)", lambda r: _seconds(r.hooks_in_build)),
    ("`mkdocs build` with the hooks, English edition", lambda r: _seconds(r.build)),
    ("`mkdocs build` with the hooks, three editions", lambda r: _seconds(r.build_editions)),
    ("Three editions ÷ English alone", lambda r: _ratio(r.build_editions, r.build)),
    ("Hooks' share of the build", lambda r: f"{r.hooks_share:.0%}"),
    ("`mkdocs build` of the pre-rendered baseline (no hooks)", lambda r: _seconds(r.baseline)),
    ("Build with hooks ÷ baseline", lambda r: f"{r.build_ratio:.2f}×"),
    ("Timeline page, raw", lambda r: _kb(r.timeline_bytes)),
    ("Timeline page, gzipped (level 6)", lambda r: _kb(r.timeline_gzip_bytes)),
    ("`downloads/` folder", lambda r: _kb(r.downloads_bytes)),
    ("Timeline: navigation to load event", lambda r: _ms(r.load_event_ms)),
    ("Timeline: navigation to the script's count painted", lambda r: _ms(r.count_painted_ms)),
    ("Filter click: script + layout", lambda r: _ms(r.filter_layout_ms)),
    ("Filter click: to the next painted frame", lambda r: _ms(r.filter_paint_ms)),
]


def table(results: list[SizeResult]) -> str:
    header = "| Measure | " + " | ".join(r.label for r in results) + " |"
    rule = "|---|" + "---:|" * len(results)
    lines = [header, rule]
    lines += [f"| {name} | " + " | ".join(cell(r) for r in results) + " |" for name, cell in ROWS]
    return "\n".join(lines)


@dataclass
class Target:
    name: str
    measured: str
    met: bool | None  # None: the size it needs was not run


def targets(results: list[SizeResult], checks: object = None) -> list[Target]:
    found = _data_targets(results)
    if checks is not None:
        found += _site_targets(checks)
    return found


def _site_targets(checks) -> list[Target]:  # checks: a bench.site_checks.SiteChecks
    found = []
    for width, by_page in checks.layout_shift.items():
        worst = max(by_page, key=by_page.__getitem__)
        found.append(Target(f"Layout shift < 0.05 on every page at {width}",
                            f"{by_page[worst]:.3f} ({worst})", by_page[worst] < 0.05))
    if checks.lighthouse:
        perf = min(checks.lighthouse, key=lambda p: p.scores["performance"] or 0)
        lowest = perf.scores["performance"] or 0
        found.append(Target("Lighthouse performance ≥ 0.95 on every page", f"{lowest:.2f} ({perf.path})",
                            lowest >= 0.95))
        rest = [(p.path, c, p.scores[c]) for p in checks.lighthouse for c in ("accessibility", "best-practices", "seo")]
        below = [(path, c, v) for path, c, v in rest if (v or 0) < 1]
        shown = ", ".join(f"{path} {c} {v:.2f}" for path, c, v in below[:3]) or "all 1.00"
        found.append(Target("Lighthouse accessibility, best practices, SEO = 1.00 on every page", shown, not below))
    if checks.preview_seconds is not None:
        found.append(Target("Live preview: edit in data/ to change shown ≤ 1.0 s (median)",
                            f"{checks.preview_seconds:.2f} s", checks.preview_seconds <= 1.0))
    return found


def shift_table(by_width: dict[str, dict[str, float]]) -> str:
    """The worst page at each width, and every page at or above 0.01."""
    lines = ["| Layout shift (CLS) | " + " | ".join(by_width) + " |", "|---|" + "---:|" * len(by_width)]
    pages = sorted({path for by_page in by_width.values() for path in by_page})
    lines.append("| Pages measured | " + " | ".join(str(len(p)) for p in by_width.values()) + " |")
    lines.append("| Largest, any page | " + " | ".join(f"{max(p.values()):.3f}" for p in by_width.values()) + " |")
    for path in pages:
        values = [by_page.get(path, 0.0) for by_page in by_width.values()]
        if max(values) >= 0.01:
            lines.append(f"| `{path}` | " + " | ".join(f"{v:.3f}" for v in values) + " |")
    return "\n".join(lines)


def lighthouse_table(pages: list) -> str:  # pages: bench.lighthouse.PageScores
    lines = ["| Lighthouse (mobile) | Performance | Accessibility | Best practices | SEO | Audits below 1 |",
             "|---|---:|---:|---:|---:|---|"]
    for page in pages:
        scores = [page.scores.get(c) for c in ("performance", "accessibility", "best-practices", "seo")]
        failed = ", ".join(page.failed[:6]) + ("…" if len(page.failed) > 6 else "")
        lines.append(f"| `{page.path}` | " + " | ".join("–" if v is None else f"{v:.2f}" for v in scores)
                     + f" | {failed or '–'} |")
    return "\n".join(lines)


def _data_targets(results: list[SizeResult]) -> list[Target]:
    by_label = {r.label: r for r in results}
    real, thousand, ten_thousand = by_label.get("real"), by_label.get("1,000"), by_label.get("10,000")
    found: list[Target] = []
    if real:
        share = real.hooks_share
        found.append(Target("Hooks < 10 % of the build (real data)", f"{share:.1%}", share < 0.10))
        gzip_kb = real.timeline_gzip_bytes / 1024
        found.append(Target("Timeline gzipped < 60 KB (real data)", f"{gzip_kb:.1f} KB", gzip_kb < 60))
    else:
        found += [Target("Hooks < 10 % of the build (real data)", "not run", None),
                  Target("Timeline gzipped < 60 KB (real data)", "not run", None)]
    if thousand and ten_thousand:
        load_growth = ten_thousand.load / thousand.load
        found.append(Target("`load_dataset` grows ≤ 11× from 1,000 to 10,000 milestones", f"{load_growth:.1f}×",
                            load_growth <= 11))
        growth = ten_thousand.hooks / thousand.hooks
        found.append(Target("Hooks' time grows ≤ 11× from 1,000 to 10,000 milestones", f"{growth:.1f}×", growth <= 11))
    else:
        found.append(Target("Hooks' time grows ≤ 11× from 1,000 to 10,000 milestones", "not run", None))
    if ten_thousand and ten_thousand.load_event_ms is not None:
        found.append(Target("Timeline load event < 1.5 s at 10,000 milestones", _ms(ten_thousand.load_event_ms),
                            ten_thousand.load_event_ms < 1500))
    if ten_thousand and ten_thousand.filter_paint_ms is not None:
        found.append(Target("Filter click < 100 ms at 10,000 milestones", _ms(ten_thousand.filter_paint_ms),
                            ten_thousand.filter_paint_ms < 100))
    else:
        found.append(Target("Filter click < 100 ms at 10,000 milestones", "not run", None))
    return found


def targets_table(found: list[Target]) -> str:
    lines = ["| Target | Measured | Result |", "|---|---:|---|"]
    verdict = {True: "met", False: "**not met**", None: "not measured"}
    lines += [f"| {t.name} | {t.measured} | {verdict[t.met]} |" for t in found]
    return "\n".join(lines)


def machine(browser_version: str | None) -> str:
    """One line describing where the benchmark ran."""
    cpu = _cpu_model()
    memory = _memory_gb()
    load = os.getloadavg()[0] if hasattr(os, "getloadavg") else None
    parts = [
        f"{cpu}, {os.cpu_count()} cores" if cpu else f"{os.cpu_count()} cores",
        f"{memory:.0f} GB RAM" if memory else "",
        f"{platform.system()} {platform.release()}",
        f"Python {platform.python_version()}",
        f"MkDocs {version('mkdocs')}, Material {version('mkdocs-material')}",
        f"Chromium {browser_version}" if browser_version else "",
        f"load average {load:.1f} at the start" if load is not None else "",
    ]
    return "; ".join(part for part in parts if part)


def _cpu_model() -> str:
    try:
        with open("/proc/cpuinfo", encoding="utf-8") as info:
            for line in info:
                if line.startswith("model name"):
                    return line.split(":", 1)[1].strip()
    except OSError:
        pass
    return platform.processor()


def _memory_gb() -> float | None:
    try:
        with open("/proc/meminfo", encoding="utf-8") as info:
            for line in info:
                if line.startswith("MemTotal:"):
                    return int(line.split()[1]) / 1024 / 1024
    except OSError:
        pass
    return None
