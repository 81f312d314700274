"""Realistic synthetic minutes for scale tests and benchmarks, deterministic from a seed."""
