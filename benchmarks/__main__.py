"""Run every benchmark in turn: ``python -m benchmarks [name ...]``."""

from __future__ import annotations

import importlib
import sys

BENCHMARKS = ("attribution", "turns", "quotes", "paraphrase", "speed", "sources", "report")


def main(argv: list[str]) -> int:
    names = argv or list(BENCHMARKS)
    status = 0
    for name in names:
        print(f"\n=== benchmark: {name}", flush=True)
        try:
            module = importlib.import_module(f"benchmarks.{name}")
        except ModuleNotFoundError as exc:
            if exc.name != f"benchmarks.{name}":
                raise
            print(f"skip: benchmarks/{name}.py does not exist yet")
            continue
        status = max(status, int(module.main([]) or 0))
    return status


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
