"""The ``non_claims`` table: why a number of the article is not a claim, with its place."""

from __future__ import annotations

from pathlib import Path

import pytest

from analysis_lib.exceptions import DataFileError
from analysis_lib.loaders import load_table

HEADER = "location,token,reason,claim_id,note,note_ru,source_id\n"


def test_the_committed_table_loads_with_every_reason_known():
    table = load_table("non_claims")
    assert len(table) == 16
    assert set(table["reason"]) == {
        "footnote_marker",
        "project_code",
        "address",
        "cited_page_date",
        "part_of_a_name",
    }
    assert set(table["source_id"]) == {"article"}
    assert table["claim_id"].isna().all()


def test_a_restatement_names_a_registered_claim(data_copy: Path):
    path = data_copy / "non_claims.csv"
    path.write_text(
        HEADER
        + "en ¶37,2009 – 2018,restatement,programme-2009-2018-period,Again.,Повторно.,article\n",
        encoding="utf-8",
    )
    assert load_table("non_claims", data_dir=data_copy)["claim_id"].tolist() == [
        "programme-2009-2018-period"
    ]


@pytest.mark.parametrize(
    ("row", "column", "expected"),
    [
        ("en ¶5,12,typo,,,,article", "reason", "must be one of"),
        ("¶5,12,address,,,,article", "location", "must match"),
        ("en ¶5,,address,,,,article", "token", "required"),
        ("en ¶5,12,restatement,no-such-claim,,,article", "claim_id", "no-such-claim"),
        ("en ¶5,12,address,,,,nowhere", "source_id", "nowhere"),
    ],
    ids=["reason", "location", "token", "claim", "source"],
)
def test_a_bad_row_is_one_line_naming_its_column(data_copy: Path, row, column, expected):
    path = data_copy / "non_claims.csv"
    path.write_text(HEADER + row + "\n", encoding="utf-8")
    with pytest.raises(DataFileError) as caught:
        load_table("non_claims", data_dir=data_copy)
    message = str(caught.value)
    assert message.startswith(str(path))
    assert f"'{column}'" in message and expected in message


def test_a_token_listed_twice_in_one_paragraph_is_refused(data_copy: Path):
    path = data_copy / "non_claims.csv"
    path.write_text(
        HEADER + "en ¶1,14B20,project_code,,,,article\nen ¶1,14B20,address,,,,article\n",
        encoding="utf-8",
    )
    with pytest.raises(
        DataFileError, match=r"rows 2, 3 repeat the primary key \(location, token\)"
    ):
        load_table("non_claims", data_dir=data_copy)
