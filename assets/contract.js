/*
 * The page's contract with Python (ui/contract.py): the component ids, the address's parameters, the pickers'
 * limits and the status codes that the scripts share with the server, each taken from the Python registry that owns
 * it. The page carries it as a JSON data block, written into its HTML before any script (app.py's template).
 *
 * Every script reads it through window.DistriktskortContract(), when it needs a value: the ids are written here
 * nowhere else (tests/unit/test_browser_contract.py). Read once, on first use.
 */
(function () {
  "use strict";

  var ELEMENT = "page-contract";  // ui/contract.py CONTRACT_ELEMENT: the one name the contract cannot carry itself
  var contract = null;

  window.DistriktskortContract = function () {
    if (!contract) contract = JSON.parse(document.getElementById(ELEMENT).textContent);
    return contract;
  };
})();
