"""Keep the gettext catalogs in step with the code: extract, update, compile, check.

``make translations`` runs ``python -m analysis_lib.translations``: it extracts
every message of the package (calls of ``gettext``, ``ngettext``, ``pgettext``,
``npgettext``, ``N_``, ``phrase`` and ``nphrase``), merges them into each
language's ``.po`` (a new message
arrives untranslated, a changed one as fuzzy with its old translation, a removed
one is dropped), compiles the ``.mo`` files and lists what a translator still
has to do. The catalog test runs :func:`problems` and fails on any of them.
"""

from __future__ import annotations

import string
import sys
from pathlib import Path

from analysis_lib import paths
from analysis_lib.i18n import DOMAIN, LOCALE_DIR, catalog_path, compile_catalogs
from analysis_lib.vocabulary import LANGS

KEYWORDS = {
    "gettext": None,
    "ngettext": (1, 2),
    "pgettext": ((1, "c"), 2),
    "npgettext": ((1, "c"), 2, 3),
    "N_": None,
    "phrase": None,
    "nphrase": (1, 2),
}
"""The functions whose string arguments are messages (Babel's keyword specs)."""
COMMENT_TAG = "TRANSLATORS:"
"""A comment starting with this, just above a message, goes to the translators."""
LINE_WIDTH = 96


def extract(package_dir: Path = paths.PACKAGE_DIR):
    """Return a Babel ``Catalog`` template of every message in the package's Python files.

    Messages are sorted by the module they come from (locations without line
    numbers), so a catalog's diff shows only changed messages.
    """
    from babel.messages.catalog import Catalog
    from babel.messages.extract import extract_from_dir

    template = Catalog(project=DOMAIN, fuzzy=False)
    found = extract_from_dir(
        str(package_dir),
        method_map=[("**.py", "python")],
        keywords=KEYWORDS,
        comment_tags=(COMMENT_TAG,),
        strip_comment_tags=True,
    )
    for filename, _lineno, message, comments, context in sorted(
        found, key=lambda item: (item[0], item[1])
    ):
        flags = ("python-brace-format",) if _fields(message) else ()
        existing = template.get(message if isinstance(message, str) else message[0], context)
        if existing is not None:
            existing.locations.append((f"{DOMAIN}/{filename}", None))
            continue
        template.add(
            message,
            None,
            [(f"{DOMAIN}/{filename}", None)],
            auto_comments=comments,
            flags=flags,
            context=context,
        )
    return template


def update(locale_dir: Path = LOCALE_DIR, package_dir: Path = paths.PACKAGE_DIR) -> list[Path]:
    """Merge the package's messages into every language's ``.po``; return the files written."""
    from babel.messages.catalog import Catalog
    from babel.messages.pofile import read_po

    template = extract(package_dir)
    written = []
    for lang in LANGS[1:]:
        po = catalog_path(lang, ".po", locale_dir)
        if po.exists():
            with po.open("rb") as stream:
                catalog = read_po(stream)
        else:
            catalog = Catalog(locale=lang, domain=DOMAIN, project=DOMAIN)
            po.parent.mkdir(parents=True, exist_ok=True)
        created, revised = catalog.creation_date, catalog.revision_date
        catalog.update(template, no_fuzzy_matching=False, update_header_comment=False)
        # A message gone from the code leaves the catalog (git keeps its history).
        catalog.obsolete.clear()
        catalog.creation_date, catalog.revision_date = created, revised
        text = _po_bytes(catalog)
        if not po.exists() or po.read_bytes() != text:
            po.write_bytes(text)
            written.append(po)
    return written


def _po_bytes(catalog) -> bytes:
    import io

    from babel.messages.pofile import write_po

    buffer = io.BytesIO()
    write_po(
        buffer,
        catalog,
        width=LINE_WIDTH,
        sort_by_file=True,
        include_lineno=False,
        include_previous=True,
    )
    return buffer.getvalue()


def _fields(message) -> set[str]:
    """Return the ``str.format`` field names of a message (or of all its plural forms)."""
    texts = [message] if isinstance(message, str) else [m for m in message if m]
    names = set()
    for text in texts:
        try:
            parsed = list(string.Formatter().parse(text))
        except ValueError:
            return {"<unbalanced braces>"}
        for _, name, _, _ in parsed:
            if name is not None:
                names.add(name.split(".")[0].split("[")[0])
    return names


def problems(locale_dir: Path = LOCALE_DIR, package_dir: Path = paths.PACKAGE_DIR) -> list[str]:
    """Return one line per problem of the catalogs against the package's messages.

    A message of the code missing from a catalog or left untranslated, a fuzzy
    entry, an entry the code no longer has (or an obsolete ``#~`` one), and a
    translation whose ``{fields}`` differ from the English message's.
    """
    from babel.messages.pofile import read_po

    template = extract(package_dir)
    wanted = {(m.id if isinstance(m.id, str) else m.id[0], m.context) for m in template if m.id}
    found = []
    for lang in LANGS[1:]:
        po = catalog_path(lang, ".po", locale_dir)
        name = po.relative_to(locale_dir.parent) if po.is_relative_to(locale_dir.parent) else po
        if not po.exists():
            return [f"{name}: missing; run make translations"]
        with po.open("rb") as stream:
            catalog = read_po(stream)
        have = set()
        for message in catalog:
            if not message.id:
                continue
            key = (message.id if isinstance(message.id, str) else message.id[0], message.context)
            have.add(key)
            where = f"{name}: msgid {key[0]!r}" + (f" (context {key[1]!r})" if key[1] else "")
            if key not in wanted:
                found.append(f"{where}: not in the code any more; remove it")
                continue
            strings = [message.string] if isinstance(message.string, str) else message.string
            if not all(strings):
                found.append(f"{where}: not translated")
            elif message.fuzzy:
                found.append(f"{where}: fuzzy; check the translation and remove the flag")
            for text in strings:
                if text and _fields(text) != _fields(message.id):
                    found.append(
                        f"{where}: fields {sorted(_fields(text))} in the translation must be "
                        f"{sorted(_fields(message.id))}"
                    )
        for message in catalog.obsolete.values():
            found.append(f"{name}: obsolete entry {message.id!r}; remove it")
        for key in sorted(wanted - have, key=lambda k: (k[0], k[1] or "")):
            context = f" (context {key[1]!r})" if key[1] else ""
            found.append(f"{name}: msgid {key[0]!r}{context} is missing; run make translations")
    return found


def main(argv: list[str] | None = None) -> int:
    """Extract, update and compile the catalogs and list what is left; ``compile`` only compiles.

    Returns 1 when a catalog has a problem (see :func:`problems`), else 0.
    """
    args = sys.argv[1:] if argv is None else argv
    if args not in ([], ["compile"]):
        print("usage: python -m analysis_lib.translations [compile]", file=sys.stderr)
        return 2
    if not args:
        for path in update():
            print(f"updated {path.relative_to(paths.PROJECT_ROOT)}")
    for path in compile_catalogs():
        print(f"compiled {path.relative_to(paths.PROJECT_ROOT)}")
    if args:
        return 0
    left = problems()
    for line in left:
        print(line, file=sys.stderr)
    print(f"translations: {len(left)} problem(s)" if left else "translations: complete")
    return 1 if left else 0


if __name__ == "__main__":
    sys.exit(main())
