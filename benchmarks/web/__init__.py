"""Web benchmarks: load on the served app (``load``); search over 1M records."""
