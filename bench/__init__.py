"""Benchmarks of the data layer: load, hooks, MkDocs build and the timeline in a browser, at several sizes."""
