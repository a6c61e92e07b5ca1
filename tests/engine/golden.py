"""Golden scenarios: a results document, a hand-written expectation, and the engine's reply.

Each ``golden/<name>.json`` holds:

- ``spec``: the behaviour, in one or two sentences;
- ``results``: the input document;
- ``expect``: a hand-written summary (see ``summary``); only the keys given are compared;
- ``reply``: the whole reply of ``assess_json``, compared byte for byte once made canonical.

``reply`` is generated; ``expect`` never is. After a deliberate change to the engine or the
content, regenerate the replies explicitly, read the diff, and commit it:

    make golden         # .venv/bin/python -m tests.engine.golden --update, then git diff --stat
    make golden-check   # .venv/bin/python -m tests.engine.golden --check: the stale ones (exit 1)
"""

from __future__ import annotations

import argparse
import json
import sys
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from hipcore import assess_json
from hipcore.canonical import canonical_json

GOLDEN = Path(__file__).resolve().parent / "golden"


@dataclass(frozen=True)
class Scenario:
    name: str
    path: Path
    spec: str
    results: dict[str, Any]
    expect: dict[str, Any]
    reply: dict[str, Any] | None

    @property
    def input_text(self) -> str:
        """The results as canonical JSON: the exact text both runtimes are given."""
        return canonical_json(self.results)

    @property
    def stored_reply_text(self) -> str | None:
        return None if self.reply is None else canonical_json(self.reply)


def load_scenarios(folder: Path = GOLDEN) -> list[Scenario]:
    scenarios = []
    for path in sorted(folder.glob("*.json")):
        data = json.loads(path.read_text("utf-8"))
        scenarios.append(
            Scenario(
                path.stem, path, data["spec"], data["results"], data["expect"], data.get("reply")
            )
        )
    return scenarios


def summary(reply: dict[str, Any]) -> dict[str, Any]:
    """What the hand-written ``expect`` of a scenario can state, taken from a reply."""
    if not reply["ok"]:
        return {"errors": [e["path"] for e in reply["errors"]]}
    p = reply["prescription"]
    return {
        "status": p["status"],
        "findings": {f["id"]: f["sides"] for f in p["findings"]},
        "severity": {f["id"]: f["severity"] for f in p["findings"]},
        "worse_side": {f["id"]: f["worse_side"] for f in p["findings"]},
        "program": [item["exercise"] for item in p["program"]],
        "extra_set_on": {i["exercise"]: i["worse_side"] for i in p["program"] if i["worse_side"]},
        "moves_up_to": {
            i["exercise"]: (i["progression"] or {}).get("exercise") for i in p["program"]
        },
        "later": {later["exercise"]: later["reason"] for later in p["later"]},
        "withheld": [w["exercise"] for w in p["withheld"]],
        "referrals": [[r["kind"], r["source"], r["side"], r["urgent"]] for r in p["referrals"]],
        "asymmetries": [[a["assessment"], a["kind"], a["weaker_side"]] for a in p["asymmetries"]],
        "not_done": p["not_done"],
        "outcomes": {
            t["assessment"]: {s["side"]: s["outcome"] for s in t["sides"]}
            for t in p["tests"]
            if any(s["outcome"] != "not_done" for s in t["sides"])
        },
        "rechecks": {c["assessment"]: c["when"] for c in (p["reassess"] or {}).get("checks", [])},
    }


def write(scenario: Scenario, reply_text: str) -> None:
    document = {
        "spec": scenario.spec,
        "results": scenario.results,
        "expect": scenario.expect,
        "reply": json.loads(reply_text),
    }
    text = json.dumps(document, indent=1, ensure_ascii=False) + "\n"
    scenario.path.write_text(text, encoding="utf-8")


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description="Regenerate or check the golden replies.")
    mode = parser.add_mutually_exclusive_group(required=True)
    mode.add_argument("--update", action="store_true", help="rewrite every stale reply")
    mode.add_argument("--check", action="store_true", help="list stale replies; exit 1 if any")
    args = parser.parse_args(argv)
    stale = []
    for scenario in load_scenarios():
        reply = assess_json(scenario.input_text)
        if reply != scenario.stored_reply_text:
            stale.append(scenario.name)
            if args.update:
                write(scenario, reply)
    for name in stale:
        print(f"{'rewrote' if args.update else 'stale'}: {name}")
    return 1 if stale and args.check else 0


if __name__ == "__main__":
    sys.exit(main())
