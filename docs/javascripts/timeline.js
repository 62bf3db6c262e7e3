// Timeline filters: theme, programme and order, kept in the address bar so a view can be shared.
// Without this script the page shows every event; the script only hides, reorders and counts.
(function () {
  "use strict";

  function choose(select, value) {
    var known = Array.prototype.some.call(select.options, function (o) { return o.value === value; });
    select.value = known ? value : select.options[0].value;
  }

  function hasWord(list, word) {
    return list.split(" ").indexOf(word) !== -1;
  }

  function setUp(root) {
    var form = root.querySelector("[data-timeline-controls]");
    var list = root.querySelector("[data-timeline-list]");
    var count = root.querySelector("[data-timeline-count]");
    var empty = root.querySelector("[data-timeline-empty]");
    var events = Array.prototype.slice.call(root.querySelectorAll(".tl-event"));
    var years = Array.prototype.slice.call(root.querySelectorAll(".tl-year"));
    var order = "oldest";

    function readAddress() {
      var query = new URLSearchParams(window.location.search);
      choose(form.theme, query.get("theme") || "");
      choose(form.programme, query.get("programme") || "");
      choose(form.order, query.get("order") || "oldest");
    }

    function writeAddress() {
      var query = new URLSearchParams(window.location.search);
      var values = { theme: form.theme.value, programme: form.programme.value,
                     order: form.order.value === "oldest" ? "" : form.order.value };
      Object.keys(values).forEach(function (key) {
        if (values[key]) { query.set(key, values[key]); } else { query.delete(key); }
      });
      var search = query.toString();
      var address = window.location.pathname + (search ? "?" + search : "") + window.location.hash;
      window.history.replaceState(window.history.state, "", address);
    }

    function reorder(wanted) {
      if (wanted === order) { return; }
      years.reverse();
      years.forEach(function (year) {
        var items = Array.prototype.slice.call(year.querySelectorAll(".tl-event")).reverse();
        items.forEach(function (item) { year.appendChild(item); });
        list.appendChild(year);
      });
      order = wanted;
    }

    function apply() {
      var theme = form.theme.value;
      var programme = form.programme.value;
      var shown = 0;
      events.forEach(function (event) {
        var match = (!theme || hasWord(event.dataset.themes, theme)) &&
                    (!programme || hasWord(event.dataset.programmes, programme));
        event.hidden = !match;
        if (match) { shown += 1; }
      });
      years.forEach(function (year) {
        var visible = year.querySelector(".tl-event:not([hidden])") !== null;
        year.hidden = !visible;
        var link = root.querySelector('[data-year-link="' + year.dataset.year + '"]');
        if (link) { link.classList.toggle("tl-year-empty", !visible); }
      });
      reorder(form.order.value);
      count.textContent = shown === events.length
        ? events.length + " events"
        : "Showing " + shown + " of " + events.length + " events";
      empty.hidden = shown > 0;
      writeAddress();
    }

    function revealTarget() {
      var id = decodeURIComponent(window.location.hash.slice(1));
      var target = id ? document.getElementById(id) : null;
      if (target && target.closest("[hidden]") && root.contains(target)) {
        choose(form.theme, "");
        choose(form.programme, "");
        apply();
        target.scrollIntoView();
      }
    }

    form.hidden = false;
    form.addEventListener("change", apply);
    form.addEventListener("submit", function (e) { e.preventDefault(); });
    form.addEventListener("reset", function () { window.setTimeout(apply, 0); });
    root.addEventListener("click", function (e) {
      var tag = e.target.closest("[data-filter-theme]");
      if (!tag) { return; }
      e.preventDefault();
      choose(form.theme, tag.dataset.filterTheme);
      apply();
      form.scrollIntoView({ block: "start" });
    });
    window.addEventListener("hashchange", revealTarget);
    readAddress();
    apply();
    revealTarget();
  }

  function start() {
    var root = document.querySelector("[data-timeline]");
    if (root && !root.dataset.ready) {
      root.dataset.ready = "true";
      setUp(root);
    }
  }

  if (document.readyState === "loading") {
    document.addEventListener("DOMContentLoaded", start);
  } else {
    start();
  }
})();
