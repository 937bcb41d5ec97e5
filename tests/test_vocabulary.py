"""The shared vocabulary is the one definition the other modules use."""

from __future__ import annotations

import ast

import pytest

from analysis_lib import paths, vocabulary

TERMS = {
    "LANGS": vocabulary.LANGS,
    "AUDIT_SOURCES": vocabulary.AUDIT_SOURCES,
    "PARTNERS": vocabulary.PARTNERS,
    "VERDICTS": vocabulary.VERDICTS,
}


def test_the_audit_checks_exactly_the_vocabulary_tables():
    from analysis_lib.claims.audit import TABLE_SOURCES

    assert set(TABLE_SOURCES) == set(vocabulary.TABLE_SOURCES)


def test_the_modules_that_name_a_term_take_it_from_the_vocabulary():
    from analysis_lib import params
    from analysis_lib.claims import rules
    from analysis_lib.loaders import series
    from analysis_lib.plots import figures_audit, figures_trade
    from analysis_lib.publish import execute, pipeline

    assert params.LANGS is execute.LANGUAGES is pipeline.LANGUAGES is vocabulary.LANGS
    assert params.AUDIT_SOURCES is series.AUDIT_SOURCES is vocabulary.AUDIT_SOURCES
    assert series.PARTNERS is figures_trade.PARTNERS is vocabulary.PARTNERS
    assert rules.VERDICTS is figures_audit.VERDICTS is vocabulary.VERDICTS


def _literal_tuples(tree: ast.AST):
    for node in ast.walk(tree):
        if isinstance(node, ast.Tuple) and all(
            isinstance(e, ast.Constant) and isinstance(e.value, str) for e in node.elts
        ):
            yield node, tuple(e.value for e in node.elts)


@pytest.mark.parametrize("term", sorted(TERMS))
def test_no_module_types_a_vocabulary_tuple_again(term):
    retyped = []
    for path in sorted(paths.PACKAGE_DIR.rglob("*.py")):
        if path.name == "vocabulary.py":
            continue
        tree = ast.parse(path.read_text(encoding="utf-8"))
        for node, values in _literal_tuples(tree):
            if values == TERMS[term]:
                retyped.append(f"{path.relative_to(paths.PACKAGE_DIR)}:{node.lineno}")
    assert not retyped, f"{term} typed again (import it from analysis_lib.vocabulary): {retyped}"
