"""The claim registry: ``data/claims.csv``, one checkable claim of the article per row.

A claim names the check (metric) that recomputes it, the table the check reads,
the rows it uses (``filters``) and the tolerance rule that turns the comparison
into a verdict. :func:`validate_registry` makes sure every such name exists
before the audit runs, so a typo fails loudly instead of reading as
"unverifiable".
"""

from __future__ import annotations

import csv
import json
from pathlib import Path

from analysis_lib import paths
from analysis_lib.claims.rules import TOLERANCES
from analysis_lib.exceptions import ClaimRegistryError

CLAIMS_TABLE = "claims"

KINDS = ("level", "growth", "ratio", "date", "share", "structure", "funding", "name", "outcome")

# check -> (tolerances it accepts, tables it can read)
CHECKS: dict[str, tuple[tuple[str, ...], tuple[str, ...]]] = {
    "level": (("half_last_digit",), ("customs_totals", "dots_trade")),
    "growth": (("half_last_digit",), ("customs_totals", "dots_trade")),
    "slowdown": (("lower_than_previous",), ("customs_totals", "dots_trade")),
    "ratio_fraction": (("nearest_fraction",), ("customs_totals", "dots_trade")),
    "event_date": (("same_year", "same_date_at_precision"), ("timeline",)),
    "period": (("same_year",), ("timeline",)),
    "duration": (("within_range",), ("timeline",)),
    "funding_share": (("half_last_digit",), ("programme_budgets",)),
    "structure_proxy": (("majority_both_ends",), ("trade_structure",)),
    "programme_name": (("same_words",), ("timeline",)),
    "recorded_outcome": (("record_supports",), ("timeline",)),
}

# Checks on China's total trade with a partner: evaluated against every trade
# source (China's official figures, both IMF DOTS sides), not only the table named.
TRADE_CHECKS = ("level", "growth", "slowdown", "ratio_fraction")

# The primary source of a trade claim when the registry leaves it empty.
DEFAULT_TRADE_PRIMARY = "gacc"

# Checks that compare one claimed year with the data need that year.
_NEEDS_YEAR = (*TRADE_CHECKS, "structure_proxy", "period", "recorded_outcome")
_NEEDS_YEAR_END = ("period", "structure_proxy", "recorded_outcome")


def parse_filters(text: object) -> tuple[tuple[str, str], ...]:
    """Parse ``"col=value;col=value"`` into ordered ``(column, value)`` pairs.

    A column may repeat: ``ratio_fraction`` reads ``partner=RU;partner=US`` as
    numerator partner, then denominator partner.

    Parameters
    ----------
    text : str or None
        The ``filters`` cell; empty or missing means no filter.

    Returns
    -------
    tuple of (str, str)
    """
    if text is None or (isinstance(text, float) and text != text) or not str(text).strip():
        return ()
    pairs = []
    for item in str(text).split(";"):
        column, sep, value = item.partition("=")
        if not sep or not column.strip() or not value.strip():
            raise ValueError(f"filters must be 'col=value;col=value'; not {text!r}")
        pairs.append((column.strip(), value.strip()))
    return tuple(pairs)


def primary_source_of(claim: dict) -> str:
    """Return the source a claim's verdict is judged against (its ``primary_source``).

    Empty means ``gacc`` for a trade claim and the claim's ``table`` for the others.
    """
    named = claim.get("primary_source")
    if not _is_missing(named):
        return str(named)
    return DEFAULT_TRADE_PRIMARY if claim.get("check") in TRADE_CHECKS else str(claim["table"])


def restated_claim(claim: dict) -> str | None:
    """Return the ``claim_id`` a claim restates, or None for a claim made once."""
    named = claim.get("restates")
    return None if _is_missing(named) else str(named)


def load_registry(data_dir: Path | None = None):
    """Load and validate ``claims.csv`` of a data folder.

    Parameters
    ----------
    data_dir : Path, optional
        Data package folder; default :func:`analysis_lib.paths.data_dir`.

    Returns
    -------
    pandas.DataFrame
        One row per claim, in the registry's order.

    Raises
    ------
    ClaimRegistryError
        If a claim names a table, check, tolerance, filter column or source
        that does not exist.
    """
    from analysis_lib.loaders import load_table

    claims = load_table(CLAIMS_TABLE, data_dir=data_dir)
    validate_registry(claims, data_dir)
    return claims


def validate_registry(claims_df, data_dir: Path | None = None) -> None:
    """Check that every claim's table, check, tolerance, filters and source exist.

    Parameters
    ----------
    claims_df : pandas.DataFrame
        The registry (``claims.csv`` as loaded).
    data_dir : Path, optional
        The data package folder the names must exist in.

    Raises
    ------
    ClaimRegistryError
        One line naming the claim id and the problem.
    """
    folder = Path(data_dir) if data_dir is not None else paths.data_dir()
    where = folder / f"{CLAIMS_TABLE}.csv"
    tables = _resource_names(folder)
    sources = _source_ids(folder)
    seen: set[str] = set()
    for position, claim in enumerate(claims_df.to_dict("records"), start=2):
        claim_id = claim.get("claim_id")

        def fail(problem: str, _id=claim_id, _row=position) -> ClaimRegistryError:
            return ClaimRegistryError(f"{where}, row {_row}, claim '{_id}': {problem}")

        if claim_id in seen:
            raise fail("claim_id must be unique; it repeats")
        seen.add(claim_id)
        check = claim.get("check")
        if check not in CHECKS:
            raise fail(f"check must be one of {_quoted(CHECKS)}; not {check!r}")
        tolerances, check_tables = CHECKS[check]
        tolerance = claim.get("tolerance")
        if tolerance not in TOLERANCES:
            raise fail(f"tolerance must be one of {_quoted(TOLERANCES)}; not {tolerance!r}")
        if tolerance not in tolerances:
            raise fail(f"tolerance for check {check!r} must be one of {_quoted(tolerances)}")
        if claim.get("kind") not in KINDS:
            raise fail(f"kind must be one of {_quoted(KINDS)}; not {claim.get('kind')!r}")
        table = claim.get("table")
        if table not in tables:
            raise fail(
                f"table must be a resource of datapackage.json, one of {_quoted(tables)}; "
                f"not {table!r}"
            )
        if table not in check_tables:
            raise fail(
                f"table for check {check!r} must be one of {_quoted(check_tables)}; not {table!r}"
            )
        try:
            filters = parse_filters(claim.get("filters"))
        except ValueError as error:
            raise fail(str(error)) from None
        columns = _table_columns(folder, table)
        for column, _value in filters:
            if column not in columns:
                raise fail(
                    f"filter column {column!r} must be a column of {table}, "
                    f"one of {_quoted(columns)}"
                )
        if check == "ratio_fraction" and [c for c, _ in filters].count("partner") != 2:
            raise fail(
                "filters of ratio_fraction must name two partners, e.g. 'partner=RU;partner=US'"
            )
        if check == "funding_share" and [c for c, _ in filters].count("measure") != 2:
            raise fail(
                "filters of funding_share must name two measures, funds provided then "
                "funds needed, e.g. 'measure=committed;measure=budget'"
            )
        if check in _NEEDS_YEAR and _is_missing(claim.get("year")):
            raise fail(f"year must be given for check {check!r}")
        if check in _NEEDS_YEAR_END and _is_missing(claim.get("year_end")):
            raise fail(f"year_end must be given for check {check!r}")
        primary = primary_source_of(claim)
        allowed = _trade_sources() if check in TRADE_CHECKS else (table,)
        if primary not in allowed:
            raise fail(f"primary_source for check {check!r} must be one of {_quoted(allowed)}")
        restated = restated_claim(claim)
        if restated is not None and (restated == claim_id or restated not in seen):
            raise fail(f"restates must name an earlier claim_id; not {restated!r}")
        source_id = claim.get("source_id")
        if source_id not in sources:
            raise fail(f"source_id must be a source_id of sources.csv; not {source_id!r}")


def _trade_sources() -> tuple[str, ...]:
    from analysis_lib.vocabulary import TRADE_CLAIM_SOURCES

    return TRADE_CLAIM_SOURCES


def _is_missing(value: object) -> bool:
    return (
        value is None
        or (isinstance(value, float) and value != value)
        or str(value)
        in (
            "",
            "<NA>",
            "nan",
        )
    )


def _quoted(values) -> str:
    return ", ".join(repr(v) for v in values)


def _descriptor(folder: Path) -> dict:
    path = paths.datapackage_path(folder)
    try:
        return json.loads(path.read_text(encoding="utf-8"))
    except (OSError, json.JSONDecodeError) as error:
        raise ClaimRegistryError(
            f"{path}: cannot read the data package descriptor ({error})"
        ) from None


def _resource_names(folder: Path) -> tuple[str, ...]:
    return tuple(r.get("name") for r in _descriptor(folder).get("resources", []))


def _table_columns(folder: Path, table: str) -> tuple[str, ...]:
    for resource in _descriptor(folder).get("resources", []):
        if resource.get("name") == table:
            fields = resource.get("schema", {}).get("fields")
            if fields:
                return tuple(f["name"] for f in fields)
            path = folder / resource.get("path", f"{table}.csv")
            break
    else:
        path = folder / f"{table}.csv"
    try:
        with path.open(encoding="utf-8", newline="") as handle:
            return tuple(next(csv.reader(handle), []))
    except OSError:
        raise ClaimRegistryError(f"{path}: table {table!r} has no schema and no file") from None


def _source_ids(folder: Path) -> set[str]:
    # Through the loader, so a BOM or CRLF normalised there is accepted here too.
    from analysis_lib.loaders import load_table

    return set(load_table("sources", data_dir=folder)["source_id"])
