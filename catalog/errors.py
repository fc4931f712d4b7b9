"""The one small hierarchy of errors the library raises; the CLI turns each into one line."""

from __future__ import annotations

__all__ = ["CatalogError", "InputError", "RefusedError", "StoreError", "UnreachableError"]


class CatalogError(Exception):
    """Anything catalog reports to its user as one clear line."""


class InputError(CatalogError):
    """One input could not be read or decoded; the scan records it and goes on."""


class RefusedError(InputError):
    """The address guard refused an address (another scheme than http(s), a loopback, private
    or local address): nothing was asked of it, so nothing is known of it."""


class UnreachableError(InputError):
    """The address was asked and did not answer in time, or not at all (no such host, refused
    connection, timeout, broken answer)."""


class StoreError(CatalogError):
    """The database could not be opened or written."""
