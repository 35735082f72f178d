"""Record linkage: from records to persons (the only package that imports splink).

Persian-aware features are computed before splink (:mod:`.features`) and compared with
portable custom levels (:mod:`.comparisons`) under cross-script blocking (:mod:`.blocking`);
the model is trained by EM and predicts pair probabilities (:mod:`.model`, spec in
:mod:`.spec`) on DuckDB or Spark (:mod:`.backends`, handed only the feature columns splink
reads: :mod:`.columns`); pairs become persons under human constraints with stable ids
(:mod:`.cluster`); uncertain pairs queue for review (:mod:`.review`); pair probabilities give
several plausible linkages (:mod:`.uncertainty`).

Names that need splink load on first use, so importing the spec or the clustering stays fast.
"""

from __future__ import annotations

from importlib import import_module
from typing import Any

__all__ = [
    "ExtraColumn",
    "LinkOutcome",
    "LinkageSpec",
    "PairwiseScore",
    "TrainedModel",
    "cluster_pairs",
    "compute_features",
    "link",
    "link_records",
    "pairwise_scores",
    "predict_incremental",
    "read_lists",
    "review_queue",
    "sample_linkages",
    "stable_person_ids",
]

_HOMES = {
    "ExtraColumn": "spec",
    "LinkOutcome": "standalone",
    "LinkageSpec": "spec",
    "PairwiseScore": "evaluate",
    "TrainedModel": "spec",
    "cluster_pairs": "cluster",
    "compute_features": "features",
    "link": "model",
    "link_records": "standalone",
    "pairwise_scores": "evaluate",
    "predict_incremental": "model",
    "read_lists": "standalone",
    "review_queue": "review",
    "sample_linkages": "uncertainty",
    "stable_person_ids": "cluster",
}


def __getattr__(name: str) -> Any:
    home = _HOMES.get(name)
    if home is None:
        raise AttributeError(f"module 'shomar.linkage' has no attribute {name!r}")
    return getattr(import_module(f"shomar.linkage.{home}"), name)
