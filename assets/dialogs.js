/*
 * A dialog that follows the view (cite this view, a picture to publish) asks the server only while it is open:
 * the page's address is forwarded into the dialog's store when the dialog opens and, while it stays open, when the
 * address changes (ui/citing.py forward_while_open). A shut dialog costs the year slider nothing.
 */
(function () {
  "use strict";

  window.dash_clientside = Object.assign({}, window.dash_clientside, {
    dialogs: {
      // Runs after the summary's click has toggled the dialog, so `open` is already its new state.
      whileOpen: function (search, clicks, dialogId) {
        var dialog = document.getElementById(dialogId);
        return dialog && dialog.open ? (search || "") : window.dash_clientside.no_update;
      }
    }
  });
})();
