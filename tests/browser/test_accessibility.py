"""axe-core (the copy shipped in axe-playwright-python, read from disk) on every page in the light
and the dark colour scheme: no violation of any rule axe runs by default."""

from __future__ import annotations

import pytest

from .browsing import pages_to_check

pytestmark = pytest.mark.browser

PAGES = pages_to_check() or ["/"]
SCHEMES = {"light": "default", "dark": "slate"}
RUN_AXE = "() => axe.run(document, {resultTypes: ['violations']}).then(results => results.violations)"
# A timeline longer than its budget lays out only what is near the view (content-visibility: auto). axe reads
# colours and sizes from what is rendered, so content not laid out yet would be measured against the wrong
# background. Rendering everything first lets axe check what every reader sees once they scroll there.
RENDER_EVERYTHING = "* { content-visibility: visible !important; }"


def describe(violations: list[dict]) -> str:
    """One line per rule (id, impact, what it asks), then the selectors of the elements that break it."""
    lines = []
    for violation in violations:
        lines.append(f"{violation['id']} ({violation['impact']}): {violation['help']}")
        for node in violation["nodes"][:10]:
            summary = node.get("failureSummary", "").replace("\n", " ")
            lines.append(f"    {' '.join(node['target'])}  {summary[:240]}")
        if len(violation["nodes"]) > 10:
            lines.append(f"    … and {len(violation['nodes']) - 10} more")
    return "\n".join(lines)


@pytest.mark.parametrize("scheme", sorted(SCHEMES))
@pytest.mark.parametrize("path", PAGES)
def test_page_has_no_accessibility_violations(axe_sessions, fresh, path: str, scheme: str) -> None:
    page = fresh(axe_sessions[scheme]).open(path)
    # Material picks the palette whose media query matches the emulated preference.
    assert page.evaluate("document.body.getAttribute('data-md-color-scheme')") == SCHEMES[scheme]
    page.add_style_tag(content=RENDER_EVERYTHING)
    violations = page.evaluate(RUN_AXE)
    if violations:
        pytest.fail(f"{path} ({scheme}):\n{describe(violations)}", pytrace=False)
