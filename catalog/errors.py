"""The one small hierarchy of errors the library raises; the CLI turns each into one line."""

from __future__ import annotations

__all__ = ["CatalogError", "InputError", "StoreError"]


class CatalogError(Exception):
    """Anything catalog reports to its user as one clear line."""


class InputError(CatalogError):
    """One input could not be read or decoded; the scan records it and goes on."""


class StoreError(CatalogError):
    """The database could not be opened or written."""
