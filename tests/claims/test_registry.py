"""The claim registry: the committed one is valid and faithful to the article; bad names fail."""

from __future__ import annotations

import json
import re

import pytest

from analysis_lib import paths
from analysis_lib.article.text import read_article
from analysis_lib.claims import registry, rules
from analysis_lib.claims.registry import load_registry, parse_filters, validate_registry
from analysis_lib.exceptions import ClaimRegistryError

PROJECT_DATA_DIR = paths.PROJECT_ROOT / "data"

REQUIRED_IDS = {
    "trade-2010",
    "trade-2011",
    "trade-2012",
    "trade-2014",
    "growth-2014",
    "slowdown-2012",
    "ratio-2014-us",
    "ratio-2014-jp",
    "ratio-2014-kr",
    "decree-1996-date",
    "programme-1996-funding",
    "strategy-2003",
    "plan-2007",
    "programme-2009-2018",
    "structure-unchanged-20y",
    "plan-2007-horizon",
    "opinions-2014-08",
    "putin-visit-2012",
    "xi-first-trip-2013",
    "programme-1996-2005-period",
    "footnote-5-source",
    "programme-1996-name",
    "programme-1996-fails",
}


@pytest.fixture(scope="module")
def claims():
    return load_registry(PROJECT_DATA_DIR)


def test_committed_registry_validates_against_the_real_data(claims):
    validate_registry(claims, PROJECT_DATA_DIR)
    assert set(claims["claim_id"]) >= REQUIRED_IDS
    assert set(claims["source_id"]) == {"article"}


def _article_paragraphs():
    return [paragraph.text for paragraph in read_article()]


def test_every_quote_stands_in_the_paragraph_its_location_names(claims):
    paragraphs = _article_paragraphs()
    for claim in claims.to_dict("records"):
        number = int(re.fullmatch(r"en ¶(\d+)", claim["location"]).group(1))
        assert claim["quote"] in paragraphs[number - 1], claim["claim_id"]
        assert claim["section"] in paragraphs[:number], claim["claim_id"]


def test_every_claimed_number_is_written_in_its_quote(claims):
    # Dates are written with month names ("April 24, 1996"): only their year is compared.
    for claim in claims.to_dict("records"):
        numbers = re.findall(r"\d+(?:\.\d+)?", claim["claimed_text"])
        if claim["unit"] == "date":
            numbers = numbers[:1]
        for number in numbers:
            assert number in claim["quote"], (claim["claim_id"], number)


def test_descriptor_enums_are_the_codes_names():
    descriptor = json.loads(paths.datapackage_path(PROJECT_DATA_DIR).read_text(encoding="utf-8"))
    resource = next(r for r in descriptor["resources"] if r["name"] == "claims")
    enums = {f["name"]: f.get("constraints", {}).get("enum") for f in resource["schema"]["fields"]}
    assert enums["kind"] == list(registry.KINDS)
    assert enums["check"] == list(registry.CHECKS)
    assert enums["tolerance"] == list(rules.TOLERANCES)
    assert resource["schema"]["primaryKey"] == ["claim_id"]
    assert resource["schema"]["foreignKeys"][0]["reference"] == {
        "resource": "sources",
        "fields": ["source_id"],
    }


def test_parse_filters_keeps_order_and_repeats():
    assert parse_filters("partner=RU;partner=US") == (("partner", "RU"), ("partner", "US"))
    assert parse_filters("") == ()
    assert parse_filters(None) == ()
    with pytest.raises(ValueError, match="col=value"):
        parse_filters("partner")


@pytest.mark.parametrize(
    ("column", "value", "message"),
    [
        ("table", "no_such_table", "table must be a resource"),
        ("table", "timeline", "table for check 'level' must be one of"),
        ("check", "mean", "check must be one of"),
        ("tolerance", "roughly", "tolerance must be one of"),
        ("tolerance", "same_year", "tolerance for check 'level' must be one of"),
        (
            "filters",
            "no_column=RU",
            "filter column 'no_column' must be a column of customs_totals",
        ),
        ("filters", "partner", "filters must be 'col=value;col=value'"),
        ("source_id", "nowhere", "source_id must be a source_id of sources.csv"),
        ("kind", "vibe", "kind must be one of"),
        ("year", None, "year must be given for check 'level'"),
        ("primary_source", "trade_structure", "primary_source for check 'level' must be one of"),
        ("restates", "trade-2010", "restates must name an earlier claim_id"),
    ],
)
def test_a_bad_name_fails_naming_the_claim(claims, column, value, message):
    broken = claims.copy()
    row = broken.index[broken["claim_id"] == "trade-2010"][0]
    broken[column] = broken[column].astype("object")
    broken.loc[row, column] = value
    with pytest.raises(ClaimRegistryError) as error:
        validate_registry(broken, PROJECT_DATA_DIR)
    text = str(error.value)
    assert "claim 'trade-2010'" in text
    assert message in text
    assert "\n" not in text


def test_ratio_claims_need_two_partners(claims):
    broken = claims.copy()
    row = broken.index[broken["claim_id"] == "ratio-2014-us"][0]
    broken.loc[row, "filters"] = "partner=US"
    with pytest.raises(ClaimRegistryError, match=r"claim 'ratio-2014-us'.*two partners"):
        validate_registry(broken, PROJECT_DATA_DIR)


def test_every_claim_names_its_primary_source(claims):
    from analysis_lib.claims.registry import TRADE_CHECKS

    for claim in claims.to_dict("records"):
        primary = claim["primary_source"]
        if claim["check"] in TRADE_CHECKS:
            # The article relies on China's official figures, never on IMF DOTS.
            assert primary in ("gacc", "mofcom", "peoples_daily", "xinhua", "official_cn")
        else:
            assert primary == claim["table"]


def test_a_repeated_claim_id_fails(claims):
    import pandas as pd

    doubled = pd.concat([claims, claims.iloc[[0]]], ignore_index=True)
    with pytest.raises(ClaimRegistryError, match="must be unique"):
        validate_registry(doubled, PROJECT_DATA_DIR)
