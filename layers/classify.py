"""Colour classes for a choropleth, computed once over all years so the legend stands still.

Values are classified with mapclassify. Quantile classes suit skewed municipal figures, and the class edges are
rounded to the precision the legend prints, so that a value shown as "8,1 %" never lands in the class "8,2–9,0 %".
Signed values (net moves) get classes symmetric around zero, so zero always sits in the middle class.
"""

from __future__ import annotations

import warnings
from dataclasses import dataclass

import numpy as np
from plotly.colors import colorbrewer

from layers.status import FIRST_CLASS_CODE, MISSING

DEFAULT_CLASS_COUNT = 5


@dataclass(frozen=True)
class Classes:
    """Upper class bounds (inclusive), the lowest value, one colour per class, and the printed precision."""

    lowest: float
    upper_bounds: tuple[float, ...]
    colours: tuple[str, ...]
    decimals: int = 1

    def codes(self, values: np.ndarray) -> np.ndarray:
        """Class codes for values: ``FIRST_CLASS_CODE + class index``, and ``MISSING.code`` for NaN (layers.status).

        >>> classes = Classes(0.0, (1.0, 2.0), ("#fff", "#000"))
        >>> classes.codes(np.array([0.5, 2.0, np.nan])).tolist()
        [2, 3, 0]
        """
        # Round as the legend prints, so a value lands in the class its printed form belongs to.
        values = np.round(np.asarray(values, dtype=float), self.decimals)
        index = np.searchsorted(np.asarray(self.upper_bounds), values, side="left")
        index = np.minimum(index, len(self.upper_bounds) - 1)
        return np.where(np.isnan(values), MISSING.code, FIRST_CLASS_CODE + index).astype(int)

    @property
    def lower_bounds(self) -> tuple[float, ...]:
        return (self.lowest, *self.upper_bounds[:-1])


def palette(scheme: str, count: int) -> tuple[str, ...]:
    """``count`` colours from a ColorBrewer scheme, light to dark, skipping the palest shades.

    >>> len(palette("Blues", 5))
    5
    """
    colours = getattr(colorbrewer, scheme)
    if count == 1:
        return (colours[len(colours) // 2],)
    if len(colours) > 9:  # a diverging scheme: pick symmetrically, so the middle class gets the neutral middle colour
        positions = np.linspace(1, len(colours) - 2, count)
    else:
        positions = np.linspace(2, len(colours) - 1, count)
    return tuple(colours[i] for i in positions.round().astype(int))


def _symmetric_bounds(finite: np.ndarray, k: int, decimals: int) -> np.ndarray:
    reach = float(np.abs(finite).max()) or 1.0
    step = 2 * reach / k
    edges = -reach + step * np.arange(1, k + 1)
    return np.round(edges, decimals)


def classify_over_all_years(
    values: np.ndarray,
    *,
    scheme: str,
    signed: bool = False,
    decimals: int = 1,
    k: int = DEFAULT_CLASS_COUNT,
    diverging_scheme: str = "PuOr",
) -> Classes | None:
    """Classify every year of one indicator at once.

    Parameters
    ----------
    values : array of any shape, typically (years, districts); NaN marks missing and suppressed cells.
    scheme : ColorBrewer sequential scheme for unsigned values.
    signed : classify symmetrically around zero and colour with ``diverging_scheme``.
    decimals : the precision the legend prints; class edges are rounded to it.
    k : the wanted number of classes. Fewer are made when the data has fewer distinct values.

    Returns ``None`` when there is no value at all to classify.

    >>> classes = classify_over_all_years(np.array([[1.0, 2.0], [3.0, 4.0]]), scheme="Blues", k=2)
    >>> classes.upper_bounds
    (2.5, 4.0)
    """
    # Imported here, not at the top: mapclassify brings scipy and scikit-learn (2 s), and a start from a dataset's
    # binary copy (data/binary.py) classifies nothing.
    import mapclassify
    from mapclassify.classifiers import quantile

    finite = np.asarray(values, dtype=float)
    finite = np.round(finite[np.isfinite(finite)], decimals)
    if finite.size == 0:
        return None
    if signed:
        bounds = _symmetric_bounds(finite, k, decimals)
        bounds = mapclassify.UserDefined(finite, bins=list(bounds)).bins
        lowest = float(min(finite.min(), -bounds[-1]))
        colours = palette(diverging_scheme, len(bounds))
        return Classes(lowest, tuple(float(b) for b in bounds), colours, decimals)
    distinct = np.unique(finite)
    k = max(1, min(k, distinct.size))
    if distinct.size <= k:
        bounds = distinct
    else:
        with warnings.catch_warnings():
            # mapclassify warns when ties leave fewer classes than asked for; rounding and np.unique handle that.
            # Its quantile function gives exactly Quantiles(finite, k).bins, without also classifying every value
            # and summing up the fit, which nothing here reads (a fifth of the time per series).
            warnings.simplefilter("ignore", UserWarning)
            bounds = np.unique(np.round(quantile(finite, k=k), decimals))
    return Classes(float(finite.min()), tuple(float(b) for b in bounds), palette(scheme, len(bounds)), decimals)
