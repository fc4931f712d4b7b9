"""The one options object handed down the pipeline."""

from __future__ import annotations

from dataclasses import dataclass

__all__ = ["ScanOptions"]

# A document larger than this is refused with a clear error instead of being parsed.
DEFAULT_MAX_BYTES = 50 * 1024 * 1024


@dataclass(frozen=True)
class ScanOptions:
    """How a scan reads its inputs.

    `base_url` resolves relative URLs of a single file whose page gives no address of its own;
    `force` rescans inputs whose bytes have not changed since they were stored.
    """

    base_url: str | None = None
    force: bool = False
    max_bytes: int = DEFAULT_MAX_BYTES
