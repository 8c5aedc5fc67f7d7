"""Dialogs that follow the view, and ask the server for it only while they are open (assets/dialogs.js)."""

from __future__ import annotations

from dash import ClientsideFunction, Dash, Input, Output, State

from ui import ids


def forward_while_open(app: Dash, store: str, summary: str, dialog: str) -> None:
    """Copy the page's address into ``store`` when ``dialog`` opens and, while it is open, when the address changes:
    the dialog's server callback listens to the store, so the year slider sends nothing while the dialog is shut."""
    app.clientside_callback(
        ClientsideFunction("dialogs", "whileOpen"),
        Output(store, "data"),
        Input(ids.PAGE_URL, "search"),
        Input(summary, "n_clicks"),
        State(dialog, "id"),
    )
