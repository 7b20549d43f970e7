"""Samvirke's GraphQL face: types, queries, loaders, the ASGI app and the command line."""
