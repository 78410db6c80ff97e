/* Enhancements only: every page is complete without this script.
 * - "Ouvert maintenant" / "Fermé maintenant" next to places that give their hours;
 * - the filters of the directory, which hide the places that do not match and say how many
 *   are left in a live region (read out by screen readers);
 * - in a pathway, the person's commune: chosen once (or given by the commune page's link as
 *   ?commune=INSEE), carried from step to step in the links, and used by the outcome page to
 *   list the places of that commune first, then the others by distance;
 * - the "Imprimer" button of the orientation sheet;
 * - the filter of a long list of communes (or of places by commune): typing part of a name,
 *   with or without accents, keeps the names that hold it and says how many are left;
 * - sortable tables (table[data-sortable]): each column heading becomes a button that sorts
 *   the rows by that column (numbers by their data-tri value), with aria-sort set. */
(function () {
  "use strict";
  var DAYS = ["dimanche", "lundi", "mardi", "mercredi", "jeudi", "vendredi", "samedi"];

  function readJson(element, name) {
    try { return JSON.parse(element.getAttribute(name) || "null"); } catch (e) { return null; }
  }

  function clock(minutes) {
    var h = Math.floor(minutes / 60), m = minutes % 60;
    return h + "\u00a0h" + (m ? "\u00a0" + (m < 10 ? "0" : "") + m : "");
  }

  function isoDay(now) {
    var m = now.getMonth() + 1, d = now.getDate();
    return now.getFullYear() + "-" + (m < 10 ? "0" : "") + m + "-" + (d < 10 ? "0" : "") + d;
  }

  /* null when the hours are unknown; else {open: bool, until: minutes} */
  function openNow(holder, now) {
    var hours = readJson(holder, "data-horaires");
    if (!hours || !Object.keys(hours).length) { return null; }
    var today = isoDay(now);
    var closures = readJson(holder, "data-fermetures") || [];
    for (var i = 0; i < closures.length; i++) {
      if (closures[i][0] <= today && today <= closures[i][1]) { return { open: false }; }
    }
    var minutes = now.getHours() * 60 + now.getMinutes();
    var ranges = hours[DAYS[now.getDay()]] || [];
    for (var j = 0; j < ranges.length; j++) {
      if (ranges[j][0] <= minutes && minutes < ranges[j][1]) { return { open: true, until: ranges[j][1] }; }
    }
    return { open: false, today: ranges };
  }

  function showOpenStatus(now) {
    var places = document.querySelectorAll(".hf-card, .hf-place");
    for (var i = 0; i < places.length; i++) {
      var holder = places[i];
      var status = holder.classList.contains("hf-place")
        ? document.querySelector(".hf-lead [data-open-status]")
        : holder.querySelector("[data-open-status]");
      var state = openNow(holder, now);
      if (!status || !state) { continue; }
      var today = (state.today || []).map(function (r) { return clock(r[0]) + " – " + clock(r[1]); });
      status.textContent = state.open ? "Ouvert maintenant, jusqu'à " + clock(state.until)
        : "Fermé maintenant" + (today.length ? " (aujourd'hui : " + today.join(" et ") + ")" : "");
      status.className = "hf-open " + (state.open ? "hf-open--yes" : "hf-open--no");
      status.hidden = false;
    }
  }

  function setUpFilters(now) {
    var form = document.querySelector("[data-filters]");
    var list = document.querySelector("[data-filter-list]");
    if (!form || !list) { return; }
    var status = form.querySelector("[data-filter-status]");
    function value(name) {
      var field = form.elements[name];
      if (!field) { return ""; }
      return field.type === "checkbox" ? (field.checked ? "oui" : "") : field.value;
    }
    function apply() {
      var service = value("service"), commune = value("commune"), audience = value("public");
      var free = value("gratuit"), open = value("ouvert");
      var cards = list.querySelectorAll(".hf-card"), shown = 0;
      for (var i = 0; i < cards.length; i++) {
        var card = cards[i], publics = readJson(card, "data-publics") || [];
        var ok = (!service || (readJson(card, "data-services") || []).indexOf(service) >= 0) &&
          (!commune || (readJson(card, "data-communes") || []).indexOf(commune) >= 0) &&
          (!audience || !publics.length || publics.indexOf(audience) >= 0) &&
          (!free || card.getAttribute("data-gratuit") === "oui");
        if (ok && open) { var state = openNow(card, now); ok = !!(state && state.open); }
        card.hidden = !ok;
        if (ok) { shown++; }
      }
      var groups = list.querySelectorAll("[data-group]");
      for (var g = 0; g < groups.length; g++) {
        groups[g].hidden = !groups[g].querySelector(".hf-card:not([hidden])");
      }
      status.textContent = shown === 0 ? "Aucun lieu ne correspond."
        : shown === 1 ? "1 lieu correspond." : shown + " lieux correspondent.";
    }
    form.addEventListener("change", apply);
    form.addEventListener("submit", function (event) { event.preventDefault(); apply(); });
    form.hidden = false;
  }

  // A name as people type it: no accents, one kind of separator, « St » for « Saint ».
  function fold(text) {
    return text.normalize("NFD").replace(/[\u0300-\u036f]/g, "").toLowerCase()
      .replace(/[\s\-'’_]+/g, " ").trim().split(" ")
      .map(function (w) { return w === "st" ? "saint" : w === "ste" ? "sainte" : w; })
      .join(" ");
  }

  function setUpNameFilter() {
    var box = document.querySelector("[data-name-filter]");
    var list = document.querySelector("[data-name-list]");
    if (!box || !list) { return; }
    var input = box.querySelector("[data-name-filter-input]");
    var status = box.querySelector("[data-name-filter-status]");
    var items = Array.prototype.slice.call(list.querySelectorAll("[data-name-item]"));
    var names = items.map(function (item) { return fold(item.getAttribute("data-name") || ""); });
    var groups = list.querySelectorAll("[data-letter-group]");
    var one = box.getAttribute("data-one"), many = box.getAttribute("data-many");
    var letters = document.querySelector("[data-az-index]");  // its letters lead nowhere while filtering
    function apply() {
      var words = fold(input.value).split(" ").filter(Boolean), shown = 0;
      items.forEach(function (item, i) {
        var ok = words.every(function (w) { return names[i].indexOf(w) >= 0; });
        item.hidden = !ok;
        if (ok) { shown++; }
      });
      for (var g = 0; g < groups.length; g++) {
        groups[g].hidden = !groups[g].querySelector("[data-name-item]:not([hidden])");
      }
      if (letters) { letters.hidden = words.length > 0; }
      status.textContent = !words.length ? ""
        : shown === 0 ? "Aucune " + one + " ne correspond."
        : shown === 1 ? "1 " + one + " correspond." : shown + " " + many + " correspondent.";
    }
    input.addEventListener("input", apply);
    box.hidden = false;
  }

  function km(a, b) {
    var rad = Math.PI / 180, dLat = (b[0] - a[0]) * rad, dLon = (b[1] - a[1]) * rad;
    var h = Math.pow(Math.sin(dLat / 2), 2) +
      Math.cos(a[0] * rad) * Math.cos(b[0] * rad) * Math.pow(Math.sin(dLon / 2), 2);
    return 2 * 6371.0088 * Math.asin(Math.min(1, Math.sqrt(h)));
  }

  function kmText(d) {
    if (d < 0.1) { return "à moins de 100 m"; }
    return "à " + (d >= 10 ? Math.round(d) : d.toFixed(1).replace(".", ",")) + "\u00a0km";
  }

  function communeFromUrl() {
    var found = /[?&]commune=([0-9AB]{5})(?:&|$)/.exec(window.location.search);
    return found ? found[1] : "";
  }

  function keepCommune(code) {
    var links = document.querySelectorAll("a[data-keep-commune]");
    for (var i = 0; i < links.length; i++) {
      var href = links[i].getAttribute("href").replace(/\?commune=[0-9AB]{5}/, "");
      var hash = href.indexOf("#");
      var path = hash >= 0 ? href.slice(0, hash) : href, anchor = hash >= 0 ? href.slice(hash) : "";
      links[i].setAttribute("href", path + (code ? "?commune=" + code : "") + anchor);
    }
  }

  function setUpPathway() {
    if (!document.querySelector("[data-pathway]")) { return; }
    var code = communeFromUrl();
    var choice = document.querySelector("[data-commune-choice]");
    if (choice) {
      var select = choice.querySelector("select");
      if (code) { select.value = code; }
      select.addEventListener("change", function () {
        code = select.value;
        var url = window.location.pathname + (code ? "?commune=" + code : "") + window.location.hash;
        window.history.replaceState(null, "", url);
        keepCommune(code);
      });
      choice.hidden = false;
    }
    keepCommune(code);
    sortOutcome(code);
  }

  function sortOutcome(code) {
    var holder = document.querySelector("[data-outcome-groups]");
    if (!holder || !code) { return; }
    var communes = readJson(holder, "data-communes") || [], chosen = null;
    for (var i = 0; i < communes.length; i++) { if (communes[i].code === code) { chosen = communes[i]; } }
    if (!chosen) { return; }
    var groups = Array.prototype.slice.call(holder.querySelectorAll("[data-group]"));
    groups.forEach(function (group) {
      var best = group.getAttribute("data-commune") === code ? 0 : km(chosen.position, readJson(group, "data-position"));
      var cards = group.querySelectorAll(".hf-card");
      for (var c = 0; c < cards.length; c++) {
        var position = readJson(cards[c], "data-position"), label = cards[c].querySelector("[data-distance]");
        if (!position || !label) { continue; }
        var d = km(chosen.position, position);
        best = Math.min(best, d);
        label.textContent = kmText(d) + " du centre " + chosen.de;
        label.hidden = false;
      }
      group.setAttribute("data-km", String(best));
      var note = group.querySelector("[data-group-note]");
      if (note && group.getAttribute("data-commune") === code) { note.textContent = "(votre commune)"; }
    });
    groups.sort(function (a, b) { return Number(a.getAttribute("data-km")) - Number(b.getAttribute("data-km")); });
    groups.forEach(function (group) { holder.appendChild(group); });
    var message = document.querySelector("[data-nearest-note]");
    if (message) {
      message.textContent = "Les lieux sont classés du plus proche au plus loin " + chosen.de + ".";
      message.hidden = false;
    }
    var shown = document.querySelectorAll("[data-commune-shown]");
    for (var s = 0; s < shown.length; s++) { shown[s].textContent = "· Commune : " + chosen.nom; shown[s].hidden = false; }
  }

  function setUpPrint() {
    var buttons = document.querySelectorAll("[data-print]");
    for (var i = 0; i < buttons.length; i++) {
      buttons[i].addEventListener("click", function () { window.print(); });
      buttons[i].hidden = false;
    }
  }

  function cellValue(row, column) {
    var cell = row.children[column];
    if (!cell) { return ""; }
    var sortKey = cell.getAttribute("data-tri");
    return sortKey !== null ? parseFloat(sortKey) : cell.textContent.trim().toLowerCase();
  }

  function sortTable(table, column, heading) {
    var body = table.tBodies[0];
    var ascending = heading.getAttribute("aria-sort") !== "ascending";
    var rows = Array.prototype.slice.call(body.rows);
    rows.sort(function (a, b) {
      var x = cellValue(a, column), y = cellValue(b, column);
      var order = typeof x === "number" && typeof y === "number" ? x - y : String(x).localeCompare(String(y), "fr");
      return ascending ? order : -order;
    });
    rows.forEach(function (row) { body.appendChild(row); });
    var headings = table.tHead.rows[0].cells;
    for (var i = 0; i < headings.length; i++) { headings[i].removeAttribute("aria-sort"); }
    heading.setAttribute("aria-sort", ascending ? "ascending" : "descending");
  }

  function setUpSortableTables() {
    var tables = document.querySelectorAll("table[data-sortable]");
    Array.prototype.forEach.call(tables, function (table) {
      if (!table.tHead || !table.tBodies.length) { return; }
      var headings = table.tHead.rows[0].cells;
      Array.prototype.forEach.call(headings, function (heading, column) {
        var button = document.createElement("button");
        button.type = "button";
        button.className = "hf-sort";
        button.textContent = heading.textContent;
        button.title = "Trier par cette colonne";
        button.addEventListener("click", function () { sortTable(table, column, heading); });
        heading.textContent = "";
        heading.appendChild(button);
      });
      var hint = document.createElement("p");
      hint.className = "hf-small";
      hint.textContent = "Pour trier le tableau, choisissez le titre d'une colonne.";
      table.parentNode.insertBefore(hint, table);
    });
  }

  // The pathway diagrams, drawn by the site's own copy of Mermaid (not Material's, which
  // renders labels as HTML): strict security, labels as SVG text only, and the settings that
  // change the look or the security out of reach of a directive written in the data.
  var DIAGRAM_LOCKED = ["secure", "securityLevel", "startOnLoad", "maxTextSize", "maxEdges",
    "htmlLabels", "flowchart", "theme", "themeCSS", "themeVariables", "fontFamily", "darkMode",
    "look", "layout", "elk", "markdownAutoWrap", "dompurifyConfig", "suppressErrorRendering"];

  function setUpDiagrams() {
    var sources = document.querySelectorAll("pre[data-diagram]");
    if (!sources.length || !window.mermaid || !window.mermaid.render) { return; }
    window.mermaid.initialize({
      startOnLoad: false, securityLevel: "strict", htmlLabels: false,
      flowchart: { htmlLabels: false, useMaxWidth: false }, theme: "neutral",
      fontFamily: "inherit", secure: DIAGRAM_LOCKED
    });
    Array.prototype.forEach.call(sources, function (source, number) {
      window.mermaid.render("hf-diagram-" + number, source.textContent).then(function (drawn) {
        var holder = document.createElement("div");
        holder.className = "hf-diagram-drawn";
        holder.setAttribute("role", "img");
        holder.tabIndex = 0;  // a wide diagram scrolls sideways, with the keyboard too
        holder.setAttribute("aria-label", "Schéma du parcours. Le même parcours est écrit en texte plus bas.");
        holder.innerHTML = drawn.svg;
        source.replaceWith(holder);
      });
    });
  }

  function start() {
    var now = new Date();
    showOpenStatus(now);
    setUpFilters(now);
    setUpNameFilter();
    setUpPathway();
    setUpPrint();
    setUpSortableTables();
    setUpDiagrams();
  }
  if (document.readyState === "loading") { document.addEventListener("DOMContentLoaded", start); } else { start(); }
})();
