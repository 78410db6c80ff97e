/* The map: loads the GeoJSON files of donnees/, groups the markers, shades the communes by
 * digital fragility, and keeps the map and the list under it in step with the service filter.
 * Every text from the data is put in the page with textContent, never as HTML. */
(function () {
  "use strict";

  var CLASSES = [];  // set by start(): the same classes as the legend of the page
  var DISTANCES = [];  // likewise, for the distance to the nearest place

  function element(tag, text, attributes) {
    var node = document.createElement(tag);
    if (text) { node.textContent = text; }
    Object.keys(attributes || {}).forEach(function (name) { node.setAttribute(name, attributes[name]); });
    return node;
  }

  function siteUrl(root, url) { return root + url; }

  function placePopup(properties, root) {
    var box = element("div", "", { "class": "hf-popup" });
    var title = element("p", "", { "class": "hf-popup__title" });
    title.appendChild(element("a", properties.nom, { href: siteUrl(root, properties.url) }));
    box.appendChild(title);
    var where = properties.type === "permanence"
      ? "Permanence " + properties.a_commune + (properties.lieu ? " : " + properties.lieu : "") +
        (properties.frequence ? " (" + properties.frequence + ")" : "")
      : properties.commune;
    box.appendChild(element("p", where));
    if (properties.telephone) {
      var phone = element("p", "Tél. ");
      phone.appendChild(element("a", properties.telephone, { href: "tel:" + properties.telephone.replace(/\s/g, "") }));
      box.appendChild(phone);
    }
    var services = element("ul");
    (properties.services || []).forEach(function (s) { services.appendChild(element("li", s)); });
    box.appendChild(services);
    return box;
  }

  function communePopup(properties, root) {
    var box = element("div", "", { "class": "hf-popup" });
    var title = element("p", "", { "class": "hf-popup__title" });
    title.appendChild(element("a", properties.nom, { href: siteUrl(root, properties.url) }));
    box.appendChild(title);
    if (!properties.scores.length) { box.appendChild(element("p", "Pas d'indice de fragilité.")); }
    properties.scores.forEach(function (s) {
      box.appendChild(element("p", "Indice de fragilité" + (properties.scores.length > 1 ? " (quartier " + s.iris + ")" : "") + " : " + s.score));
    });
    box.appendChild(element("p", properties.aide_km === null || properties.aide_km === undefined
      ? "Aucun lieu d'aide." : "Lieu le plus proche : " + String(properties.aide_km).replace(".", ",") + " km."));
    return box;
  }

  function colorOf(score, classes, inclusive) {
    if (score === null || score === undefined) { return classes === DISTANCES ? classes[classes.length - 1].color : "#cccccc"; }
    for (var i = 0; i < classes.length; i++) {
      if (classes[i].max === null || score < classes[i].max || (inclusive && score === classes[i].max)) { return classes[i].color; }
    }
    return "#cccccc";
  }

  function marker(feature, root) {
    var p = feature.properties, c = feature.geometry.coordinates;
    var kind = p.type === "permanence" ? "permanence" : "lieu";
    var label = p.nom + (kind === "permanence" ? ", permanence " + p.a_commune : ", " + p.commune);
    var m = L.marker([c[1], c[0]], {
      icon: L.divIcon({ className: "hf-marker hf-marker--" + kind, iconSize: [22, 22] }),
      keyboard: true,
      title: label
    });
    m.bindPopup(function () { return placePopup(p, root); });
    m.on("add", function () {
      var node = m.getElement();
      if (node) { node.setAttribute("aria-label", label); }
    });
    m.services = p.services || [];
    m.kind = kind;
    return m;
  }

  // What the map shows, in words: places and permanences are counted apart (a permanence
  // is one more stop of a place, not one more place).
  function counted(shown) {
    if (!shown.length) { return "Aucun lieu sur la carte."; }
    var stops = shown.filter(function (m) { return m.kind === "permanence"; }).length;
    var places = shown.length - stops, parts = [];
    if (places) { parts.push(places === 1 ? "1 lieu" : places + " lieux"); }
    if (stops) { parts.push(stops === 1 ? "1 permanence" : stops + " permanences"); }
    return parts.join(" et ") + " sur la carte.";
  }

  function load(source) {
    // A file of donnees/ (the big map), or the data itself (a commune's small map).
    if (typeof source !== "string") { return Promise.resolve(source); }
    if (window.location.protocol === "file:") { return loadScript(source + ".js", source); }
    return fetch(source).then(function (response) {
      if (!response.ok) { throw new Error(source + " : " + response.status); }
      return response.json();
    });
  }

  // Opened from the disk (the offline copy), a browser refuses fetch(): each GeoJSON file
  // has a twin .js that hands the same data to window.helpfinderData.
  function loadScript(url, key) {
    return new Promise(function (resolve, reject) {
      var tag = document.createElement("script");
      tag.src = url;
      tag.onload = function () {
        var name = key.split("/").pop();
        var data = (window.helpfinderData || {})[name];
        if (data) { resolve(data); } else { reject(new Error(url)); }
      };
      tag.onerror = function () { reject(new Error(url)); };
      document.head.appendChild(tag);
    });
  }

  window.helpfinderMap = {
    start: function (map, tiles, options) {
      CLASSES = options.classes || [];
      DISTANCES = options.distances || [];
      if (options.bounds) { map.fitBounds(options.bounds, { maxZoom: 13 }); }
      var page = document.querySelector("[data-map-page]") || document;
      var failure = page.querySelector("[data-map-tiles-error]");
      tiles.once("tileerror", function () { if (failure) { failure.hidden = false; } });
      var layers = L.control.layers(null, null, { collapsed: false }).addTo(map);
      var cluster = L.markerClusterGroup({ showCoverageOnHover: false, maxClusterRadius: 40 });
      var markers = [];
      var status = page.querySelector("[data-map-status]");
      var select = page.querySelector("[data-map-filter]");

      function apply() {
        // Looked up now: start() runs from a script placed before the list in the page.
        var list = page.querySelector("[data-map-list]");
        var service = select ? select.value : "";
        cluster.clearLayers();
        var shown = markers.filter(function (m) { return !service || m.services.indexOf(service) >= 0; });
        cluster.addLayers(shown);
        if (list) {
          list.querySelectorAll("li[data-services]").forEach(function (item) {
            var services = JSON.parse(item.getAttribute("data-services"));
            item.hidden = !!service && services.indexOf(service) < 0;
          });
        }
        if (status) { status.textContent = counted(shown); }
      }

      if (options.communes) {
        load(options.communes).then(function (data) {
          var shading = L.geoJSON(data, {
            style: function (f) {
              return { color: "#555", weight: 1, fillColor: colorOf(f.properties.score, CLASSES, false), fillOpacity: 0.45 };
            },
            onEachFeature: function (f, layer) { layer.bindPopup(function () { return communePopup(f.properties, options.root); }); }
          }).addTo(map);
          shading.bringToBack();
          layers.addOverlay(shading, "Fragilité numérique des communes");
          if (DISTANCES.length) {
            // Off at first: one shading at a time reads best; the layer control switches.
            var distance = L.geoJSON(data, {
              style: function (f) {
                return { color: "#555", weight: 1, fillColor: colorOf(f.properties.aide_km, DISTANCES, true), fillOpacity: 0.55 };
              },
              onEachFeature: function (f, layer) { layer.bindPopup(function () { return communePopup(f.properties, options.root); }); }
            });
            layers.addOverlay(distance, "Distance au lieu le plus proche");
          }
          if (options.focus) {
            shading.eachLayer(function (layer) {
              if (layer.feature.properties.code === options.focus) { map.fitBounds(layer.getBounds()); }
            });
          }
        }).catch(function () { if (failure) { failure.hidden = false; } });
      }
      load(options.places).then(function (data) {
        markers = data.features.map(function (f) { return marker(f, options.root); });
        cluster.addTo(map);
        layers.addOverlay(cluster, "Lieux et permanences");
        if (select) { select.addEventListener("change", apply); select.closest("[hidden]") && (select.closest("[hidden]").hidden = false); }
        apply();
        page.setAttribute("data-map-ready", "oui");
      }).catch(function () { if (failure) { failure.hidden = false; } });
    }
  };
})();
