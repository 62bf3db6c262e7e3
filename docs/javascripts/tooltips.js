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
  var hideTimer = 0;

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

  // Below the element, centred on it, inside the window (without its scrollbar); above it if there
  // is no room below. The box is measured at the window's corner, where nothing narrows it.
  function place(element, tip) {
    var view = document.documentElement;
    var target = element.getBoundingClientRect();
    tip.style.left = "0";
    tip.style.top = "0";
    var width = tip.offsetWidth;
    var height = tip.offsetHeight;
    var left = target.left + target.width / 2 - width / 2;
    left = Math.max(MARGIN, Math.min(left, view.clientWidth - width - MARGIN));
    var top = target.bottom + GAP;
    if (top + height > view.clientHeight - MARGIN && target.top - GAP - height >= MARGIN) {
      top = target.top - GAP - height;
    }
    tip.style.left = left + "px";
    tip.style.top = top + "px";
  }

  // An element that was removed or hidden (a timeline filter hides events) no longer has a tooltip.
  function isShown(element) {
    return element.isConnected && element.getClientRects().length > 0;
  }

  function stay() {
    window.clearTimeout(hideTimer);
    hideTimer = 0;
  }

  function hideSoon() {
    stay();
    hideTimer = window.setTimeout(hide, LINGER);
  }

  function show(element) {
    stay();
    if (owner === element) {
      return;
    }
    hide();
    release();
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

  // Hides the box and forgets its element, which it returns; the element's title is still held back.
  function close() {
    stay();
    var element = owner;
    if (element) {
      element.removeAttribute("aria-describedby");
      owner = null;
      box.hidden = true;
    }
    return element;
  }

  function giveTitleBack(element) {
    element.setAttribute("title", element.getAttribute("data-snt-title"));
  }

  function hide() {
    var element = close();
    if (element) {
      giveTitleBack(element);
    }
  }

  // Escape hides the tooltip, and the element's title stays held back until both the pointer and the
  // focus have left it: given back at once, the browser would show it as its own tooltip (WCAG 1.4.13).
  var dismissed = null;

  function dismiss() {
    release();
    dismissed = close();
  }

  function release() {
    if (dismissed) {
      giveTitleBack(dismissed);
      dismissed = null;
    }
  }

  function releaseIfLeft() {
    if (dismissed && !dismissed.matches(":hover") && !dismissed.contains(document.activeElement)) {
      release();
    }
  }

  function targetOf(event) {
    return event.target instanceof Element ? event.target.closest(TARGETS) : null;
  }

  function onTooltip(node) {
    return box !== null && node instanceof Node && box.contains(node);
  }

  // Pointer events from a mouse or pen only: a tap focuses the element instead (below), and showing
  // content on a touch's emulated hover would make some phones swallow the tap on a link.
  function fromMouse(event) {
    return event.pointerType !== "touch";
  }

  document.addEventListener("pointerover", function (event) {
    if (!fromMouse(event)) {
      return;
    }
    var element = targetOf(event);
    if (element) {
      show(element);
    } else if (onTooltip(event.target)) {
      stay();
    }
  });
  document.addEventListener("pointerout", function (event) {
    if (!fromMouse(event)) {
      return;
    }
    var next = event.relatedTarget;
    var from = onTooltip(event.target) ? box : targetOf(event);
    var away = owner && (from === owner || from === box) && !owner.contains(next) && !onTooltip(next);
    // A tooltip shown for keyboard focus stays while the element keeps the focus.
    if (away && !owner.contains(document.activeElement)) {
      hideSoon();
    }
    if (dismissed && !dismissed.contains(next)) {
      window.setTimeout(releaseIfLeft);  // once :hover has moved on
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
    if (dismissed && targetOf(event) === dismissed) {
      window.setTimeout(releaseIfLeft);  // once the focus has moved on
    }
  });
  document.addEventListener("keydown", function (event) {
    if (event.key === "Escape") {
      dismiss();
    }
  });
  // The tooltip is fixed to the window, so it follows its element when the page scrolls or resizes.
  var pending = false;
  function follow() {
    if (owner && !pending) {
      pending = true;
      window.requestAnimationFrame(function () {
        pending = false;
        if (owner && isShown(owner)) {
          place(owner, box);
        } else {
          hide();
        }
      });
    }
  }
  document.addEventListener("scroll", follow, { passive: true, capture: true });  // also inside scrolling boxes
  window.addEventListener("resize", follow, { passive: true });
})();
