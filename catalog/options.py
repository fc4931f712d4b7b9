"""The one options object handed down the pipeline."""

from __future__ import annotations

from dataclasses import dataclass

__all__ = [
    "DEFAULT_MAX_BYTES",
    "DEFAULT_MAX_ELEMENTS",
    "DEFAULT_ENRICH_DEADLINE",
    "DEFAULT_MAX_PAGES",
    "DEFAULT_TIME_BUDGET",
    "ScanOptions",
]

# Limits that keep one hostile or broken input from taking the machine: each is refused with
# one clear error line, and the scan goes on with the next input.
DEFAULT_MAX_BYTES = 50 * 1024 * 1024  # size of a document, after decompression
DEFAULT_MAX_ELEMENTS = 1_000_000  # HTML elements in one page (real pages have tens of thousands)
DEFAULT_TIME_BUDGET = 120.0  # seconds to fetch a page; seconds to read, parse and extract one document
DEFAULT_ENRICH_DEADLINE = 60.0  # seconds to fetch one media item whole (redirects, retries, body)
DEFAULT_MAX_PAGES = 10_000  # addresses fetched for the sitemaps and feeds of one scan


@dataclass(frozen=True)
class ScanOptions:
    """How a scan reads its inputs.

    `base_url` resolves relative URLs of a single file whose page gives no address of its own;
    `force` rescans inputs whose bytes have not changed since they were stored; the limits
    refuse one input that exceeds them (`time_budget` 0 means none for reading and extracting,
    and the fetching default for a page); `prune` drops the documents of files no longer under
    the folders scanned.
    """

    base_url: str | None = None
    force: bool = False
    max_bytes: int = DEFAULT_MAX_BYTES
    max_elements: int = DEFAULT_MAX_ELEMENTS
    time_budget: float = DEFAULT_TIME_BUDGET
    # addresses given as inputs: fetched politely and safely (see catalog.fetch)
    ignore_robots: bool = False
    allow_private: bool = False
    host_delay: float = 1.0  # seconds between the starts of two requests to one host
    per_host: int = 2  # requests to one host at a time
    concurrency: int = 8  # requests at a time in all
    max_pages: int = DEFAULT_MAX_PAGES  # addresses that sitemaps and feeds list, fetched in one scan
    prune: bool = False
