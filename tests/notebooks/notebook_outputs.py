"""Read what an executed notebook shows."""

from __future__ import annotations


def output_text(notebook: dict) -> str:
    """Return every text and Markdown output of an executed notebook, joined."""
    parts = []
    for cell in notebook["cells"]:
        for output in cell.get("outputs", []):
            data = output.get("data", {})
            for mime in ("text/markdown", "text/html", "text/plain"):
                if mime in data:
                    text = data[mime]
                    parts.append("".join(text) if isinstance(text, list) else text)
            if output.get("output_type") == "stream":
                parts.append("".join(output.get("text", "")))
    return "\n".join(parts)
