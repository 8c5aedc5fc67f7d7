"""The Dash user interface: layout and thin callbacks, one module per area."""
