"""Import benchmarks."""
