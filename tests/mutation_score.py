"""The mutation score of the last `mutmut run` (called by `make mutation`).

    python tests/mutation_score.py

Reads `mutmut results --all true`, counts the mutants by outcome and prints the share killed:
caught by a failing test or a timeout. Survivors (and mutants no test reaches) that
tests/mutation.md explains as equivalent count as neither killed nor missed; any other survivor
is listed, and the exit status is 1 if the score is under the target.
"""

import collections
import re
import subprocess
import sys
from pathlib import Path

TARGET = 0.90
KILLED = {"killed", "timeout"}
MISSED = {"survived", "no tests"}
EXPLAINED = Path(__file__).with_name("mutation.md")


def outcomes(listing: str) -> dict[str, str]:
    """Mutant name -> outcome, from lines such as "    iran_russia.x.x_f__mutmut_3: survived"."""
    found = re.findall(r"^\s*([\w.]+__mutmut_\d+): (.+?)\s*$", listing, flags=re.MULTILINE)
    return dict(found)


def explained() -> set[str]:
    """Mutant names that tests/mutation.md lists (in backticks) as equivalent."""
    return set(re.findall(r"`([\w.]+__mutmut_\d+)`", EXPLAINED.read_text(encoding="utf-8")))


def score(results: dict[str, str], equivalent: set[str]) -> tuple[float, list[str]]:
    """The share killed among the mutants that count, and the unexplained misses."""
    counted = {name: outcome for name, outcome in results.items() if name not in equivalent}
    killed = sum(outcome in KILLED for outcome in counted.values())
    missed = sorted(name for name, outcome in counted.items() if outcome in MISSED)
    return killed / max(1, killed + len(missed)), missed


def main() -> int:
    listing = subprocess.run(
        [sys.executable, "-m", "mutmut", "results", "--all", "true"],
        capture_output=True,
        text=True,
        check=True,
    ).stdout
    results = outcomes(listing)
    equivalent = explained()
    share, missed = score(results, equivalent)
    print(f"mutants: {dict(collections.Counter(results.values()))}")
    print(f"explained as equivalent in {EXPLAINED.name}: {len(equivalent & results.keys())}")
    for name in missed:
        print(f"not killed: {name}  (mutmut show {name})")
    print(f"mutation score: {share:.1%} killed (target {TARGET:.0%})")
    return 0 if share >= TARGET else 1


if __name__ == "__main__":
    sys.exit(main())
