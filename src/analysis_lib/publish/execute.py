"""Execute one notebook with papermill and normalise the result for byte-identical builds.

papermill, nbformat and nbclient are imported inside the functions: this module
is imported by the pipeline, which must start fast when nothing is stale.
"""

from __future__ import annotations

import json
import logging
import os
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path

from analysis_lib.exceptions import BuildError, ParameterError, must_be_one_of
from analysis_lib.vocabulary import LANGS as LANGUAGES

REQUIRED_PARAMETERS = ("lang", "output_dir")
INJECTED_TAG = "injected-parameters"
# Timing fields papermill and nbclient write; they differ between two runs.
_VOLATILE_PAPERMILL_KEYS = ("start_time", "end_time", "duration")


@dataclass(frozen=True)
class ExecutionSpec:
    """Everything a worker needs to execute one notebook in one language.

    Attributes
    ----------
    notebook : Path
        Source notebook.
    executed : Path
        Where the executed notebook is written (kept on failure).
    parameters : dict
        Parameters injected by papermill (``lang``, ``output_dir``, data ones).
    cwd : Path
        Kernel working directory; ``output_dir`` is relative to it.
    env : dict
        Extra environment for the kernel (read log, SOURCE_DATE_EPOCH, MATPLOTLIBRC).
    kernel_name : str
        Jupyter kernel to start.
    timeout : int
        Per-cell timeout in seconds.
    display_name : str
        Notebook path as shown in messages (relative when possible).
    kernel_log : Path or None
        File the kernel's own stdout and stderr go to; default next to ``executed``.
    """

    notebook: Path
    executed: Path
    parameters: dict
    cwd: Path
    env: dict = field(default_factory=dict)
    kernel_name: str = "analysis-lib"
    timeout: int = 300
    display_name: str = ""
    kernel_log: Path | None = None

    @property
    def log(self) -> Path:
        """The kernel log file."""
        return self.kernel_log or self.executed.with_suffix(".kernel.log")


def check_parameters(
    notebook: Path, parameters: dict, display_name: str = "", kernel_name: str = "analysis-lib"
) -> dict[str, str]:
    """Refuse parameters that the notebook's ``parameters`` cell does not define.

    papermill only logs a warning for an unknown name; the build stops instead.

    Parameters
    ----------
    notebook : Path
        Notebook to inspect.
    parameters : dict
        The parameters about to be injected.
    display_name : str
        How the notebook is named in the error message.
    kernel_name : str
        Kernel the build runs it with (picks papermill's parameter translator).

    Raises
    ------
    ParameterError
        When a parameter is unknown, ``lang`` or ``output_dir`` is not
        defined by the notebook, or ``lang`` is not a supported language.

    Returns
    -------
    dict
        The effective parameters as source text, name -> expression: the
        notebook's defaults overridden by the injected values.
    """
    import nbformat
    from papermill.translators import papermill_translators

    name = display_name or str(notebook)
    nb = nbformat.read(str(notebook), as_version=4)
    tagged = [cell for cell in nb.cells if "parameters" in cell.metadata.get("tags", [])]
    # papermill.inspect_notebook's own parser, but with the build's kernel
    # name: inspect_notebook fails on a notebook saved without a kernelspec.
    translator = papermill_translators.find_translator(kernel_name, "python")
    defined = {p.name: p._asdict() for p in translator.inspect(tagged[0])} if tagged else {}
    for required in REQUIRED_PARAMETERS:
        if required not in defined:
            raise ParameterError(
                f"{name}: the cell tagged 'parameters' must define {required!r}; "
                f"it defines {sorted(defined) or 'nothing'}"
            )
    for parameter in sorted(parameters):
        if parameter not in defined:
            raise ParameterError(
                f"{name}: unknown parameter {parameter!r}; "
                f"must be one of {', '.join(repr(p) for p in sorted(defined))}"
            )
    if parameters.get("lang", "en") not in LANGUAGES:
        raise must_be_one_of(f"{name}: parameter 'lang'", parameters["lang"], LANGUAGES)
    effective = {key: str(info.get("default", "")) for key, info in defined.items()}
    effective.update({key: repr(value) for key, value in parameters.items()})
    return dict(sorted(effective.items()))


@contextmanager
def _environment(extra: dict):
    """Set environment variables for the kernel process, restoring them afterwards."""
    saved = {key: os.environ.get(key) for key in extra}
    os.environ.update({key: str(value) for key, value in extra.items()})
    try:
        yield
    finally:
        for key, value in saved.items():
            if value is None:
                os.environ.pop(key, None)
            else:
                os.environ[key] = value


def _source_cell_number(notebook: Path, cell_index: int) -> int:
    """Return the 1-based cell number in the source notebook for papermill's cell index."""
    cells = json.loads(notebook.read_text(encoding="utf-8")).get("cells", [])
    tags = [cell.get("metadata", {}).get("tags", []) for cell in cells]
    tagged = [i for i, cell_tags in enumerate(tags) if "parameters" in cell_tags]
    injected_at = tagged[0] + 1 if tagged else 0
    return cell_index + (0 if cell_index < injected_at else -1) + 1


def _timed_out_cell(notebook: Path, message: str) -> int | None:
    """Return the 1-based number of the source cell that nbclient's timeout message quotes."""
    cells = json.loads(notebook.read_text(encoding="utf-8")).get("cells", [])
    for number, cell in enumerate(cells, start=1):
        source = "".join(cell.get("source", []))
        lines = source.strip().split("\n")
        # nbclient quotes the whole source, or for 11+ lines the lists of the first five.
        quoted = source if len(lines) < 11 else str(lines[:5])
        if cell.get("cell_type") == "code" and source.strip() and quoted in message:
            return number
    return None


KERNEL_ATTEMPTS = 2  # a kernel that fails to start or dies is started once more


def _kernel_failures() -> tuple[type[BaseException], ...]:
    """Errors of the kernel itself (start, handshake, death), as opposed to a cell's."""
    from nbclient.exceptions import DeadKernelError
    from zmq import ZMQError

    return (DeadKernelError, ZMQError, RuntimeError)


def _log_failure(log: Path, attempt: int, error: BaseException) -> None:
    """Append the full traceback of a failed attempt to the kernel log."""
    import traceback

    log.parent.mkdir(parents=True, exist_ok=True)
    with open(log, "a", encoding="utf-8") as sink:
        sink.write(f"--- analysis_lib: attempt {attempt} of {KERNEL_ATTEMPTS} failed ---\n")
        sink.writelines(traceback.format_exception(error))


def _run_papermill(spec: ExecutionSpec) -> None:
    """Run papermill once, with a kernel on private Unix sockets."""
    import papermill

    from analysis_lib.publish.kernels import manager_class, private_socket_dir

    with _environment(spec.env), private_socket_dir() as sockets:
        papermill.execute_notebook(
            str(spec.notebook),
            str(spec.executed),
            parameters=spec.parameters,
            kernel_name=spec.kernel_name,
            language="python",
            cwd=str(spec.cwd),
            execution_timeout=spec.timeout,
            request_save_on_cell_execute=False,
            progress_bar=False,
            log_output=False,
            # nbclient options: no per-cell timestamps; quiet kernel start; once the last
            # cell's outputs are in, the kernel is killed rather than asked to shut down
            # (which polls its exit every 0.1 s): the cells closed their files already.
            record_timing=False,
            shutdown_kernel="immediate",
            extra_arguments=["--IPKernelApp.log_level=CRITICAL"],
            kernel_manager_class=manager_class(sockets, spec.log),
        )


def execute(spec: ExecutionSpec) -> None:
    """Execute ``spec.notebook`` into ``spec.executed`` and normalise the result.

    The kernel talks over Unix sockets in a private folder, so kernels started
    at once by parallel workers never collide; its own output goes to
    ``spec.log``. A kernel that fails to start or dies is tried once more.

    Raises
    ------
    BuildError
        When a cell fails: names the notebook, the cell number in the source
        notebook, the exception, and where the executed notebook was kept.
        When the kernel fails twice: names the notebook, the language, the
        cause and the kernel log that holds the detail.
    """
    from nbclient.exceptions import CellTimeoutError
    from papermill.exceptions import PapermillExecutionError

    # papermill's logger has no handler, so logging's last resort would print
    # nbclient's "Timeout waiting for execute reply" as a second stderr line;
    # every failure is reported by the BuildError below instead.
    papermill_log = logging.getLogger("papermill")
    if not papermill_log.handlers:
        papermill_log.addHandler(logging.NullHandler())

    spec.executed.parent.mkdir(parents=True, exist_ok=True)
    spec.log.unlink(missing_ok=True)
    name = spec.display_name or str(spec.notebook)
    lang = spec.parameters.get("lang", "en")
    for attempt in range(1, KERNEL_ATTEMPTS + 1):
        try:
            _run_papermill(spec)
            break
        except CellTimeoutError as error:
            cell = _timed_out_cell(spec.notebook, str(error))
            where = f", cell {cell}" if cell else ""
            raise BuildError(
                f"{name} ({lang}){where}: still running after the per-cell timeout of "
                f"{spec.timeout} s (--timeout); the kernel was stopped"
            ) from None
        except PapermillExecutionError as error:
            cell = _source_cell_number(spec.notebook, error.cell_index)
            raise BuildError(
                f"{name} ({lang}), cell {cell}: {error.ename}: {error.evalue}; "
                f"executed notebook kept at {spec.executed}"
            ) from None
        except Exception as error:  # kernel start or death, bad notebook JSON
            _log_failure(spec.log, attempt, error)
            if not isinstance(error, _kernel_failures()):
                raise BuildError(
                    f"{name} ({lang}): {type(error).__name__}: {error}; "
                    f"executed notebook (if any) at {spec.executed}"
                ) from None
            if attempt == KERNEL_ATTEMPTS:
                cause = str(error).splitlines()[0] if str(error) else ""
                raise BuildError(
                    f"{name} ({lang}): the kernel failed {KERNEL_ATTEMPTS} times "
                    f"({type(error).__name__}: {cause}); details in {spec.log}"
                ) from None
    if spec.log.exists() and spec.log.stat().st_size == 0:
        spec.log.unlink()
    from analysis_lib.publish.timings import worker_clock

    with worker_clock().stage("normalise notebook"):
        normalise_file(spec.executed, spec.notebook)


def normalise_notebook(nb, original_ids: set[str], input_name: str, output_name: str):
    """Remove what differs between two executions of the same notebook.

    Parameters
    ----------
    nb : nbformat.NotebookNode
        Executed notebook, changed in place.
    original_ids : set of str
        Cell ids of the source notebook; any other id was made up at run time.
    input_name, output_name : str
        Stable names written in place of papermill's absolute paths.

    Returns
    -------
    nbformat.NotebookNode
        The same notebook.
    """
    meta = nb.metadata.get("papermill")
    if meta is not None:
        for key in _VOLATILE_PAPERMILL_KEYS:
            meta.pop(key, None)
        meta["input_path"] = input_name
        meta["output_path"] = output_name
    for index, cell in enumerate(nb.cells):
        cell.metadata.pop("execution", None)
        cell_meta = cell.metadata.get("papermill")
        if cell_meta is not None:
            for key in _VOLATILE_PAPERMILL_KEYS:
                cell_meta.pop(key, None)
        if INJECTED_TAG in cell.metadata.get("tags", []):
            cell["id"] = INJECTED_TAG
        elif "id" in cell and cell["id"] not in original_ids:
            cell["id"] = f"cell-{index}"
    return nb


def normalise_file(executed: Path, source: Path) -> None:
    """Normalise the executed notebook file in place (atomic rewrite)."""
    import nbformat

    original = json.loads(source.read_text(encoding="utf-8"))
    original_ids = {cell["id"] for cell in original.get("cells", []) if "id" in cell}
    nb = nbformat.read(str(executed), as_version=4)
    normalise_notebook(nb, original_ids, source.name, executed.name)
    temporary = executed.with_name(executed.name + ".tmp")
    nbformat.write(nb, str(temporary))
    os.replace(temporary, executed)


def read_log(path: Path) -> list[Path]:
    """Return the data files listed in a read log (unique, sorted, absolute)."""
    if not path.exists():
        return []
    lines = path.read_text(encoding="utf-8").splitlines()
    return sorted({Path(line.strip()).resolve() for line in lines if line.strip()})
