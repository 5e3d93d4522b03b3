"""Run benchmarks: ``python -m benchmarks [name ...]`` runs each named one (all by default);
``python -m benchmarks NAME --option ...`` runs one with its own options."""

from __future__ import annotations

import importlib
import sys

BENCHMARKS = ("attribution", "turns", "quotes", "paraphrase", "speed", "sources", "report")


def split_arguments(argv: list[str]) -> tuple[list[str], list[str]]:
    """Benchmark names, then the options for the one benchmark named (from the first ``-``).

    >>> split_arguments(["quotes", "--limit", "5"])
    (['quotes'], ['--limit', '5'])
    >>> split_arguments(["turns", "quotes"])
    (['turns', 'quotes'], [])
    """
    first_option = next((i for i, arg in enumerate(argv) if arg.startswith("-")), len(argv))
    return argv[:first_option], argv[first_option:]


def main(argv: list[str]) -> int:
    names, options = split_arguments(argv)
    if options and len(names) != 1:
        print("usage: python -m benchmarks [NAME ...] | NAME [--option ...]", file=sys.stderr)
        return 2
    status = 0
    for name in names or list(BENCHMARKS):
        print(f"\n=== benchmark: {name}", flush=True)
        try:
            module = importlib.import_module(f"benchmarks.{name}")
        except ModuleNotFoundError as exc:
            if exc.name != f"benchmarks.{name}":
                raise
            print(f"skip: benchmarks/{name}.py does not exist yet")
            continue
        status = max(status, int(module.main(options) or 0))
    return status


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
