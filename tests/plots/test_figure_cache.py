"""The figure cache: a figure drawn before is copied byte for byte, anything else is drawn."""

from __future__ import annotations

import subprocess
import sys
import textwrap

import matplotlib
import pytest

from analysis_lib import plots
from analysis_lib.exceptions import ParameterError
from analysis_lib.plots import figure_cache, rendition

IDS = ("gacc", "imf_dots_cn")


def _drawer(frames, lang="ru", levels=None):
    return lambda: plots.trade_levels(
        frames.levels if levels is None else levels, source_ids=IDS, lang=lang
    )


def _files(folder, stem="levels") -> dict[str, bytes]:
    names = (f"{stem}.png", f"{stem}.svg", f"{stem}.narrow.png")
    return {name: (folder / name).read_bytes() for name in names}


def _key(draw) -> str:
    wide = draw()
    with rendition.narrow():
        return figure_key_of(wide, draw())


def figure_key_of(wide, slim) -> str:
    return figure_cache.figure_key(wide, slim, *rendition.narrow_state())


def test_without_a_cache_every_figure_is_drawn(frames, tmp_path, monkeypatch):
    monkeypatch.delenv(figure_cache.CACHE_ENV, raising=False)
    wide, written, narrow = figure_cache.save_renditions(_drawer(frames), tmp_path, "levels")
    names = [path.name for path in [*written, narrow]]
    assert names == ["levels.png", "levels.svg", "levels.narrow.png"]
    assert wide.get_axes() and not (tmp_path / "cache").exists()


def test_a_cached_figure_is_copied_byte_for_byte_without_drawing(frames, tmp_path, monkeypatch):
    monkeypatch.delenv(figure_cache.CACHE_ENV, raising=False)
    figure_cache.save_renditions(_drawer(frames), tmp_path / "plain", "levels")
    monkeypatch.setenv(figure_cache.CACHE_ENV, str(tmp_path / "cache"))
    figure_cache.save_renditions(_drawer(frames), tmp_path / "first", "levels")
    assert len(list((tmp_path / "cache").iterdir())) == 1

    def no_drawing(*args, **kwargs):
        raise AssertionError("a cached figure was drawn")

    monkeypatch.setattr(rendition, "finish", no_drawing)
    monkeypatch.setattr(plots.theme, "lay_out", no_drawing)
    figure_cache.save_renditions(_drawer(frames), tmp_path / "second", "levels")
    plain = _files(tmp_path / "plain")
    assert _files(tmp_path / "first") == plain and _files(tmp_path / "second") == plain


def test_an_entry_missing_a_file_is_drawn_again(frames, tmp_path, monkeypatch):
    monkeypatch.setenv(figure_cache.CACHE_ENV, str(tmp_path / "cache"))
    figure_cache.save_renditions(_drawer(frames), tmp_path / "first", "levels")
    (entry,) = (tmp_path / "cache").iterdir()
    (entry / "wide.svg").unlink()
    figure_cache.save_renditions(_drawer(frames), tmp_path / "second", "levels")
    assert _files(tmp_path / "second") == _files(tmp_path / "first")


def test_the_key_changes_with_data_language_settings_and_width(frames):
    key = _key(_drawer(frames))
    assert key == _key(_drawer(frames))
    changed = frames.levels.copy()
    changed.loc[changed.index[0], "value_usd_bn"] += 0.01
    assert _key(_drawer(frames, levels=changed)) != key
    assert _key(_drawer(frames, lang="en")) != key
    with matplotlib.rc_context({"savefig.pad_inches": 0.3}):
        assert _key(_drawer(frames)) != key
    wide = _drawer(frames)()
    with rendition.narrow(width=3.5):
        assert figure_key_of(wide, _drawer(frames)()) != key


KEY_SCRIPT = textwrap.dedent(
    """
    import matplotlib
    matplotlib.use("Agg")
    import pandas as pd
    from analysis_lib import plots
    from analysis_lib.plots import figure_cache, rendition

    levels = pd.DataFrame(
        {"year": [2012, 2013, 2014], "source": "gacc", "value_usd_bn": [10.0, 20.0, 30.0]}
    )
    draw = lambda: plots.trade_levels(levels, source_ids=["gacc"], lang="ru")
    wide = draw()
    with rendition.narrow():
        print(figure_cache.figure_key(wide, draw(), *rendition.narrow_state()))
    """
)


def test_the_key_is_the_same_in_another_process():
    keys = {
        subprocess.run(
            [sys.executable, "-c", KEY_SCRIPT], capture_output=True, text=True, check=True
        ).stdout.strip()
        for _ in range(2)
    }
    assert len(keys) == 1 and len(next(iter(keys))) == 64


def test_a_figure_that_does_not_pickle_is_drawn_and_not_kept(frames, tmp_path, monkeypatch):
    monkeypatch.setenv(figure_cache.CACHE_ENV, str(tmp_path / "cache"))

    def draw():
        fig = _drawer(frames)()
        fig.unpicklable = (i for i in ())  # a generator
        return fig

    figure_cache.save_renditions(draw, tmp_path / "out", "levels")
    assert (tmp_path / "out" / "levels.narrow.png").is_file()
    assert not (tmp_path / "cache").exists()


def test_the_least_recently_used_figures_go_first(frames, tmp_path, monkeypatch):
    monkeypatch.setattr(figure_cache, "MAX_ENTRIES", 2)
    monkeypatch.setenv(figure_cache.CACHE_ENV, str(tmp_path / "cache"))
    for lang in ("ru", "en"):
        figure_cache.save_renditions(_drawer(frames, lang), tmp_path / lang, "levels")
    first = _key(_drawer(frames, "ru"))
    figure_cache.save_renditions(_drawer(frames, "ru"), tmp_path / "again", "levels")  # used
    changed = frames.levels.copy()
    changed["value_usd_bn"] *= 2
    figure_cache.save_renditions(_drawer(frames, levels=changed), tmp_path / "third", "levels")
    kept = {path.name for path in (tmp_path / "cache").iterdir()}
    assert len(kept) == 2 and first in kept and _key(_drawer(frames, "en")) not in kept


def test_a_bad_stem_is_refused(frames, tmp_path, monkeypatch):
    monkeypatch.setenv(figure_cache.CACHE_ENV, str(tmp_path / "cache"))
    with pytest.raises(ParameterError, match="stem must be a file name"):
        figure_cache.save_renditions(_drawer(frames), tmp_path / "out", "../levels")
