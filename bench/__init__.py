"""Benchmarks: a seeded data generator, a raw-SQL floor app and the runner (not part of CI)."""
