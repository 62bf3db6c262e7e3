// Timeline filters: theme, programme and order, kept in the address bar so a view can be shared.
// Without this script the page shows its events and links each later year to its decade's page; the
// script hides, reorders and counts, and loads a later year's events when the reader reaches that year.
// Its words come from the page, in the page's language: the count element's data-showing-all and data-showing.
(function () {
  "use strict";

  // A phrase with {name} places, filled from `values` (a place without a value stays as it is).
  function fill(phrase, values) {
    return phrase.replace(/\{(\w+)\}/g, function (place, name) {
      return Object.prototype.hasOwnProperty.call(values, name) ? String(values[name]) : place;
    });
  }

  function choose(select, value) {
    var known = Array.prototype.some.call(select.options, function (o) { return o.value === value; });
    select.value = known ? value : select.options[0].value;
  }

  function hasWord(list, word) {
    return (" " + list + " ").indexOf(" " + word + " ") !== -1;
  }

  function toArray(list) {
    return Array.prototype.slice.call(list);
  }

  // Every event, loaded or not: {id, themes, programmes, year, element (null until loaded)}.
  function readEvents(root, years) {
    var events = [];
    years.forEach(function (year) {
      toArray(year.section.querySelectorAll(".tl-event")).forEach(function (element) {
        events.push({ id: element.id, themes: element.dataset.themes, programmes: element.dataset.programmes,
                      year: year, element: element });
      });
    });
    var index = root.querySelector("[data-timeline-index]");
    var deferred = index ? JSON.parse(index.textContent) : {};
    years.forEach(function (year) {
      (deferred[year.name] || []).forEach(function (entry) {
        events.push({ id: entry[0], themes: entry[1], programmes: entry[2], year: year, element: null });
      });
    });
    return events;
  }

  function setUp(root) {
    var form = root.querySelector("[data-timeline-controls]");
    var list = root.querySelector("[data-timeline-list]");
    var count = root.querySelector("[data-timeline-count]");
    var empty = root.querySelector("[data-timeline-empty]");
    var allShown = count.getAttribute("data-showing-all") || "{count} events";
    var someShown = count.getAttribute("data-showing") || "Showing {shown} of {total} events";
    var years = toArray(root.querySelectorAll(".tl-year")).map(function (section) {
      return { name: section.dataset.year, section: section, fragment: section.dataset.fragment || "",
               link: root.querySelector('[data-year-link="' + section.dataset.year + '"]'), loading: null };
    });
    var events = readEvents(root, years);
    var byId = {};
    events.forEach(function (event) { byId[event.id] = event; });
    var order = "oldest";
    var watcher = "IntersectionObserver" in window
      ? new IntersectionObserver(onSight, { rootMargin: "1000px 0px" }) : null;

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

    function matches(event) {
      var theme = form.theme.value;
      var programme = form.programme.value;
      return (!theme || hasWord(event.themes, theme)) && (!programme || hasWord(event.programmes, programme));
    }

    // Put one year's loaded events in the chosen order (they come oldest first from the page and fragments).
    function arrange(year) {
      var items = toArray(year.section.querySelectorAll(".tl-event"));
      var newestFirst = order === "newest";
      var sorted = items.slice().sort(function (a, b) {
        return newestFirst ? b.dataset.position - a.dataset.position : a.dataset.position - b.dataset.position;
      });
      if (sorted.some(function (item, i) { return item !== items[i]; })) {
        sorted.forEach(function (item) { year.section.appendChild(item); });
      }
    }

    function reorder(wanted) {
      if (wanted === order) { return; }
      order = wanted;
      years.reverse();
      years.forEach(function (year) { arrange(year); list.appendChild(year.section); });
    }

    function apply() {
      var shown = 0;
      var shownIn = {};
      events.forEach(function (event) {
        var match = matches(event);
        if (event.element) { event.element.hidden = !match; }
        if (match) {
          shown += 1;
          shownIn[event.year.name] = true;
        }
      });
      years.forEach(function (year) {
        var visible = shownIn[year.name] === true;
        year.section.hidden = !visible;
        if (year.link) { year.link.classList.toggle("tl-year-empty", !visible); }
      });
      reorder(form.order.value);
      count.textContent = shown === events.length
        ? fill(allShown, { count: events.length })
        : fill(someShown, { shown: shown, total: events.length });
      empty.hidden = shown > 0;
      writeAddress();
    }

    // Fetch a later year's events into its section; resolves once they are in the page.
    function load(year) {
      if (!year.fragment) { return Promise.resolve(); }
      if (!year.loading) {
        year.section.setAttribute("aria-busy", "true");
        year.loading = fetch(year.fragment).then(function (response) {
          if (!response.ok) { throw new Error("HTTP " + response.status + " for " + year.fragment); }
          return response.text();
        }).then(function (html) {
          var template = document.createElement("template");
          template.innerHTML = html;
          // The note that sent readers without scripts to the decade's page gives way to the events.
          toArray(year.section.querySelectorAll(".tl-deferred-note")).forEach(function (note) { note.remove(); });
          year.section.appendChild(template.content);
          year.fragment = "";
          toArray(year.section.querySelectorAll(".tl-event")).forEach(function (element, i) {
            element.dataset.position = i;
            if (byId[element.id]) { byId[element.id].element = element; }
          });
          year.section.classList.remove("tl-deferred");
          year.section.removeAttribute("aria-busy");
          if (watcher) { watcher.unobserve(year.section); }
          arrange(year);
          apply();
        }).catch(function (error) {
          year.loading = null;
          year.section.removeAttribute("aria-busy");
          throw error;
        });
      }
      return year.loading;
    }

    function onSight(entries) {
      entries.forEach(function (entry) {
        if (!entry.isIntersecting) { return; }
        var year = years.filter(function (y) { return y.section === entry.target; })[0];
        if (year && !year.section.hidden) { load(year); }
      });
    }

    function show(event) {
      var target = document.getElementById(event.id);
      if (target && target.closest("[hidden]") && root.contains(target)) {
        choose(form.theme, "");
        choose(form.programme, "");
        apply();
      }
      document.getElementById(event.id).scrollIntoView();
    }

    function revealTarget() {
      var id = decodeURIComponent(window.location.hash.slice(1));
      var event = id ? byId[id] : null;
      if (!event) { return; }
      if (!matches(event) || !event.element) {
        load(event.year).then(function () { show(event); });
      }
    }

    years.forEach(function (year) {
      toArray(year.section.querySelectorAll(".tl-event")).forEach(function (element, i) {
        element.dataset.position = i;
      });
      if (year.fragment && watcher) { watcher.observe(year.section); }
    });
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
