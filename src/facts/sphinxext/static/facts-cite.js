/* Copy buttons of the "Cite this section" boxes. No dependencies, no network. */
(function () {
  "use strict";
  function copy(button) {
    var block = document.getElementById(button.getAttribute("data-copy"));
    if (!block) return;
    var text = block.textContent;
    var done = function () {
      var label = button.textContent;
      button.textContent = "Copied";
      setTimeout(function () { button.textContent = label; }, 1500);
    };
    if (navigator.clipboard && window.isSecureContext) {
      navigator.clipboard.writeText(text).then(done, function () { select(block); });
    } else {
      select(block);
      try { if (document.execCommand("copy")) done(); } catch (e) { /* selection stays */ }
    }
  }
  function select(block) {
    var range = document.createRange();
    range.selectNodeContents(block);
    var selection = window.getSelection();
    selection.removeAllRanges();
    selection.addRange(range);
  }
  document.addEventListener("click", function (event) {
    var button = event.target.closest && event.target.closest("button.facts-copy");
    if (button) copy(button);
  });
})();
