"""What JupyterLab adds to a notebook it runs and saves (for the notebook-content tests)."""

from __future__ import annotations

import copy

import nbformat

PNG_BASE64 = (
    "iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNk+M9QDwADhgGAWjR9"
    "awAAAABJRU5ErkJggg=="
)

LANGUAGE_INFO = {
    "codemirror_mode": {"name": "ipython", "version": 3},
    "file_extension": ".py",
    "mimetype": "text/x-python",
    "name": "python",
    "nbconvert_exporter": "python",
    "pygments_lexer": "ipython3",
    "version": "3.11.2",
}


def saved_by_jupyterlab(notebook: dict) -> dict:
    """Return ``notebook`` as JupyterLab saves it after running every cell.

    Outputs (text, an HTML table, a PNG figure), execution counts, the
    kernel's ``language_info`` and the view state of a collapsed cell.
    """
    saved = copy.deepcopy(notebook)
    saved["metadata"]["language_info"] = LANGUAGE_INFO
    count = 0
    for cell in saved["cells"]:
        if cell["cell_type"] != "code":
            continue
        count += 1
        cell["execution_count"] = count
        cell["outputs"] = [
            {"name": "stdout", "output_type": "stream", "text": ["running\n"]},
            {
                "data": {"image/png": PNG_BASE64, "text/plain": ["<Figure size 640x480>"]},
                "metadata": {},
                "output_type": "display_data",
            },
            {
                "data": {"text/html": ["<table></table>"], "text/plain": ["table"]},
                "execution_count": count,
                "metadata": {},
                "output_type": "execute_result",
            },
        ]
        cell["metadata"]["execution"] = {"iopub.status.idle": "2025-01-01T00:00:01Z"}
    saved["cells"][-1]["metadata"]["jupyter"] = {"outputs_hidden": True}
    saved["cells"][-1]["metadata"]["scrolled"] = True
    return saved


def dumps(notebook: dict) -> str:
    """Return the notebook's text as the Jupyter server writes it (nbformat's layout)."""
    return nbformat.writes(nbformat.from_dict(copy.deepcopy(notebook))) + "\n"
