"""Sentences the code builds from data, kept as a message and its fields until shown.

The audit writes its arithmetic as sentences ("rule same_year: claimed 2003 =
recorded 2003"). A :class:`Phrase` is such a sentence: it *is* its English
text (a ``str``, so JSON, CSV and the command line print it as before), and it
remembers the catalog message and the fields it was made from, so a report can
show it in another language with that language's typography::

    p = phrase("claimed {claimed} = recorded {recorded}", claimed=Figure("55.5"), ...)
    str(p)              # 'claimed 55.5 = recorded 55.45'
    p.render("ru")      # 'заявлено 55,5 = по записи 55,45'

A field is shown by its kind: a :class:`Figure` with the language's decimal
separator and minus sign, a :class:`Date` as a reader writes a date, a
:class:`Localized` text in the language it has (else in English, marked
``lang="en"`` in HTML), a :class:`Term` of the vocabulary translated,
:class:`English` text always in English (marked), a :class:`Code` identifier
as code, a nested phrase rendered the same way, and anything else as its text.
``make translations`` extracts the messages of :func:`phrase` and :func:`nphrase`
like those of ``gettext``.
"""

from __future__ import annotations

import html as html_lib
import math
import re

from analysis_lib.i18n import translator

MINUS = "\u2212"
NARROW_NBSP = "\u202f"

_DECIMAL_POINT = re.compile(r"(?<=\d)\.(?=\d)")
_HYPHEN_MINUS = re.compile(r"(?<![\w.\-])-(?=\d)")
_THOUSANDS = re.compile(r"(?<![\d.,])(\d{1,3})((?:,\d{3})+)(?![\d,])")


class Figure(str):
    """A number as the audit prints it in English (``"55.45"``, ``"-0.09"``, ``"1/6"``)."""

    __slots__ = ()

    def render(self, lang: str, *, html: bool = False) -> str:
        """Return the figure with ``lang``'s decimal separator and the minus sign U+2212."""
        return typeset_number(str(self), lang)


class Date(str):
    """An ISO date of the data, as precise as known (``"1996-04-23"``, ``"2009-09"``)."""

    __slots__ = ()

    def render(self, lang: str, *, html: bool = False) -> str:
        """Return the date as a reader of ``lang`` writes it (:func:`format_date`)."""
        return format_date(str(self), lang)


class Code(str):
    """An identifier (a claim id, a source id, a column): the same in every language."""

    __slots__ = ()

    def render(self, lang: str, *, html: bool = False) -> str:
        """Return the identifier, as ``<code>`` in HTML."""
        text = str(self)
        return f"<code>{html_lib.escape(text)}</code>" if html else text


class Term(str):
    """A word of the vocabulary (a unit, a verdict, a country): its English catalog message.

    ``context`` is the message's gettext context, when it has one; ``english``
    the text the English sentence shows when it is not the message itself (a
    code such as ``RU`` for the message "Russia").
    """

    __slots__ = ("context", "message")

    def __new__(cls, message: str, context: str | None = None, english: str | None = None):
        self = super().__new__(cls, message if english is None else english)
        self.message, self.context = message, context
        return self

    def __reduce__(self):
        return (Term, (self.message, self.context, str(self)))

    def render(self, lang: str, *, html: bool = False) -> str:
        """Return the word in ``lang``."""
        t = translator(lang)
        if lang == "en":
            text = str(self)
        elif self.context:
            text = t.pgettext(self.context, self.message)
        else:
            text = t.gettext(self.message)
        return html_lib.escape(text, quote=False) if html else text


class English(str):
    """Text that stays English in every report (a quotation, a published title)."""

    __slots__ = ()

    def render(self, lang: str, *, html: bool = False) -> str:
        """Return the text, marked ``lang="en"`` in HTML of another language."""
        return _english(str(self), lang, html)


class Localized(str):
    """Text of the data in English (the ``str``) with its translations (``title_ru``, ...)."""

    __slots__ = ("translations",)

    def __new__(cls, english: str, **translations: object):
        self = super().__new__(cls, english)
        self.translations = {
            lang: str(text) for lang, text in translations.items() if _present(text)
        }
        return self

    def __reduce__(self):
        return (_localized, (str(self), self.translations))

    def render(self, lang: str, *, html: bool = False) -> str:
        """Return the text in ``lang`` when the data have it, else the English, marked."""
        if lang in self.translations:
            text = self.translations[lang]
            return html_lib.escape(text) if html else text
        return _english(str(self), lang, html)


def _localized(english: str, translations: dict) -> Localized:
    return Localized(english, **translations)


def _present(text: object) -> bool:
    return isinstance(text, str) and bool(text.strip())


def _english(text: str, lang: str, html: bool) -> str:
    if not html:
        return text
    escaped = html_lib.escape(text)
    return escaped if lang == "en" else f'<span lang="en">{escaped}</span>'


class Phrase(str):
    """A sentence: its English text, and the message and fields it is rendered from.

    Build one with :func:`phrase`, :func:`nphrase` or :func:`joined`; see the module
    docstring.
    """

    __slots__ = ("_fields", "_message", "_n", "_plural", "_translate")

    def __new__(
        cls,
        message: str,
        fields: dict,
        plural: str | None = None,
        n: int | None = None,
        translate: bool = True,
    ):
        template = message if plural is None or n == 1 else plural
        self = super().__new__(cls, template.format(**{k: str(v) for k, v in fields.items()}))
        self._message, self._plural, self._n = message, plural, n
        self._fields, self._translate = dict(fields), translate
        return self

    def __reduce__(self):
        return (Phrase, (self._message, self._fields, self._plural, self._n, self._translate))

    def render(self, lang: str, *, html: bool = False) -> str:
        """Return the sentence in ``lang``; with ``html``, escaped and with its marks."""
        template = self._message if self._plural is None or self._n == 1 else self._plural
        if self._translate and lang != "en":
            t = translator(lang)
            template = (
                t.gettext(self._message)
                if self._plural is None
                else t.ngettext(self._message, self._plural, self._n)
            )
        if html:
            template = html_lib.escape(template, quote=False)
        shown = {key: render(value, lang, html=html) for key, value in self._fields.items()}
        return template.format(**shown)


def phrase(message: str, /, **fields: object) -> Phrase:
    """Return the sentence ``message`` (an English catalog message) with its fields."""
    return Phrase(message, fields)


def nphrase(singular: str, plural: str, n: int, /, **fields: object) -> Phrase:
    """Return the plural form for the count ``n`` (``{n} day`` / ``{n} days``), a field too."""
    return Phrase(singular, {"n": n, **fields}, plural, n)


def joined(parts, sep: str = " ") -> Phrase:
    """Return the parts (phrases or text) as one phrase, separated by ``sep`` (not translated)."""
    parts = [part for part in parts if part]
    fields = {f"p{i}": part for i, part in enumerate(parts)}
    message = sep.replace("{", "{{").replace("}", "}}").join("{" + key + "}" for key in fields)
    return Phrase(message, fields, translate=False)


def render(value: object, lang: str, *, html: bool = False) -> str:
    """Return ``value`` as shown in ``lang``: a phrase or marked text rendered, else its text.

    Parameters
    ----------
    value : object
        A :class:`Phrase`, a marked text (:class:`Figure`, :class:`Date`, ...), a
        number or text.
    lang : {'en', 'ru'}
    html : bool, default False
        Return HTML: text escaped, English marked ``lang="en"``, identifiers as code.
    """
    if hasattr(value, "render"):
        return value.render(lang, html=html)
    text = "" if value is None else str(value)
    return html_lib.escape(text, quote=False) if html else text


def typeset_number(text: str, lang: str) -> str:
    """Return a number as printed in English with ``lang``'s separators and the minus sign.

    ``"-0.09"`` gives "−0.09" in English and "−0,09" in Russian; ``"1,234.5"``
    gives "1 234,5" (narrow no-break space) in Russian.
    """
    text = _HYPHEN_MINUS.sub(MINUS, text)
    if lang == "en":
        return text
    text = _THOUSANDS.sub(lambda m: m.group(1) + m.group(2).replace(",", NARROW_NBSP), text)
    return _DECIMAL_POINT.sub(",", text)


def format_date(text: object, lang: str) -> str:
    """Return an ISO date of the data as a reader writes it in ``lang``.

    ``"1996-04-23"`` gives "23 April 1996" / «23 апреля 1996 г.», ``"2009-09"``
    "September 2009" / «сентябрь 2009 г.», ``"2009"`` "2009" / «2009 г.». The
    patterns are messages of the catalog; the month names are CLDR's (Babel).
    A missing value gives a dash; text that is not an ISO date is returned as is.
    """
    import datetime

    from babel.dates import format_date as cldr_date

    if text is None or (isinstance(text, float) and math.isnan(text)) or str(text) in ("", "<NA>"):
        return "–"
    value = str(text)
    t = translator(lang)
    parts = value.split("-")
    if not all(part.isdigit() for part in parts) or len(parts[0]) != 4 or len(parts) > 3:
        return value
    if len(parts) == 1:
        return t.pgettext("one year", "{years}", years=value)
    day = datetime.date(int(parts[0]), int(parts[1]), int(parts[2]) if len(parts) == 3 else 1)
    # TRANSLATORS: CLDR date patterns (d day, MMMM month in a date, LLLL month alone, y year).
    pattern = t.gettext("d MMMM y") if len(parts) == 3 else t.gettext("LLLL y")
    return cldr_date(day, pattern, locale=lang)
