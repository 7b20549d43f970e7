"""Shipped reference data (SSB's county and municipality structures) and its loader."""
