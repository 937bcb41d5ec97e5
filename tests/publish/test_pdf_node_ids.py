"""Chromium's tagged-PDF node ids are renumbered so reprints give the same bytes."""

from analysis_lib.publish.pdf import renumber_node_ids


def _pdf(ids: list[int]) -> bytes:
    elements = b"".join(b"<</S /TH /ID (node%08d)>>\n" % i for i in ids)
    tree = b"/Names [(node%08d) 1 0 R (node%08d) 2 0 R]" % (min(ids), max(ids))
    return b"%PDF-1.7\n" + elements + tree + b"\n%%EOF\n"


def test_prints_shifted_by_one_become_identical():
    first, second = _pdf([37, 41, 38]), _pdf([38, 42, 39])
    assert first != second
    assert renumber_node_ids(first) == renumber_node_ids(second)


def test_renumbering_keeps_order_and_length():
    data = _pdf([90, 15, 42])
    renumbered = renumber_node_ids(data)
    assert len(renumbered) == len(data)
    assert b"(node00000003)" in renumbered and b"(node00000001)" in renumbered
    # 90 was the largest id, so it stays the largest: rank 3.
    assert renumbered.index(b"(node00000003)") == data.index(b"(node00000090)")


def test_a_pdf_without_structure_ids_is_unchanged():
    data = b"%PDF-1.7\n<</Type /Catalog>>\n%%EOF\n"
    assert renumber_node_ids(data) == data
