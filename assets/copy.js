/* Copy buttons (ui/citing.py): a citation in the download dialog, a district's press note in its profile.
 *
 * Each .copy-button copies the text box of its .copy-block and says so in the block's status line (role=status),
 * in the words the button carries in the page's language (data-copied, data-copy-failed). One listener on the
 * document serves every block, those the server draws into a profile later too. Where the clipboard cannot be
 * written (an insecure address, a browser that refuses), the text is left selected for Ctrl+C.
 */
(function () {
  "use strict";

  var STATUS_SHOWN_MS = 5000;

  function selectAll(box) {
    box.focus();
    box.select();
  }

  // The older way, for pages served over plain http from another machine, where navigator.clipboard is absent.
  function copyBySelection(box) {
    selectAll(box);
    try {
      return document.execCommand("copy");
    } catch (error) {
      return false;
    }
  }

  function copy(box) {
    if (navigator.clipboard && window.isSecureContext) {
      return navigator.clipboard.writeText(box.value).then(
        function () { return true; },
        function () { return copyBySelection(box); }
      );
    }
    return Promise.resolve(copyBySelection(box));
  }

  function say(status, text) {
    if (!status) return;
    clearTimeout(status.copyTimer);
    status.textContent = text || "";
    status.copyTimer = setTimeout(function () { status.textContent = ""; }, STATUS_SHOWN_MS);
  }

  document.addEventListener("click", function (event) {
    var button = event.target.closest && event.target.closest(".copy-button");
    var block = button && button.closest(".copy-block");
    var box = block && block.querySelector("textarea");
    if (!box) return;
    var status = block.querySelector(".copy-status");
    copy(box).then(function (copied) {
      if (!copied) selectAll(box);
      say(status, button.getAttribute(copied ? "data-copied" : "data-copy-failed"));
    });
  });
})();
