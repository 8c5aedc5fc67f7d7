"""The controls: what to show, as what, for which year, coloured how, and which district to look at."""

from __future__ import annotations

from dash import dcc, html

from data.model import Dataset
from ui import ids
from ui.i18n import t
from ui.modes import DEFAULT_MODE, MODES
from ui.view import indicator_options, measure_options, resolve_selection


def mode_options(lang: str) -> list[dict]:
    """The colouring modes, in registry order."""
    return [{"label": mode.label(lang), "value": mode.id} for mode in MODES.values()]


PICKER_ALL = 200  # up to this many districts the pickers list them all; above, the matches of what is typed


def district_options(dataset: Dataset) -> list[dict]:
    """Every district by name, in Danish alphabetical order (Æ, Ø, Å last); none for a large dataset, whose
    pickers offer the names matching what the reader types (assets/map.js, districtOptions), so the page does
    not build a search index of thousands of names twice before the map can draw."""
    if len(dataset.district_ids) > PICKER_ALL:
        return []
    order = sorted(range(len(dataset.district_ids)), key=lambda d: _danish_key(dataset.district_names[d]))
    return [{"label": dataset.district_names[d], "value": dataset.district_ids[d]} for d in order]


def _danish_key(name: str) -> str:
    # Danish sorts Æ, Ø, Å after Z, and AA as Å.
    return name.casefold().replace("aa", "å").translate(str.maketrans({"æ": "{", "ø": "|", "å": "}"}))


def dropdown_labels(lang: str) -> dict[str, str]:
    """The indicator picker's own interface texts, which Dash would otherwise show in English."""
    return {
        "search": t("dropdown_search", lang),
        "clear_search": t("dropdown_clear_search", lang),
        "no_options_found": t("dropdown_no_options", lang),
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
        labels=dropdown_labels(lang),
    )
    return _labelled(label_id, texts[label_id], picker, html_for=picker_id)


def _labelled(label_id: str, text: str, control, html_for: str | None = None) -> html.Div:
    return html.Div(className="control", children=[html.Label(text, id=label_id, htmlFor=html_for), control])


def controls_panel(dataset: Dataset, texts: dict[str, str], lang: str) -> html.Section:
    years = dataset.years
    return html.Section(
        className="panel panel-controls",
        children=[
            _labelled(
                ids.CONTROLS_INDICATOR_LABEL,
                texts[ids.CONTROLS_INDICATOR_LABEL],
                dcc.Dropdown(
                    id=ids.CONTROLS_INDICATOR,
                    options=indicator_options(dataset, lang),
                    value=dataset.info.default_indicator,
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
                    options=measure_options(dataset, dataset.info.default_indicator, lang),
                    value=resolve_selection(dataset, dataset.info.default_indicator, dataset.info.default_measure)[1],
                    className="measure-switch",
                ),
            ),
            _labelled(
                ids.CONTROLS_YEAR_LABEL,
                texts[ids.CONTROLS_YEAR_LABEL],
                html.Div(
                    className="year-row",
                    children=[
                        html.Button("▶", id=ids.CONTROLS_PLAY, className="play", n_clicks=0, title=""),
                        dcc.Slider(
                            id=ids.CONTROLS_YEAR,
                            min=years[0],
                            max=years[-1],
                            step=1,
                            value=dataset.info.default_year,
                            marks={year: str(year) for year in years},
                            updatemode="drag",
                            className="year-slider",
                        ),
                    ],
                ),
            ),
            _labelled(
                ids.CONTROLS_MODE_LABEL,
                texts[ids.CONTROLS_MODE_LABEL],
                dcc.RadioItems(
                    id=ids.CONTROLS_MODE, options=mode_options(lang), value=DEFAULT_MODE, className="measure-switch"
                ),
            ),
            _labelled(
                ids.CONTROLS_FROM_LABEL,
                texts[ids.CONTROLS_FROM_LABEL],
                dcc.Dropdown(
                    id=ids.CONTROLS_FROM,
                    options=[{"label": str(year), "value": year} for year in years],
                    value=years[0],
                    clearable=False,
                    searchable=False,
                    disabled=True,
                ),
                html_for=ids.CONTROLS_FROM,
            ),
            html.Div(id=ids.CONTROLS_DESCRIPTION, className="description", **{"aria-live": "polite"}),
            _district_picker(dataset, texts, lang, ids.CONTROLS_DISTRICT, ids.CONTROLS_DISTRICT_LABEL),
            _district_picker(dataset, texts, lang, ids.CONTROLS_COMPARE, ids.CONTROLS_COMPARE_LABEL),
            html.P(texts[ids.CONTROLS_HELP], id=ids.CONTROLS_HELP, className="help"),
        ],
    )
