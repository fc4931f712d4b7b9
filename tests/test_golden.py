"""Golden fixtures: every registered extractor against files we wrote, in each platform's shape.

`pytest --update-golden` rewrites the .expected.json files; read the diff before committing.
"""

from __future__ import annotations

import json
from dataclasses import asdict
from pathlib import Path

import pytest

from catalog.document import build_document
from catalog.extractors import REGISTRY, Extractor
from catalog.options import ScanOptions
from catalog.sources import read_source

from .conftest import GOLDEN

CASES = sorted(p for p in GOLDEN.glob("*/*") if p.suffix in (".html", ".txt") and p.parent.name)


def _findings(extractor: Extractor, path: Path) -> list[dict[str, object]]:
    doc = build_document(read_source(str(path), 10_000_000), ScanOptions())
    return [
        {k: v for k, v in asdict(ref).items() if v not in (None, (), False)} for ref in extractor.extract(doc)
    ]


def test_every_registered_extractor_has_a_golden_fixture() -> None:
    for extractor in REGISTRY:
        folder = GOLDEN / extractor.name
        cases = list(folder.glob("*.expected.json"))
        assert cases, f"extractor {extractor.name} has no golden fixture in {folder}"


def test_every_golden_folder_names_a_registered_extractor() -> None:
    names = {e.name for e in REGISTRY}
    for folder in GOLDEN.iterdir():
        assert folder.name in names, f"{folder} names no registered extractor"


@pytest.mark.parametrize("case", CASES, ids=lambda p: f"{p.parent.name}/{p.name}")
def test_golden(case: Path, update_golden: bool) -> None:
    extractor = next(e for e in REGISTRY if e.name == case.parent.name)
    found = json.loads(json.dumps(_findings(extractor, case)))
    expected_path = case.with_name(case.stem + ".expected.json")
    if update_golden:
        expected_path.write_text(json.dumps(found, indent=1, ensure_ascii=False) + "\n", encoding="utf-8")
    assert expected_path.exists(), f"run pytest --update-golden to create {expected_path.name}"
    assert found == json.loads(expected_path.read_text(encoding="utf-8"))
