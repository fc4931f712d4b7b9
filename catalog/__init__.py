"""catalog: find every photo, video, audio clip and social post cited in web pages and in
stripped plain-text news, with caption, credit and place; store it in SQLite; serve it."""

from __future__ import annotations

__version__ = "0.1.0"

__all__ = ["__version__"]
