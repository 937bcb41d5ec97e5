"""The CLI is assembled from each concern's ``commands.py``, without import loops."""

from __future__ import annotations

import ast
import subprocess
import sys

import pytest

from analysis_lib import arguments, cli, paths

HEAVY = (
    "pandas",
    "matplotlib",
    "papermill",
    "nbconvert",
    "nbformat",
    "analysis_lib.publish.pipeline",
)


def _commands_modules() -> list:
    return sorted(paths.PACKAGE_DIR.glob("*/commands.py"))


def test_every_commands_module_of_the_package_is_registered():
    registered = {module.__file__ for module in cli.COMMAND_MODULES}
    on_disk = {str(path) for path in _commands_modules()}
    assert on_disk == registered
    assert any(path.parent.name == "bench" for path in _commands_modules())


@pytest.mark.parametrize("path", _commands_modules(), ids=lambda p: p.parent.name)
def test_a_commands_module_does_not_import_the_cli(path):
    imported = set()
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.ImportFrom) and node.module:
            imported.add(node.module)
            imported.update(f"{node.module}.{alias.name}" for alias in node.names)
        elif isinstance(node, ast.Import):
            imported.update(alias.name for alias in node.names)
    assert "analysis_lib.cli" not in imported


def test_every_sub_command_is_listed_once():
    choices = next(
        action.choices for action in cli.build_parser()._actions if action.dest == "command"
    )
    assert {
        "import-dots",
        "validate",
        "tables",
        "audit",
        "build",
        "check",
        "golden",
        "bench",
    } <= set(choices)


def test_building_the_parser_imports_nothing_heavy():
    code = (
        "import sys; from analysis_lib import cli; cli.build_parser();"
        f"print([name for name in {HEAVY!r} if name in sys.modules])"
    )
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert done.stdout.strip() == "[]"


@pytest.mark.parametrize("text", ["0", "-3", "two", "1.5", ""])
def test_positive_int_refuses_what_is_not_a_whole_number_above_zero(text):
    with pytest.raises(Exception, match=f"must be a positive integer; not {text!r}"):
        arguments.positive_int(text)


def test_positive_int_reads_a_whole_number():
    assert arguments.positive_int("4") == 4
