"""Golden values: what every report and the claim audit said, committed in ``tests/golden/``.

One JSON file per report (``<lang>/<stem>.json``: the values and cited
sources of its ``values.json``) and ``audit.json`` (every verdict of
:func:`analysis_lib.claims.audit.run_audit`). Each file also stores the
SHA-256 of the inputs it came from (data files by name, the notebook), so a
difference can name the input that changed. Files are written with sorted
keys and two-space indent: the same build gives the same bytes.

Layout::

    tests/golden/en/01-trade.json
        {"inputs": {"data": {"customs_totals.csv": "<sha>"},
                    "notebook": {"01-trade.ipynb": "<sha>"}},
         "sources": ["gacc"], "values": {"growth_2014_pct": 6.8}}
    tests/golden/audit.json
        {"inputs": {"data": {...}},
         "verdicts": {"trade-2014/gacc": {"computed": "95.3", "verdict": "consistent"}}}
"""

from __future__ import annotations

import json
import os
import tempfile
from dataclasses import dataclass, field
from pathlib import Path

from analysis_lib.exceptions import BuildError
from analysis_lib.publish import manifest

AUDIT_DOCUMENT = "audit.json"


class _Absent:
    """A value present on one side of a comparison only."""

    def __repr__(self) -> str:
        return "(absent)"


ABSENT = _Absent()


def report_document(reports_dir: Path, entry: dict) -> dict:
    """Return the golden document of one built report.

    Parameters
    ----------
    reports_dir : Path
        The reports folder of the build.
    entry : dict
        The report's ``manifest.json`` entry (``lang``, ``stem``, ``notebook``, ``inputs``).
    """
    values_file = Path(reports_dir) / entry["lang"] / f"{entry['stem']}.values.json"
    try:
        content = json.loads(values_file.read_text(encoding="utf-8"))
    except (OSError, ValueError) as error:
        raise BuildError(f"{values_file}: cannot read the report's values: {error}") from None
    inputs = entry.get("inputs", {})
    return {
        "inputs": {
            "data": {Path(name).name: sha for name, sha in inputs.get("data", {}).items()},
            "notebook": {Path(entry["notebook"]).name: inputs.get("notebook", manifest.MISSING)},
        },
        "sources": sorted(content.get("sources", [])),
        "values": content.get("values", {}),
    }


def audit_document(data_dir: Path | None = None) -> dict:
    """Run the claim audit and return its golden document.

    The data files the audit read are taken from the loaders' read log, so
    the stored hashes are exactly the audit's inputs.

    Parameters
    ----------
    data_dir : Path, optional
        Data package folder; default :func:`analysis_lib.paths.data_dir`.
    """
    from analysis_lib.claims.audit import run_audit
    from analysis_lib.loaders.reading import READ_LOG_ENV
    from analysis_lib.publish.execute import read_log

    with tempfile.TemporaryDirectory(prefix="analysis-lib-audit-") as folder:
        log = Path(folder) / "audit.reads"
        previous = os.environ.get(READ_LOG_ENV)
        os.environ[READ_LOG_ENV] = str(log)
        try:
            results = run_audit(data_dir=data_dir)
        finally:
            if previous is None:
                os.environ.pop(READ_LOG_ENV, None)
            else:
                os.environ[READ_LOG_ENV] = previous
        files = read_log(log)
    verdicts = {}
    for result in results:
        key = f"{result.id}/{result.source}"
        if key in verdicts:
            raise BuildError(f"audit: claim '{result.id}' has two verdicts by '{result.source}'")
        # The English text of a computed phrase (analysis_lib.phrases), as the JSON stores it.
        computed = None if result.computed is None else str(result.computed)
        verdicts[key] = {"verdict": result.verdict, "computed": computed}
    return {
        "inputs": {"data": {path.name: manifest.sha256_file(path) for path in files}},
        "verdicts": verdicts,
    }


def collect(reports_dir: Path, data_dir: Path | None = None) -> dict[str, dict]:
    """Return every golden document of a build: ``{"en/01-x.json": {...}, "audit.json": {...}}``.

    Parameters
    ----------
    reports_dir : Path
        A reports folder just built (with its ``manifest.json``).
    data_dir : Path, optional
        The data package the build read (for the audit).
    """
    state = manifest.load(Path(reports_dir))
    documents = {
        f"{key}.json": report_document(reports_dir, entry)
        for key, entry in sorted(state["reports"].items())
    }
    documents[AUDIT_DOCUMENT] = audit_document(data_dir)
    return documents


def dumps(document: dict) -> str:
    """Return a golden file's text: sorted keys, two-space indent, final newline."""
    return json.dumps(document, sort_keys=True, indent=2, ensure_ascii=False) + "\n"


def load(golden_dir: Path) -> dict[str, dict]:
    """Return the committed golden documents by relative name (empty if the folder is absent)."""
    golden_dir = Path(golden_dir)
    documents = {}
    for path in sorted(golden_dir.rglob("*.json")):
        try:
            documents[path.relative_to(golden_dir).as_posix()] = json.loads(
                path.read_text(encoding="utf-8")
            )
        except ValueError as error:
            raise BuildError(f"{path}: not valid JSON: {error}") from None
    return documents


def save(golden_dir: Path, documents: dict[str, dict]) -> list[str]:
    """Write the documents (and delete golden files no longer produced).

    Returns
    -------
    list of str
        Relative names of the files written, changed or deleted.
    """
    golden_dir = Path(golden_dir)
    touched = []
    for name, document in sorted(documents.items()):
        path = golden_dir / name
        text = dumps(document)
        if not path.exists() or path.read_text(encoding="utf-8") != text:
            manifest.write_atomic(path, text)
            touched.append(name)
    for name in sorted(set(load(golden_dir)) - set(documents)):
        (golden_dir / name).unlink()
        touched.append(name)
    return touched


def flatten(value: object, prefix: str = "") -> dict[str, object]:
    """Return the leaves of nested lists/dicts by path (``name[0]``, ``name.key``)."""
    if isinstance(value, dict) and value:
        leaves = {}
        for key in sorted(value, key=str):
            leaves.update(flatten(value[key], f"{prefix}.{key}" if prefix else str(key)))
        return leaves
    if isinstance(value, list) and value:
        leaves = {}
        for position, item in enumerate(value):
            leaves.update(flatten(item, f"{prefix}[{position}]"))
        return leaves
    return {prefix: value}


def leaves(document: dict) -> dict[str, object]:
    """Return a document's compared values by name (audit: ``<claim>/<source>.verdict``)."""
    if "verdicts" in document:
        return flatten(document["verdicts"])
    leaves = flatten(document.get("values", {}))
    leaves["(cited sources)"] = document.get("sources", [])
    return leaves


def _same(old: object, new: object) -> bool:
    # Exact: 1 and 1.0 or True and 1 are different values in a report.
    return type(old) is type(new) and old == new


@dataclass
class DocumentDiff:
    """How one golden document differs from a new build.

    Attributes
    ----------
    name : str
        The document (``en/01-trade.json``, ``audit.json``).
    values : list of tuple
        ``(value name, old, new)``; ``ABSENT`` for a value on one side only.
    changed_inputs : list of str
        Inputs whose hash differs (``data/x.csv``, ``notebook 01-x.ipynb``).
    missing : str
        ``"golden"`` (new document) or ``"build"`` (no longer built); empty otherwise.
    """

    name: str
    values: list[tuple[str, object, object]] = field(default_factory=list)
    changed_inputs: list[str] = field(default_factory=list)
    missing: str = ""

    @property
    def failed(self) -> bool:
        """True when a value differs or the document exists on one side only."""
        return bool(self.values or self.missing)

    def summary(self, golden_dir: Path | str = "tests/golden") -> str:
        """Return one line saying what differs (the first value names, the changed inputs)."""
        if self.missing == "golden":
            return f"{self.label}: new report, no golden file {golden_dir}/{self.name}"
        if self.missing == "build":
            return f"{self.label}: in {golden_dir}/{self.name} but not built any more"
        names = ", ".join(key for key, _, _ in self.values[:3])
        more = f" and {len(self.values) - 3} more" if len(self.values) > 3 else ""
        inputs = ", ".join(self.changed_inputs) or "none"
        verb = "differs" if len(self.values) == 1 else "differ"
        return f"{self.label}: {names}{more} {verb}; inputs changed: {inputs}"

    @property
    def label(self) -> str:
        """The report key (``en/01-trade``) or ``audit``."""
        return self.name.removesuffix(".json")


def changed_inputs(old: dict, new: dict) -> list[str]:
    """Return the inputs whose hash differs between two documents' ``inputs``."""
    changed = []
    for kind in sorted(set(old) | set(new)):
        before, after = old.get(kind, {}), new.get(kind, {})
        for name in sorted(set(before) | set(after)):
            if before.get(name) != after.get(name):
                what = f"data/{name}" if kind == "data" else f"{kind} {name}"
                if name not in before:
                    what += " (new input)"
                elif name not in after:
                    what += " (no longer read)"
                changed.append(what)
    return changed


def compare(old: dict[str, dict], new: dict[str, dict]) -> list[DocumentDiff]:
    """Compare golden documents with a new build's, exactly; return only those that differ."""
    diffs = []
    for name in sorted(set(old) | set(new)):
        if name not in old:
            diffs.append(DocumentDiff(name, missing="golden"))
            continue
        if name not in new:
            diffs.append(DocumentDiff(name, missing="build"))
            continue
        before, after = leaves(old[name]), leaves(new[name])
        values = [
            (key, before.get(key, ABSENT), after.get(key, ABSENT))
            for key in sorted(set(before) | set(after))
            if key not in before or key not in after or not _same(before[key], after[key])
        ]
        inputs = changed_inputs(old[name].get("inputs", {}), new[name].get("inputs", {}))
        if values or inputs:
            diffs.append(DocumentDiff(name, values, inputs))
    return diffs


def _show(value: object) -> str:
    return repr(value) if value is ABSENT else json.dumps(value, ensure_ascii=False)


def format_diff(diffs: list[DocumentDiff], golden_dir: Path | str = "tests/golden") -> list[str]:
    """Return the readable diff: per document, the changed inputs, then ``name: old -> new``."""
    lines = []
    for diff in diffs:
        if diff.missing:
            lines.append(diff.summary(golden_dir))
            continue
        why = ", ".join(diff.changed_inputs) or "none (library code, lock file or environment?)"
        if not diff.values:
            lines.append(f"{diff.label}: values unchanged; inputs changed: {why}")
            continue
        lines.append(f"{diff.label}: {len(diff.values)} value(s) differ; inputs changed: {why}")
        for key, before, after in diff.values:
            lines.append(f"  {diff.label}: {key}: {_show(before)} -> {_show(after)}")
    return lines
