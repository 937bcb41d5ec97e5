"""The gettext catalogs: complete, in step with the code, compiled to the same bytes."""

from __future__ import annotations

import ast
import os
import re
import shutil
import subprocess
import sys

import pytest

from analysis_lib import i18n, paths, translations

CYRILLIC = re.compile("[А-Яа-яЁё]")
PO = i18n.catalog_path("ru")


@pytest.fixture
def locale_copy(tmp_path):
    """A copy of the package's locale folder, to break."""
    target = tmp_path / "locale"
    shutil.copytree(i18n.LOCALE_DIR, target, ignore=shutil.ignore_patterns("*.mo"))
    return target


def _edit_po(locale_dir, old: str, new: str) -> None:
    po = i18n.catalog_path("ru", ".po", locale_dir)
    text = po.read_text(encoding="utf-8")
    assert old in text
    po.write_text(text.replace(old, new, 1), encoding="utf-8")


def test_the_catalog_has_every_message_of_the_code_translated():
    assert translations.problems() == []


def test_a_message_missing_from_the_catalog_is_found(locale_copy):
    _edit_po(locale_copy, 'msgid "Decree"\nmsgstr "Указ"\n', "")
    assert translations.problems(locale_copy) == [
        "locale/ru/LC_MESSAGES/analysis_lib.po: msgid 'Decree' is missing; run make translations"
    ]


def test_an_untranslated_entry_is_found(locale_copy):
    _edit_po(locale_copy, 'msgstr "Указ"', 'msgstr ""')
    assert translations.problems(locale_copy) == [
        "locale/ru/LC_MESSAGES/analysis_lib.po: msgid 'Decree': not translated"
    ]


def test_a_fuzzy_entry_is_found(locale_copy):
    _edit_po(locale_copy, 'msgid "Decree"', '#, fuzzy\nmsgid "Decree"')
    (problem,) = translations.problems(locale_copy)
    assert problem.endswith("msgid 'Decree': fuzzy; check the translation and remove the flag")


def test_an_entry_the_code_no_longer_has_is_found(locale_copy):
    _edit_po(locale_copy, 'msgid "Decree"', 'msgid "Edict"')
    found = translations.problems(locale_copy)
    assert any("msgid 'Edict': not in the code any more" in p for p in found)
    assert any("msgid 'Decree' is missing" in p for p in found)


def test_an_obsolete_entry_is_found(locale_copy):
    po = i18n.catalog_path("ru", ".po", locale_copy)
    with po.open("a", encoding="utf-8") as stream:
        stream.write('\n#~ msgid "Old heading"\n#~ msgstr "Старый заголовок"\n')
    (problem,) = translations.problems(locale_copy)
    assert "obsolete entry 'Old heading'" in problem


def test_a_translation_with_other_fields_is_found(locale_copy):
    _edit_po(locale_copy, 'msgstr "{items} и {last}"', 'msgstr "{items} и {final}"')
    (problem,) = translations.problems(locale_copy)
    assert "msgid '{items} and {last}': fields ['final', 'items'] in the translation" in problem
    assert problem.endswith("must be ['items', 'last']")


def test_every_plural_form_keeps_the_count():
    t = i18n.translator("ru")
    forms = [t.ngettext("{n} verdict", "{n} verdicts", n, n=n) for n in (1, 3, 5, 21, 11)]
    assert forms == ["1 вердикт", "3 вердикта", "5 вердиктов", "21 вердикт", "11 вердиктов"]
    assert i18n.translator("en").ngettext("{n} verdict", "{n} verdicts", 1, n=1) == "1 verdict"


def test_the_compiled_catalog_depends_on_the_po_only(tmp_path, locale_copy):
    po = i18n.catalog_path("ru", ".po", locale_copy)
    first = i18n.compile_catalog(po)
    os.utime(po, (0, 0))
    assert i18n.compile_catalog(po) == first
    code = (
        "import sys; from pathlib import Path; from analysis_lib.i18n import compile_catalog; "
        "sys.stdout.buffer.write(compile_catalog(Path(sys.argv[1])))"
    )
    env = {**os.environ, "TZ": "Pacific/Kiritimati", "LC_ALL": "C", "SOURCE_DATE_EPOCH": "1"}
    other = subprocess.run(
        [sys.executable, "-c", code, str(po)], env=env, capture_output=True, check=True
    )
    assert other.stdout == first


def test_a_stale_mo_is_recompiled_when_the_catalog_loads(locale_copy):
    mo = i18n.catalog_path("ru", ".mo", locale_copy)
    mo.write_bytes(b"stale")
    catalog = i18n.load_catalog("ru", locale_copy)
    assert mo.read_bytes() == i18n.compile_catalog(i18n.catalog_path("ru", ".po", locale_copy))
    assert catalog.gettext("Decree") == "Указ"


def test_an_edited_po_shows_without_a_restart(locale_copy):
    assert i18n.load_catalog("ru", locale_copy).gettext("Decree") == "Указ"
    _edit_po(locale_copy, 'msgstr "Указ"', 'msgstr "Указ Президента"')
    assert i18n.load_catalog("ru", locale_copy).gettext("Decree") == "Указ Президента"


def test_a_missing_catalog_is_one_line(tmp_path):
    from analysis_lib.exceptions import TranslationError

    with pytest.raises(TranslationError, match=r"analysis_lib\.po: missing; .*make translations"):
        i18n.load_catalog("ru", tmp_path)


def _code_strings(path):
    tree = ast.parse(path.read_text(encoding="utf-8"))
    docstrings = {
        id(node.body[0].value)
        for node in ast.walk(tree)
        if isinstance(node, ast.Module | ast.FunctionDef | ast.ClassDef)
        and node.body
        and isinstance(node.body[0], ast.Expr)
        and isinstance(node.body[0].value, ast.Constant)
    }
    for node in ast.walk(tree):
        is_text = isinstance(node, ast.Constant) and isinstance(node.value, str)
        if is_text and id(node) not in docstrings:
            yield node.lineno, node.value


@pytest.mark.parametrize("package", ["stories", "views", "plots"])
def test_no_russian_is_typed_outside_the_catalog(package):
    typed = [
        f"{path.relative_to(paths.PACKAGE_DIR)}:{line}"
        for path in sorted((paths.PACKAGE_DIR / package).rglob("*.py"))
        for line, text in _code_strings(path)
        if CYRILLIC.search(text)
    ]
    assert typed == []
