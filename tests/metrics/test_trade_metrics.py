"""Balance, coverage and Grubel-Lloyd: hand-checked values, properties, errors."""

from __future__ import annotations

import numpy as np
import pandas as pd
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from analysis_lib.exceptions import ParameterError
from analysis_lib.metrics import (
    coverage_ratio,
    grubel_lloyd,
    grubel_lloyd_by_category,
    trade_balance,
)

SETTINGS = settings(max_examples=80, deadline=None)
flows = st.lists(st.floats(0, 1e6), min_size=1, max_size=12)


def test_trade_balance_hand_checked():
    assert trade_balance(50.0, 40.0) == 10.0
    assert trade_balance(40.0, 50.0) == -10.0
    result = trade_balance(
        pd.Series({2018: 48.0, 2019: 50.0}), pd.Series({2019: 61.0, 2018: 59.0})
    )
    assert result.to_dict() == {2018: -11.0, 2019: -11.0}


def test_coverage_ratio_hand_checked():
    assert coverage_ratio(50, 40) == 1.25
    assert coverage_ratio(0, 40) == 0.0


@pytest.mark.parametrize(
    ("function", "exports", "imports", "match"),
    [
        (trade_balance, -1, 5, "exports must be non-negative"),
        (trade_balance, 1, -5, "imports must be non-negative"),
        (coverage_ratio, 1, 0, "imports must be positive"),
        (coverage_ratio, -1, 3, "exports must be non-negative"),
        (trade_balance, pd.Series({"a": 1.0}), pd.Series({"b": 1.0}), "must share one index"),
    ],
)
def test_balance_and_coverage_errors(function, exports, imports, match):
    with pytest.raises(ParameterError, match=match):
        function(exports, imports)


def test_grubel_lloyd_scalar_hand_checked():
    assert grubel_lloyd(30, 10) == 0.5
    assert grubel_lloyd(10, 10) == 1.0
    assert grubel_lloyd(10, 0) == 0.0


def test_grubel_lloyd_aggregate_is_trade_weighted():
    exports = pd.Series({"food": 30.0, "fuel": 0.0, "machinery": 10.0})
    imports = pd.Series({"food": 10.0, "fuel": 40.0, "machinery": 10.0})
    # 1 - (20 + 40 + 0) / (40 + 40 + 20)
    assert grubel_lloyd(exports, imports) == pytest.approx(0.4)
    per_category = grubel_lloyd_by_category(exports, imports)
    assert per_category.to_dict() == {"food": 0.5, "fuel": 0.0, "machinery": 1.0}
    weights = (exports + imports) / (exports + imports).sum()
    assert (per_category * weights).sum() == pytest.approx(0.4)


def test_grubel_lloyd_accepts_arrays():
    assert grubel_lloyd(np.array([30.0, 10.0]), [10.0, 10.0]) == pytest.approx(1 - 20 / 60)


@SETTINGS
@given(data=st.data(), exports=flows)
def test_grubel_lloyd_symmetric_and_in_unit_interval(data, exports):
    imports = data.draw(st.lists(st.floats(0, 1e6), min_size=len(exports), max_size=len(exports)))
    if sum(exports) + sum(imports) == 0:
        return
    forward = grubel_lloyd(exports, imports)
    assert forward == grubel_lloyd(imports, exports)
    assert 0.0 <= forward <= 1.0


@pytest.mark.parametrize(
    ("exports", "imports", "match"),
    [
        (0, 0, "exports \\+ imports must be positive"),
        ([0.0, 0.0], [0.0, 0.0], "exports \\+ imports must be positive"),
        ([1.0, -1.0], [1.0, 1.0], "exports must be non-negative"),
        ([1.0, np.nan], [1.0, 1.0], "exports is missing \\(NaN\\) at index 1"),
        ([], [], "exports must not be empty"),
    ],
)
def test_grubel_lloyd_errors(exports, imports, match):
    with pytest.raises(ParameterError, match=match):
        grubel_lloyd(exports, imports)


def test_grubel_lloyd_by_category_rejects_an_empty_category():
    with pytest.raises(ParameterError, match=r"must be positive; not 0\.0 at index 'fuel'"):
        grubel_lloyd_by_category(pd.Series({"fuel": 0.0}), pd.Series({"fuel": 0.0}))
