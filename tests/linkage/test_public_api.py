"""shomar.linkage's public surface is small, sorted, pinned, and every name resolves."""

from __future__ import annotations

import subprocess
import sys

import shomar.linkage


def test_public_names() -> None:
    assert shomar.linkage.__all__ == sorted(shomar.linkage.__all__)
    for name in shomar.linkage.__all__:
        assert getattr(shomar.linkage, name) is not None


def test_spec_and_clustering_load_without_splink() -> None:
    code = (
        "import sys, shomar.linkage.spec, shomar.linkage.cluster, shomar.linkage.review, "
        "shomar.services.linkage; print('splink' in sys.modules)"
    )
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert done.stdout.strip() == "False"
