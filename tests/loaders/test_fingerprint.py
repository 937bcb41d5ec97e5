"""The fingerprint of a data folder changes exactly when one of its files does."""

from __future__ import annotations

import shutil

from analysis_lib.loaders.descriptor import fingerprint


def test_the_same_folder_has_the_same_fingerprint(data_copy):
    assert fingerprint(data_copy) == fingerprint(data_copy)


def test_a_copy_elsewhere_is_another_folder(data_copy, tmp_path):
    other = tmp_path / "other"
    shutil.copytree(data_copy, other)
    assert fingerprint(other) != fingerprint(data_copy)


def test_one_changed_byte_changes_it(data_copy):
    before = fingerprint(data_copy)
    path = data_copy / "customs_totals.csv"
    data = bytearray(path.read_bytes())
    data[-2] = ord("9") if data[-2] != ord("9") else ord("8")
    path.write_bytes(bytes(data))
    assert fingerprint(data_copy) != before


def test_a_new_or_renamed_file_changes_it(data_copy):
    before = fingerprint(data_copy)
    (data_copy / "extra.csv").write_text("a\n", encoding="utf-8")
    added = fingerprint(data_copy)
    (data_copy / "extra.csv").rename(data_copy / "extra2.csv")
    assert len({before, added, fingerprint(data_copy)}) == 3


def test_a_missing_folder_hashes_like_an_empty_one(tmp_path):
    assert fingerprint(tmp_path / "absent") != fingerprint(tmp_path)
    (tmp_path / "absent").mkdir()
    assert fingerprint(tmp_path / "absent") == fingerprint(tmp_path / "absent")
