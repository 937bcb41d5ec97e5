"""What a page must look like at a phone's and a laptop's width, measured in the browser.

:func:`analysis_lib.publish.browser.check_pages` opens every page at each
:class:`Viewport` (``Emulation.setDeviceMetricsOverride``), runs the
expression of :func:`probe` in it and turns the answer into problem lines with
:func:`layout_problems`:

- the page is wider than the viewport (``scrollWidth > innerWidth``): the
  reader would have to scroll sideways; the elements that stick out are named;
- an element reaches past a box that hides its overflow: the reader cannot
  see its end (a box the reader can scroll is fine);
- on a phone, the page has no ``<meta name="viewport">``: it would show zoomed out;
- a prose block (paragraph, list item, heading, definition) is wider than
  :data:`MAX_PROSE_PX`: lines that long are hard to read. Tables, figures and
  code may be wider.
"""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class Viewport:
    """A browser window to check a page in.

    Attributes
    ----------
    width, height : int
        CSS pixels.
    scale : float
        Device pixels per CSS pixel (screenshots are taken at this scale).
    mobile : bool
        Emulate a phone: the page's ``<meta name="viewport">`` applies.
    """

    width: int
    height: int
    scale: float
    mobile: bool

    @property
    def name(self) -> str:
        """The width as used in messages and screenshot names, e.g. ``"390"``."""
        return str(self.width)

    def metrics(self) -> dict:
        """Return the parameters of ``Emulation.setDeviceMetricsOverride``."""
        return {
            "width": self.width,
            "height": self.height,
            "deviceScaleFactor": self.scale,
            "mobile": self.mobile,
        }


PHONE = Viewport(width=390, height=844, scale=2.0, mobile=True)
LAPTOP = Viewport(width=1280, height=900, scale=1.0, mobile=False)
VIEWPORTS = (PHONE, LAPTOP)
# About 70 characters of body text; wider blocks make lines too long to read.
MAX_PROSE_PX = 900
# Sub-pixel rounding: a page 1 px wider than the viewport does not scroll visibly.
TOLERANCE_PX = 1
_SHOWN = 3

# Returns {innerWidth, scrollWidth, viewportMeta, overflowing: [...], prose: [...]}:
# each element as {what, width, right, cut}. An element overflows when it reaches
# past the window, or is cut off when it reaches past an ancestor that hides its
# overflow, while its parent does not (the outermost culprit). Inside a box the
# reader can scroll nothing is lost. A phone widens its layout to the content,
# so the window's width is passed in rather than read from innerWidth.
_PROBE = r"""
((vw) => {
  const describe = (el) => {
    let what = el.tagName.toLowerCase();
    if (el.id) what += "#" + el.id;
    else if (el.classList.length) what += "." + [...el.classList].slice(0, 2).join(".");
    const text = (el.textContent || "").trim().replace(/\s+/g, " ").slice(0, 50);
    return text ? `${what} "${text}"` : what;
  };
  // The nearest ancestor that does not let its content spill: [element, overflow-x].
  const clipOf = (el) => {
    for (let up = el.parentElement; up && up !== document.body; up = up.parentElement) {
      const overflow = getComputedStyle(up).overflowX;
      if (overflow !== "visible") return [up, overflow];
    }
    return [null, ""];
  };
  const windowBox = {left: 0, right: vw};
  const outside = (box, bound) => box.right > bound.right + 1 || box.left < bound.left - 1;
  const overflowing = [];
  for (const el of document.body.querySelectorAll("*")) {
    const box = el.getBoundingClientRect();
    if (box.width === 0) continue;
    const [clip, overflow] = clipOf(el);
    if (overflow === "auto" || overflow === "scroll") continue;
    const bound = clip ? clip.getBoundingClientRect() : windowBox;
    // A box of at most 1 px that hides its content is text for screen readers only.
    if (clip && bound.width <= 1) continue;
    if (!outside(box, bound) || outside(el.parentElement.getBoundingClientRect(), bound)) continue;
    overflowing.push({what: describe(el), width: Math.round(box.width),
                      right: Math.round(box.right), cut: clip !== null});
  }
  const prose = [];
  const blocks = "p, li, dd, dt, h1, h2, h3, h4, h5, h6, blockquote, figcaption";
  for (const el of document.body.querySelectorAll(blocks)) {
    if (el.closest("table, pre, svg") || !(el.textContent || "").trim()) continue;
    const box = el.getBoundingClientRect();
    if (box.width === 0) continue;
    prose.push({what: describe(el), width: Math.round(box.width), right: Math.round(box.right)});
  }
  prose.sort((a, b) => b.width - a.width);
  return {innerWidth: window.innerWidth, scrollWidth: document.documentElement.scrollWidth,
          viewportMeta: document.querySelector('meta[name="viewport"]') !== null,
          overflowing: overflowing, prose: prose};
})(WIDTH)
"""


def _reaches(item: dict) -> str:
    return f"{item['what']} reaches {item['right']} px"


def probe(viewport: Viewport) -> str:
    """Return the JavaScript expression that measures a page opened in ``viewport``."""
    return _PROBE.replace("WIDTH", str(int(viewport.width)))


def layout_problems(viewport: Viewport, measured: dict) -> list[str]:
    """Return one line per layout rule that ``measured`` (the answer of :func:`probe`) breaks.

    Parameters
    ----------
    viewport : Viewport
        The window the page was measured in.
    measured : dict
        What the expression of :func:`probe` returned.

    Returns
    -------
    list of str
        Empty when the page fits.
    """
    problems = []
    if viewport.mobile and not measured["viewportMeta"]:
        problems.append(
            'no <meta name="viewport" content="width=device-width">: a phone shows it zoomed out'
        )
    spill = [item for item in measured["overflowing"] if not item["cut"]]
    cut = [item for item in measured["overflowing"] if item["cut"]]
    wide = max(int(measured["innerWidth"]), int(measured["scrollWidth"]))
    if wide > viewport.width + TOLERANCE_PX:
        culprits = "; ".join(_reaches(item) for item in spill[:_SHOWN])
        problems.append(
            f"page is {wide} px wide, wider than the {viewport.width} px window"
            + (f": {culprits}" if culprits else "")
        )
    if cut:
        shown = "; ".join(_reaches(item) for item in cut[:_SHOWN])
        problems.append(
            f"{len(cut)} element(s) cut off by a box that hides what overflows it: {shown}"
        )
    too_wide = [item for item in measured["prose"] if item["width"] > MAX_PROSE_PX]
    if too_wide:
        widest = max(too_wide, key=lambda item: item["width"])
        problems.append(
            f"{len(too_wide)} prose block(s) wider than {MAX_PROSE_PX} px, the widest "
            f"{widest['width']} px: {widest['what']}"
        )
    return problems
