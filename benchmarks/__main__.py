"""Run benchmarks in turn: ``python -m benchmarks [name ...] [--flag ...]``.

Names pick benchmarks (all by default); every other argument is passed to each one, so
``python -m benchmarks attribution --split train`` works.
"""

from __future__ import annotations

import importlib
import sys

BENCHMARKS = ("attribution", "turns", "quotes", "paraphrase", "speed", "sources", "report")


def main(argv: list[str]) -> int:
    names = [arg for arg in argv if arg in BENCHMARKS] or list(BENCHMARKS)
    passed = [arg for arg in argv if arg not in BENCHMARKS]
    status = 0
    for name in names:
        print(f"\n=== benchmark: {name}", flush=True)
        try:
            module = importlib.import_module(f"benchmarks.{name}")
        except ModuleNotFoundError as exc:
            if exc.name != f"benchmarks.{name}":
                raise
            print(f"skip: benchmarks/{name}.py does not exist")
            continue
        status = max(status, int(module.main(passed) or 0))
    return status


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
