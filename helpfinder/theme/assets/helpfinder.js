/* Enhancements only: every page is complete without this script.
 * - "Ouvert maintenant" / "Fermé maintenant" next to places that give their hours;
 * - the filters of the directory, which hide the places that do not match and say how many
 *   are left in a live region (read out by screen readers). */
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
    return { open: false };
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
      status.textContent = state.open ? "Ouvert maintenant, jusqu'à " + clock(state.until) : "Fermé maintenant";
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

  function start() {
    var now = new Date();
    showOpenStatus(now);
    setUpFilters(now);
  }
  if (document.readyState === "loading") { document.addEventListener("DOMContentLoaded", start); } else { start(); }
})();
