"""The suite's shared work really is shared: under ``--dist loadgroup`` a test marked
``xdist_group`` carries its group in its node id, which is how pytest-xdist sends a group to one
test process. Some pytest releases silently broke this (pytest-xdist issue #1386, pytest 9.2):
the kits, the speed fixtures and the reasons' games were then built once per process."""

from __future__ import annotations

import pytest


@pytest.mark.xdist_group("suite-groups")
def test_a_grouped_test_runs_under_its_group(request: pytest.FixtureRequest) -> None:
    if not getattr(request.config.option, "loadgroup", False):
        pytest.skip("not run by a pytest-xdist worker with --dist loadgroup")
    assert request.node.nodeid.endswith("@suite-groups"), request.node.nodeid
