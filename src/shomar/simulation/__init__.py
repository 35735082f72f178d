"""A synthetic population of victims of a synthetic event, and overlapping lists about it.

Everything produced here is fictional and labeled so (file names start with ``synthetic_``;
every record's notes say ``SYNTHETIC``). The lists exercise what real lists do to a linker and an
estimator: heterogeneous and dependent capture, Persian and Latin script, attested spellings,
typos, honorifics, missing fields, and partial dates in two calendars.
"""

from __future__ import annotations

from shomar.simulation.spec import SimulationResult, SimulationSpec
from shomar.simulation.writer import simulate

__all__ = ["SimulationResult", "SimulationSpec", "simulate"]
