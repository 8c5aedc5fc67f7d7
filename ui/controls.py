"""The controls: what to show, as what, for which year, coloured how, and which district to look at."""

from __future__ import annotations

from dash import dcc, html

from data.model import Dataset
from layers.i18n import t
from ui import ids
from ui.labels import option_label
from ui.view import indicator_options, measure_options
from view.modes import MODES
from view.view import View


def mode_options(lang: str) -> list[dict]:
    """The colouring modes, in registry order."""
    return [{"label": mode.label(lang), "value": mode.id} for mode in MODES.values()]


PICKER_ALL = 200  # up to this many districts the pickers list them all; above, the matches of what is typed
# How many matching names a large dataset's picker lists as the reader types (above PICKER_ALL districts): enough
# to pick from, few enough that the picker's search index stays small (ui/labels.py).
PICKER_MATCHES = 50


def district_options(dataset: Dataset) -> list[dict]:
    """Every district by name, in Danish alphabetical order (Æ, Ø, Å last); none for a large dataset, whose
    pickers offer the names matching what the reader types (assets/map.js, districtOptions), so the page does
    not build a search index of thousands of names twice before the map can draw."""
    if len(dataset.district_ids) > PICKER_ALL:
        return []
    order = sorted(range(len(dataset.district_ids)), key=lambda d: _danish_key(dataset.district_names[d]))
    return [{"label": option_label(dataset.district_names[d]), "value": dataset.district_ids[d]} for d in order]


def _danish_key(name: str) -> str:
    # Danish sorts Æ, Ø, Å after Z, and AA as Å.
    return name.casefold().replace("aa", "å").translate(str.maketrans({"æ": "{", "ø": "|", "å": "}"}))


# The year slider is narrowest in the wide layout's side column (about 200 px; a 360 px phone gives it 250); a year's
# label is about 28 px at the slider's 12 px type, so labels at least 40 px apart never touch.
SLIDER_MIN_PX = 200
YEAR_LABEL_PX = 40
ROUND_STEPS = (1, 2, 5, 10, 20, 25, 50, 100)


def labelled_years(years: tuple[int, ...]) -> tuple[int, ...]:
    """The years the slider names: the first and the last always, and between them round years (every 2nd, 5th,
    10th …) only where they fit on the narrowest slider without touching a neighbour's label.

    >>> labelled_years((2011, 2013, 2016))
    (2011, 2013, 2016)
    >>> labelled_years(tuple(range(2014, 2025)))
    (2014, 2016, 2018, 2020, 2022, 2024)
    >>> labelled_years(tuple(range(1997, 2025)))
    (1997, 2010, 2024)
    """
    first, last = years[0], years[-1]
    # The fewest years between two labels, at the slider's narrowest (marks stand at their year's place).
    room = (last - first) * YEAR_LABEL_PX / SLIDER_MIN_PX
    step = next((step for step in ROUND_STEPS if step >= room), ROUND_STEPS[-1])
    between = [year for year in years[1:-1] if year % step == 0 and year - first >= room and last - year >= room]
    return tuple(dict.fromkeys((first, *between, last)))


def year_marks(years: tuple[int, ...]) -> dict[int, str]:
    """The slider's marks: one at every year the dataset has and nowhere else, so the handle only stops at those
    and a gap between years shows as a stretch without marks; only ``labelled_years`` carry their number.

    >>> year_marks((2011, 2013, 2016))
    {2011: '2011', 2013: '2013', 2016: '2016'}
    >>> list(year_marks(tuple(range(2014, 2025))).values())[:3]
    ['2014', '', '2016']
    """
    named = set(labelled_years(years))
    return {year: str(year) if year in named else "" for year in years}


def dropdown_labels(lang: str) -> dict[str, str]:
    """The indicator picker's own interface texts, which Dash would otherwise show in English."""
    return {
        "search": t("dropdown_search", lang),
        "clear_search": t("dropdown_clear_search", lang),
        "clear_selection": t("dropdown_clear_selection", lang),
        "no_options_found": t("dropdown_no_options", lang),
    }


def district_labels(lang: str) -> dict[str, str]:
    """The district pickers' own interface texts: they list names, not topics."""
    return {
        **dropdown_labels(lang),
        "search": t("district_search", lang),
        "no_options_found": t("district_no_options", lang),
    }


def _district_picker(dataset: Dataset, texts: dict[str, str], lang: str, picker_id: str, label_id: str) -> html.Div:
    # The district to look at, and the one to compare it with: the same searchable list of names.
    picker = dcc.Dropdown(
        id=picker_id,
        options=district_options(dataset),
        value=None,
        placeholder=t("district_placeholder", lang),
        searchable=True,
        clearable=True,
        labels=district_labels(lang),
    )
    return _labelled(label_id, texts[label_id], picker, html_for=picker_id)


def _labelled(label_id: str, text: str, control, html_for: str | None = None) -> html.Div:
    # data-labelledby: Dash's components take no aria props, so assets/a11y.js names the control by this label.
    return html.Div(
        className="control",
        children=[html.Label(text, id=label_id, htmlFor=html_for), control],
        **{"data-labelledby": label_id},
    )


def controls_panel(dataset: Dataset, texts: dict[str, str], lang: str) -> html.Section:
    years = dataset.years
    start = View.default(dataset)  # what a plain address opens on: the same defaults as every other view
    return html.Section(
        id=ids.CONTROLS_PANEL,
        className="panel panel-controls",
        # Named by the drawer's button on a phone, so focus moved into the drawer says where it is (assets/drawer.js).
        **{"aria-labelledby": ids.CONTROLS_TOGGLE},
        children=[
            _labelled(
                ids.CONTROLS_INDICATOR_LABEL,
                texts[ids.CONTROLS_INDICATOR_LABEL],
                dcc.Dropdown(
                    id=ids.CONTROLS_INDICATOR,
                    options=indicator_options(dataset, lang),
                    value=start.indicator,
                    clearable=False,
                    searchable=True,
                    search_order="original",
                    labels=dropdown_labels(lang),
                    maxHeight=420,
                ),
                html_for=ids.CONTROLS_INDICATOR,
            ),
            _labelled(
                ids.CONTROLS_MEASURE_LABEL,
                texts[ids.CONTROLS_MEASURE_LABEL],
                dcc.RadioItems(
                    id=ids.CONTROLS_MEASURE,
                    options=measure_options(dataset, start.indicator, lang),
                    value=start.measure,
                    className="measure-switch",
                ),
            ),
            _labelled(
                ids.CONTROLS_YEAR_LABEL,
                texts[ids.CONTROLS_YEAR_LABEL],
                html.Div(
                    className="year-row",
                    # assets/map.js steps the arrow keys from year to year, skipping the gaps, with this list.
                    **{"data-years": " ".join(str(year) for year in years)},
                    children=[
                        # With one year there is nothing to move through.
                        html.Button(
                            "▶",
                            id=ids.CONTROLS_PLAY,
                            className="play",
                            n_clicks=0,
                            title=t("play_label", lang),
                            disabled=len(years) < 2,
                            **{"aria-label": t("play_label", lang), "aria-pressed": "false"},  # a toggle from the start
                        ),
                        # step=None: the handle stops only at the marks, the years the dataset has.
                        dcc.Slider(
                            id=ids.CONTROLS_YEAR,
                            min=years[0],
                            max=years[-1],
                            step=None,
                            value=start.year,
                            marks=year_marks(years),
                            updatemode="drag",
                            className="year-slider",
                            disabled=len(years) < 2,
                        ),
                    ],
                ),
            ),
            _labelled(
                ids.CONTROLS_MODE_LABEL,
                texts[ids.CONTROLS_MODE_LABEL],
                dcc.RadioItems(
                    id=ids.CONTROLS_MODE, options=mode_options(lang), value=start.mode, className="measure-switch"
                ),
            ),
            _labelled(
                ids.CONTROLS_FROM_LABEL,
                texts[ids.CONTROLS_FROM_LABEL],
                dcc.Dropdown(
                    id=ids.CONTROLS_FROM,
                    options=[{"label": str(year), "value": year} for year in years],
                    value=start.from_year,
                    clearable=False,
                    searchable=False,
                    disabled=not start.mode_spec.counts_from,
                ),
                html_for=ids.CONTROLS_FROM,
            ),
            html.Div(id=ids.CONTROLS_DESCRIPTION, className="description", **{"aria-live": "polite"}),
            _district_picker(dataset, texts, lang, ids.CONTROLS_DISTRICT, ids.CONTROLS_DISTRICT_LABEL),
            _district_picker(dataset, texts, lang, ids.CONTROLS_COMPARE, ids.CONTROLS_COMPARE_LABEL),
            html.P(texts[ids.CONTROLS_HELP], id=ids.CONTROLS_HELP, className="help"),
        ],
    )
