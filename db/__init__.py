"""Samvirke's data layer: tables, engine, migrations, reference and demo data, domain rules."""
