"""Markers of the hostile-input tests that must exist even when pytest-xdist is not loaded."""


def pytest_configure(config):
    # The build tests share one tree per module: under `-n N --dist loadgroup`
    # they stay on one worker; `-p no:xdist` (docs/hostile-input.md) still knows the marker.
    config.addinivalue_line("markers", "xdist_group(name): run these tests on one xdist worker")
