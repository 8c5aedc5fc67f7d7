"""The view: what is on screen, as one small checked object beneath the page (ui/) and the downloads (exports/)."""
