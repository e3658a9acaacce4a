"""axe-core (npm, node_modules/axe-core) in the browser: the WCAG 2.1 AA rules a page breaks.

`./test` installs axe-core through scripts/ensure-node-packages. Only violations of impact
"serious" or "critical" fail a test; "moderate" and "minor" are best practice beyond BITV's core.
"""

from __future__ import annotations

from pathlib import Path

import pytest
from playwright.sync_api import Page

AXE = Path(__file__).resolve().parents[2] / "node_modules" / "axe-core" / "axe.min.js"
FAILING_IMPACTS = ("serious", "critical")
WCAG_AA = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"]

_RUN = """async (tags) => {
    const result = await axe.run(document, {runOnly: {type: 'tag', values: tags}, resultTypes: ['violations']});
    return result.violations.map(v => ({
        id: v.id, impact: v.impact, help: v.help,
        nodes: v.nodes.map(n => n.target.join(' ') + ' :: ' + n.failureSummary.replace(/\\s+/g, ' ').slice(0, 300)),
    }));
}"""


def violations(page: Page) -> list[str]:
    """Serious and critical WCAG 2.1 A/AA violations of the page as it is drawn now, one line per element."""
    if not AXE.exists():
        pytest.fail(f"{AXE} fehlt: scripts/ensure-node-packages ausführen (./test tut das).")
    if not page.evaluate("typeof window.axe !== 'undefined'"):
        page.add_script_tag(path=str(AXE))
    found = page.evaluate(_RUN, WCAG_AA)
    return [
        f"{v['id']} ({v['impact']}): {v['help']} – {node}"
        for v in found
        if v["impact"] in FAILING_IMPACTS
        for node in v["nodes"]
    ]
