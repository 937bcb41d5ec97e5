"""A notebook's cache key, git filter and lint check see what its author wrote, nothing else."""

from __future__ import annotations

import copy
import json
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
from jupyterlab_save import dumps, saved_by_jupyterlab
from nbformat.v4 import new_code_cell, new_markdown_cell, new_notebook

from analysis_lib import cli, paths
from analysis_lib.publish import manifest, notebook_content


@pytest.fixture
def notebook() -> dict:
    """A notebook as committed: a heading per language, parameters, two code cells."""
    cells = [
        new_markdown_cell("# Trade", id="title-en", metadata={"tags": ["lang-en"]}),
        new_markdown_cell("# Торговля", id="title-ru", metadata={"tags": ["lang-ru"]}),
        new_code_cell(
            'lang = "en"\nstart_year = 2009\noutput_dir = ""',
            id="parameters",
            metadata={"tags": ["parameters"]},
        ),
        new_code_cell("levels = trade.levels(report)\nlevels", id="levels"),
        new_code_cell("trade.show_levels(report, levels)", id="levels-figure"),
    ]
    metadata = {
        "analysis_lib": {"titles": {"en": "Trade", "ru": "Торговля"}},
        "kernelspec": {
            "display_name": "Python (analysis-lib)",
            "language": "python",
            "name": "analysis-lib",
        },
    }
    return json.loads(json.dumps(new_notebook(cells=cells, metadata=metadata)))


def _sha(notebook: dict) -> str:
    return notebook_content.content_sha(dumps(notebook).encode("utf-8"))


def _git(repo: Path, *args: str) -> str:
    done = subprocess.run(["git", *args], cwd=repo, capture_output=True, text=True, check=True)
    return done.stdout


@pytest.fixture
def repo(tmp_path: Path, notebook: dict) -> Path:
    """A git repository with the project's .gitattributes and filter, one notebook committed."""
    root = tmp_path / "repo"
    (root / "notebooks").mkdir(parents=True)
    shutil.copy(paths.PROJECT_ROOT / ".gitattributes", root)
    (root / "notebooks" / "01.ipynb").write_text(dumps(notebook), encoding="utf-8")
    _git(root, "init", "-q")
    _git(root, "config", "user.email", "analyst@example.org")
    _git(root, "config", "user.name", "Analyst")
    assert notebook_content.install_filter(root, Path(sys.executable)) is not None
    _git(root, "add", ".")
    _git(root, "commit", "-q", "-m", "notebook")
    return root


def test_running_and_saving_in_jupyterlab_keeps_the_key(notebook, tmp_path):
    saved = saved_by_jupyterlab(notebook)
    saved["metadata"]["kernelspec"] = {"name": "python3", "display_name": "Python 3"}
    clean_file, saved_file = tmp_path / "clean.ipynb", tmp_path / "saved.ipynb"
    clean_file.write_text(dumps(notebook), encoding="utf-8")
    saved_file.write_text(dumps(saved), encoding="utf-8")

    assert notebook_content.front_end_state(saved)
    assert manifest.notebook_sha(saved_file) == manifest.notebook_sha(clean_file)
    assert manifest.sha256_file(saved_file) != manifest.sha256_file(clean_file)


def _edit_source(nb):
    nb["cells"][2]["source"] = 'lang = "en"\nstart_year = 2010\noutput_dir = ""'


def _retag(nb):
    nb["cells"][1]["metadata"]["tags"] = ["lang-en"]


def _retype(nb):
    nb["cells"][4]["cell_type"] = "markdown"
    del nb["cells"][4]["outputs"], nb["cells"][4]["execution_count"]


def _add_cell(nb):
    nb["cells"].append({"cell_type": "markdown", "id": "new", "metadata": {}, "source": "# More"})


def _rename_cell(nb):
    nb["cells"][3]["id"] = "levels-table"


def _retitle(nb):
    nb["metadata"]["analysis_lib"]["titles"]["en"] = "Another title"


@pytest.mark.parametrize(
    "edit",
    [_edit_source, _retag, _retype, _add_cell, _rename_cell, _retitle],
    ids=lambda f: f.__name__,
)
def test_what_the_author_changes_changes_the_key(notebook, edit):
    edited = copy.deepcopy(notebook)
    edit(edited)

    assert _sha(edited) != _sha(notebook)
    assert _sha(saved_by_jupyterlab(edited)) == _sha(edited)


def test_a_file_that_is_not_a_notebook_is_hashed_as_bytes():
    assert notebook_content.content_sha(b"{broken") == notebook_content.content_sha(b"{broken")
    assert notebook_content.content_sha(b"{broken") != notebook_content.content_sha(b"{broke")


def test_front_end_state_names_each_kind(notebook):
    assert notebook_content.front_end_state(notebook) == []
    assert notebook_content.front_end_state(saved_by_jupyterlab(notebook)) == [
        "outputs in 3 cells",
        "execution counts in 3 cells",
        "cell metadata 'scrolled' in 1 cell",
        "cell metadata 'jupyter' in 1 cell",
        "cell metadata 'execution' in 3 cells",
        "metadata.language_info",
    ]


def test_the_filter_strips_exactly_what_the_lint_refuses(notebook, tmp_path):
    saved = saved_by_jupyterlab(notebook)
    command = notebook_content.filter_command(sys.executable)

    done = subprocess.run(
        command, shell=True, input=dumps(saved), capture_output=True, text=True, check=True
    )

    stripped = json.loads(done.stdout)
    assert notebook_content.front_end_state(stripped) == []
    assert notebook_content.notebook_content(stripped) == notebook_content.notebook_content(saved)
    assert done.stdout == dumps(notebook)
    assert dumps(notebook_content.strip(saved)) == done.stdout


def test_the_pre_save_hook_saves_the_notebook_as_committed(notebook):
    model = {"type": "notebook", "content": saved_by_jupyterlab(notebook)}
    text_file = {"type": "file", "content": "outputs"}

    notebook_content.strip_before_save(model, path="01.ipynb", contents_manager=None)
    notebook_content.strip_before_save(text_file, path="notes.txt", contents_manager=None)

    assert dumps(model["content"]) == dumps(notebook)
    assert text_file["content"] == "outputs"


def test_a_notebook_saved_with_outputs_is_staged_without_them(repo, notebook):
    path = repo / "notebooks" / "01.ipynb"
    path.write_text(dumps(saved_by_jupyterlab(notebook)), encoding="utf-8")

    assert _git(repo, "diff") == ""
    _git(repo, "add", ".")
    assert _git(repo, "status", "--porcelain") == ""
    assert notebook_content.lint(repo) == []


def test_what_the_author_types_still_shows_in_git_status(repo, notebook):
    edited = copy.deepcopy(notebook)
    _edit_source(edited)
    (repo / "notebooks" / "01.ipynb").write_text(dumps(saved_by_jupyterlab(edited)), "utf-8")

    assert _git(repo, "status", "--porcelain") == " M notebooks/01.ipynb\n"
    diff = _git(repo, "diff").splitlines()
    changed = [line for line in diff if line[:1] in "+-" and line[:3] not in ("+++", "---")]
    assert changed == ['-    "start_year = 2009\\n",', '+    "start_year = 2010\\n",']


def test_the_filter_is_written_relative_to_the_work_tree(repo):
    python = repo / ".venv" / "bin" / "python"

    command = notebook_content.install_filter(repo / "notebooks", python)

    assert command.startswith(".venv/bin/python -m nbstripout --keep-id ")
    assert _git(repo, "config", "filter.nbstripout.clean").strip() == command


def test_lint_names_a_notebook_committed_without_the_filter(repo, notebook, capsys):
    _git(repo, "config", "--unset", "filter.nbstripout.clean")
    (repo / "notebooks" / "02.ipynb").write_text(dumps(saved_by_jupyterlab(notebook)), "utf-8")
    _git(repo, "add", "notebooks/02.ipynb")

    code = cli.main(["lint-notebooks", "--root", str(repo)])

    lines = capsys.readouterr().out.splitlines()
    assert code == 1
    assert len(lines) == 1
    assert lines[0].startswith("notebooks/02.ipynb: committed with outputs in 3 cells, ")
    assert "metadata.language_info" in lines[0] and "git add --renormalize" in lines[0]


def test_lint_reads_the_files_outside_git(tmp_path, notebook):
    folder = tmp_path / "unpacked" / "notebooks"
    folder.mkdir(parents=True)
    (folder / "clean.ipynb").write_text(dumps(notebook), encoding="utf-8")
    (folder / "run.ipynb").write_text(dumps(saved_by_jupyterlab(notebook)), encoding="utf-8")
    (folder / ".ipynb_checkpoints").mkdir()
    (folder / ".ipynb_checkpoints" / "run-checkpoint.ipynb").write_text("{}", encoding="utf-8")

    problems = notebook_content.lint(tmp_path / "unpacked")

    assert [line.split(":")[0] for line in problems] == ["notebooks/run.ipynb"]
    assert notebook_content.install_filter(tmp_path / "unpacked", Path(sys.executable)) is None


def test_the_project_commits_its_notebooks_clean():
    assert notebook_content.lint(paths.PROJECT_ROOT) == []
