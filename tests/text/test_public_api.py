"""The public surface of shomar.text and shomar.places is pinned."""

from __future__ import annotations

import ast
import subprocess
import sys
from pathlib import Path

import shomar.places
import shomar.text


def test_text_all_is_sorted_and_pinned() -> None:
    assert shomar.text.__all__ == sorted(shomar.text.__all__)
    assert set(shomar.text.__all__) >= {
        "NameAlignment",
        "NameComparison",
        "NameOrder",
        "ParsedName",
        "PartLink",
        "align_names",
        "colloquial_formal",
        "compare_names",
        "compare_parts",
        "detect_name_order",
        "detect_script",
        "latin_key",
        "latin_variants",
        "name_key",
        "name_order",
        "name_pieces",
        "parse_name",
        "persian_display",
        "persian_key",
        "skeleton",
    }


def test_places_all_is_sorted_and_pinned() -> None:
    assert shomar.places.__all__ == sorted(shomar.places.__all__)
    assert set(shomar.places.__all__) >= {
        "MIN_CONFIDENCE",
        "PLACE_LEVELS",
        "PlaceMatch",
        "compare_places",
        "province_names",
        "resolve_place",
    }


def test_new_functions_keep_their_signatures() -> None:
    import inspect

    sig = inspect.signature(shomar.text.detect_name_order)
    assert list(sig.parameters) == ["names", "min_evidence", "threshold"]
    assert list(inspect.signature(shomar.text.align_names).parameters) == ["a", "b"]
    assert list(inspect.signature(shomar.text.name_order).parameters) == ["name"]


def test_importing_loads_no_data() -> None:
    code = (
        "import shomar.text, shomar.places, shomar.text.lexicon as L, shomar.places.gazetteer as G;"
        "assert L._spelling_rows.cache_info().currsize == 0;"
        "assert G.provinces.cache_info().currsize == 0"
    )
    subprocess.run([sys.executable, "-c", code], check=True)


def test_normalization_modules_import_only_the_standard_library() -> None:
    # DESIGN: normalization is stdlib only; rapidfuzz is allowed in comparison and places
    root = Path(shomar.text.__file__).parent
    for name in (
        "normalize.py",
        "skeleton.py",
        "parse.py",
        "lexicon.py",
        "variants.py",
        "order.py",
    ):
        tree = ast.parse((root / name).read_text(encoding="utf-8"))
        for node in ast.walk(tree):
            if isinstance(node, ast.Import):
                mods = [a.name for a in node.names]
            elif isinstance(node, ast.ImportFrom) and node.module:
                mods = [node.module]
            else:
                continue
            for mod in mods:
                top = mod.split(".")[0]
                assert top in sys.stdlib_module_names or top == "shomar", (name, mod)
