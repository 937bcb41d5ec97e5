"""Translations: English message ids in the code, the other languages in gettext catalogs.

Code writes every sentence, label and heading it shows in English, through a
:class:`Translator`::

    t = translator("ru")
    t.gettext("Trade was {value} USD bn in {year}.", value="95,3", year=2014)
    t.ngettext("{n} claim", "{n} claims", n, n=n)
    t.pgettext("with partner", "with Japan")

The Russian lives in ``locale/ru/LC_MESSAGES/analysis_lib.po`` (committed, edited by
translators); the ``.mo`` next to it is compiled from it, here, whenever it is
missing or differs from what the ``.po`` gives, and :func:`compile_catalog` gives
the same bytes for the same ``.po`` (nothing depends on the time or the
machine). ``make translations`` extracts the messages, updates the catalog and
compiles it (see :mod:`analysis_lib.translations`).
"""

from __future__ import annotations

import gettext
import io
import os
import tempfile
from pathlib import Path

from analysis_lib import paths
from analysis_lib.params import check_lang
from analysis_lib.vocabulary import LANGS

DOMAIN = "analysis_lib"
SOURCE_LANG = LANGS[0]
"""The language of the message ids: no catalog is needed for it."""
LOCALE_DIR = paths.PACKAGE_DIR / "locale"


def catalog_path(lang: str, suffix: str = ".po", locale_dir: Path = LOCALE_DIR) -> Path:
    """Return the ``.po`` (or, with ``suffix=".mo"``, the compiled) catalog of ``lang``."""
    return locale_dir / lang / "LC_MESSAGES" / f"{DOMAIN}{suffix}"


def N_(message: str) -> str:
    """Mark ``message`` for extraction without translating it (translate it where shown)."""
    return message


class Translator:
    """The messages of one language, filled in with ``str.format`` fields.

    Parameters
    ----------
    lang : str
        The language.
    catalog : gettext.NullTranslations
        Its compiled catalog (a ``NullTranslations`` gives the English ids back).
    """

    def __init__(self, lang: str, catalog: gettext.NullTranslations):
        self.lang = lang
        self._catalog = catalog

    def gettext(self, message: str, /, **fields: object) -> str:
        """Return ``message`` in the translator's language, with ``fields`` filled in."""
        return _fill(self._catalog.gettext(message), fields)

    def ngettext(self, singular: str, plural: str, n: int, /, **fields: object) -> str:
        """Return the plural form for the count ``n`` (Russian has three), ``fields`` filled in."""
        return _fill(self._catalog.ngettext(singular, plural, n), fields)

    def pgettext(self, context: str, message: str, /, **fields: object) -> str:
        """Return ``message`` as translated in ``context`` (e.g. a grammatical case)."""
        return _fill(self._catalog.pgettext(context, message), fields)

    def npgettext(
        self, context: str, singular: str, plural: str, n: int, /, **fields: object
    ) -> str:
        """Return the plural form for ``n`` as translated in ``context``."""
        return _fill(self._catalog.npgettext(context, singular, plural, n), fields)


def _fill(text: str, fields: dict) -> str:
    return text.format(**fields) if fields else text


_LOADED: dict[tuple, gettext.NullTranslations] = {}


def translator(lang: object) -> Translator:
    """Return the :class:`Translator` of ``lang`` (``'en'`` or ``'ru'``).

    Raises
    ------
    ParameterError
        ``lang`` is not a report language.
    TranslationError
        The language's ``.po`` catalog is missing or cannot be read.
    """
    lang = check_lang(lang)
    if lang == SOURCE_LANG:
        return Translator(lang, gettext.NullTranslations())
    return Translator(lang, load_catalog(lang))


def load_catalog(lang: str, locale_dir: Path = LOCALE_DIR) -> gettext.GNUTranslations:
    """Return the compiled catalog of ``lang``, compiling the ``.mo`` when it is stale.

    The catalog is kept per process while the ``.po`` file stays the same (same
    size and modification time), so an edited ``.po`` shows in a running kernel.
    """
    po = catalog_path(lang, ".po", locale_dir)
    try:
        stat = po.stat()
    except OSError:
        from analysis_lib.exceptions import TranslationError

        raise TranslationError(
            f"{po}: missing; the {lang!r} messages must be in this gettext catalog "
            "(make translations creates it)"
        ) from None
    key = (str(po), stat.st_size, stat.st_mtime_ns)
    if key not in _LOADED:
        compiled = compile_catalog(po)
        _write_if_changed(catalog_path(lang, ".mo", locale_dir), compiled)
        _LOADED[key] = gettext.GNUTranslations(io.BytesIO(compiled))
    return _LOADED[key]


def compile_catalog(po: Path) -> bytes:
    """Return the ``.mo`` bytes of a ``.po`` catalog: the same bytes for the same file.

    Fuzzy and untranslated entries are left out (their English id is shown);
    the catalog test refuses both.

    Raises
    ------
    TranslationError
        The file is not a readable gettext catalog.
    """
    from babel.messages.mofile import write_mo
    from babel.messages.pofile import PoFileError, read_po

    from analysis_lib.exceptions import TranslationError

    try:
        with po.open("rb") as stream:
            catalog = read_po(stream, abort_invalid=True)
    except (OSError, PoFileError, ValueError) as error:
        raise TranslationError(f"{po}: not a readable gettext catalog ({error})") from None
    buffer = io.BytesIO()
    write_mo(buffer, catalog)
    return buffer.getvalue()


def compile_catalogs(locale_dir: Path = LOCALE_DIR) -> list[Path]:
    """Compile every language's ``.po`` into its ``.mo``; return the ``.mo`` files written."""
    written = []
    for lang in LANGS[1:]:
        mo = catalog_path(lang, ".mo", locale_dir)
        if _write_if_changed(mo, compile_catalog(catalog_path(lang, ".po", locale_dir))):
            written.append(mo)
    return written


def _write_if_changed(path: Path, data: bytes) -> bool:
    """Write ``data`` atomically unless the file holds it already; a read-only tree is fine."""
    try:
        if path.read_bytes() == data:
            return False
    except OSError:
        pass
    try:
        handle, temporary = tempfile.mkstemp(dir=path.parent, prefix=".", suffix=".mo.tmp")
        with os.fdopen(handle, "wb") as stream:
            stream.write(data)
        os.replace(temporary, path)
    except OSError:
        return False  # an installed, read-only package: the catalog is used from memory
    return True
