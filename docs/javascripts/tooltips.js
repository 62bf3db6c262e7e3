// Tooltips for titled acronyms and links in the text: one shared box, shown on hover and on keyboard focus.
// It replaces Material's content.tooltips, which set up a tooltip for every titled element as the page
// loaded (about 1,400 on the sources page); this one does nothing until the reader points at something.
// Without this script the browser's own title tooltip still shows on hover.
(function () {
  "use strict";

  var TARGETS = ".md-content abbr[title], .md-content abbr[data-snt-title], " +
    ".md-content a[title], .md-content a[data-snt-title]";
  var GAP = 4;     // pixels between the element and its tooltip
  var MARGIN = 8;  // the tooltip keeps this far from the window's edges
  var LINGER = 150; // milliseconds a tooltip stays after the pointer leaves, so it can cross onto the tooltip
  var box = null;
  var owner = null;
  var leaving = 0;

  function tooltipBox() {
    if (!box) {
      box = document.createElement("div");
      box.id = "snt-tooltip";
      box.className = "snt-tooltip";
      box.setAttribute("role", "tooltip");
      box.hidden = true;
      document.body.appendChild(box);
    }
    return box;
  }

  // The title moves to a data attribute while the tooltip shows, so the browser does not show it twice.
  function titleOf(element) {
    var title = element.getAttribute("title");
    if (title !== null) {
      element.setAttribute("data-snt-title", title);
      element.removeAttribute("title");
    }
    return element.getAttribute("data-snt-title") || "";
  }

  function place(element, tip) {
    var target = element.getBoundingClientRect();
    var width = tip.offsetWidth;
    var height = tip.offsetHeight;
    var left = target.left + target.width / 2 - width / 2;
    left = Math.max(MARGIN, Math.min(left, window.innerWidth - width - MARGIN));
    var top = target.bottom + GAP;
    if (top + height > window.innerHeight - MARGIN && target.top - GAP - height >= MARGIN) {
      top = target.top - GAP - height;
    }
    tip.style.left = left + "px";
    tip.style.top = top + "px";
  }

  function stay() {
    window.clearTimeout(leaving);
    leaving = 0;
  }

  function hideSoon() {
    stay();
    leaving = window.setTimeout(hide, LINGER);
  }

  function show(element) {
    stay();
    if (owner === element) {
      return;
    }
    hide();
    var text = titleOf(element);
    if (!text) {
      return;
    }
    var tip = tooltipBox();
    tip.textContent = text;
    tip.hidden = false;
    place(element, tip);
    owner = element;
    element.setAttribute("aria-describedby", tip.id);
  }

  function hide() {
    stay();
    if (!owner) {
      return;
    }
    owner.removeAttribute("aria-describedby");
    owner.setAttribute("title", owner.getAttribute("data-snt-title"));
    owner = null;
    box.hidden = true;
  }

  function targetOf(event) {
    return event.target instanceof Element ? event.target.closest(TARGETS) : null;
  }

  function onTooltip(node) {
    return box !== null && node instanceof Node && box.contains(node);
  }

  document.addEventListener("mouseover", function (event) {
    var element = targetOf(event);
    if (element) {
      show(element);
    } else if (onTooltip(event.target)) {
      stay();
    }
  });
  document.addEventListener("mouseout", function (event) {
    var next = event.relatedTarget;
    var from = onTooltip(event.target) ? box : targetOf(event);
    if (owner && (from === owner || from === box) && !owner.contains(next) && !onTooltip(next)) {
      hideSoon();
    }
  });
  document.addEventListener("focusin", function (event) {
    var element = targetOf(event);
    if (element) {
      show(element);
    }
  });
  document.addEventListener("focusout", function (event) {
    if (owner && targetOf(event) === owner) {
      hide();
    }
  });
  document.addEventListener("keydown", function (event) {
    if (event.key === "Escape") {
      hide();
    }
  });
  // The tooltip is fixed to the window, so it follows its element when the page scrolls or resizes.
  var pending = false;
  function follow() {
    if (owner && !pending) {
      pending = true;
      window.requestAnimationFrame(function () {
        pending = false;
        if (owner) {
          place(owner, box);
        }
      });
    }
  }
  window.addEventListener("scroll", follow, { passive: true });
  window.addEventListener("resize", follow, { passive: true });
})();
