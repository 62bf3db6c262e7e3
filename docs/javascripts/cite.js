// "Cite this": when a citation is opened, fill in today's date as the access date and add a Copy button.
// Without this script the citation still shows, with "[date]" for the reader to fill in.
// Its words come from the page, in the page's language: the data-copy-* attributes of each citation.
(function () {
  "use strict";

  var ENGLISH = {
    copyLabel: "Copy citation",
    copyDone: "Copied.",
    copySelected: "Selected: press Ctrl+C (⌘C on a Mac) to copy."
  };

  function words(box, name) {
    return box.dataset[name] || ENGLISH[name];
  }

  function today() {
    var now = new Date();
    var pad = function (n) { return (n < 10 ? "0" : "") + n; };
    return now.getFullYear() + "-" + pad(now.getMonth() + 1) + "-" + pad(now.getDate());
  }

  function prepare(box) {
    var accessed = box.querySelector("[data-cite-accessed]");
    if (accessed) {
      accessed.textContent = today();
    }
    if (!box.querySelector("[data-cite-copy]")) {
      var actions = document.createElement("p");
      actions.className = "snt-cite-actions";
      var button = document.createElement("button");
      button.type = "button";
      button.className = "md-button snt-cite-copy";
      button.setAttribute("data-cite-copy", "");
      button.textContent = words(box, "copyLabel");
      var status = document.createElement("span");
      status.className = "snt-cite-status";
      status.setAttribute("role", "status");
      actions.appendChild(button);
      actions.appendChild(document.createTextNode(" "));
      actions.appendChild(status);
      box.appendChild(actions);
    }
  }

  function selectText(element) {
    var range = document.createRange();
    range.selectNodeContents(element);
    var selection = window.getSelection();
    selection.removeAllRanges();
    selection.addRange(range);
  }

  function copy(button) {
    var box = button.closest(".snt-cite");
    var text = box.querySelector("[data-cite-text]");
    var status = box.querySelector(".snt-cite-status");
    prepare(box);
    var plain = text.textContent.replace(/\s+/g, " ").trim();
    var done = function () { status.textContent = words(box, "copyDone"); };
    var failed = function () {
      selectText(text);
      status.textContent = words(box, "copySelected");
    };
    if (navigator.clipboard && window.isSecureContext) {
      navigator.clipboard.writeText(plain).then(done, failed);
    } else {
      failed();
    }
  }

  // Delegated, so citations added to the page later (a timeline loaded in parts) work too.
  document.addEventListener("toggle", function (event) {
    var box = event.target;
    if (box.classList && box.classList.contains("snt-cite") && box.open) {
      prepare(box);
    }
  }, true);
  document.addEventListener("click", function (event) {
    var button = event.target.closest && event.target.closest("[data-cite-copy]");
    if (button) {
      copy(button);
    }
  });
})();
