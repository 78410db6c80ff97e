/* « Proposer un lieu » : the form builds a place record (YAML) in the browser and checks the
   obvious mistakes as the person types. Nothing is sent anywhere: the person copies the
   record, saves it, opens the repository's "new file" page with it, or e-mails it.
   Without JavaScript the page shows a blank record to copy instead (the form stays hidden).
   Every text goes into the page through textContent: nothing typed is ever read as HTML. */
(function () {
  "use strict";

  var root = document.getElementById("hf-proposer");
  var dataNode = document.getElementById("hf-proposer-donnees");
  if (!root || !dataNode) return;
  var config = JSON.parse(dataNode.textContent);
  // The validator's own rules (helpfinder/core/textrules.py): the form accepts exactly what
  // `make validate` accepts.
  var RULES = {};
  Object.keys(config.regles).forEach(function (name) {
    if (typeof config.regles[name] === "string" && name !== "interdit") {
      RULES[name] = new RegExp("^(?:" + config.regles[name] + ")$", "u");
    }
  });
  var FORBIDDEN = new RegExp(config.regles.interdit, "u");
  var WEEKDAYS = ["lundi", "mardi", "mercredi", "jeudi", "vendredi", "samedi", "dimanche"];
  var LABELS = {
    nom: "Nom", commune: "Commune", code_postal: "Code postal", adresse: "Adresse",
    telephone: "Téléphone", courriels: "Adresse électronique", site_web: "Site web",
    complement_adresse: "Pour trouver l'entrée", presentation_resume: "En une ou deux phrases",
    services: "Ce que l'on peut y faire", source: "Qui a donné les informations",
    date_maj: "Date de vérification"
  };
  // The form's order: problems are listed, and the first one focused, top to bottom.
  var ORDER = ["nom", "commune", "code_postal", "adresse", "complement_adresse", "telephone",
    "courriels", "site_web"].concat(WEEKDAYS, ["presentation_resume", "services", "source", "date_maj"]);
  WEEKDAYS.forEach(function (day) { LABELS[day] = "Horaires du " + day; });
  var touched = {};
  var showAll = false;

  function fold(text) {
    return text.normalize("NFKD").replace(/[\u0300-\u036f]/g, "").toLowerCase()
      .replace(/[\s_\-’'`]+/g, " ").trim();
  }

  function slugify(text) {
    return text.normalize("NFKD").replace(/[\u0300-\u036f]/g, "").toLowerCase()
      .replace(/[^a-z0-9]+/g, "-").replace(/^-+|-+$/g, "");
  }

  function clock(minutes) {
    var h = Math.floor(minutes / 60), m = minutes % 60;
    return (h < 10 ? "0" : "") + h + ":" + (m < 10 ? "0" : "") + m;
  }

  /* The same rules as helpfinder/core/hours.py: HH:MM-HH:MM ranges, in order, not overlapping. */
  function parseDay(text) {
    text = text.trim();
    if (text === "" || fold(text) === "ferme") return { ranges: [] };
    var ranges = [];
    var parts = text.split(",");
    for (var i = 0; i < parts.length; i++) {
      var part = parts[i].trim();
      var match = /^(\d{2}):(\d{2})-(\d{2}):(\d{2})$/.exec(part);
      if (!match) {
        var hint = looseSuggestion(text);
        return { error: "« " + part + " » n'est pas au format HH:MM-HH:MM (exemple : 08:30-12:00)" +
          (hint ? " ; vouliez-vous dire « " + hint + " » ?" : ""), suggestion: hint };
      }
      var h1 = +match[1], m1 = +match[2], h2 = +match[3], m2 = +match[4];
      if (h1 > 23 || h2 > 24 || m1 > 59 || m2 > 59 || (h2 === 24 && m2)) {
        return { error: "« " + part + " » n'est pas une heure valide" };
      }
      var start = h1 * 60 + m1, end = h2 * 60 + m2;
      if (start >= end) return { error: "« " + part + " » : l'heure de fin doit suivre le début" };
      ranges.push([start, end]);
    }
    for (var j = 1; j < ranges.length; j++) {
      var a = ranges[j - 1], b = ranges[j];
      if (b[0] < a[1] && a[0] < b[1]) {
        return { error: "les plages " + clock(a[0]) + "-" + clock(a[1]) + " et " + clock(b[0]) +
          "-" + clock(b[1]) + " se chevauchent" };
      }
      if (b[0] < a[0]) return { error: "écrivez les plages dans l'ordre de la journée" };
    }
    return { ranges: ranges };
  }

  function looseSuggestion(text) {
    var parts = text.trim().split(/\s*(?:,|;|\/|\bet\b)\s*/);
    var fixed = [];
    var loose = /^\s*(?:de\s+)?(\d{1,2})\s*[h:.]\s*(\d{2})?\s*(?:-|–|à|a)\s*(\d{1,2})\s*(?:[h:.]\s*(\d{2})?)?\s*$/i;
    for (var i = 0; i < parts.length; i++) {
      var m = loose.exec(parts[i]);
      if (!m) return null;
      fixed.push((m[1].length < 2 ? "0" : "") + m[1] + ":" + (m[2] || "00") + "-" +
        (m[3].length < 2 ? "0" : "") + m[3] + ":" + (m[4] || "00"));
    }
    var suggestion = fixed.join(", ");
    return parseDay(suggestion).error ? null : suggestion;
  }

  function phone(text) {
    var compact = text.replace(/[\s.\-()]/g, "");
    if (RULES.telephone_fr.test(compact)) return { value: "+33" + compact.slice(1) };
    if (RULES.telephone.test(compact)) return { value: compact };
    return { error: "écrivez un numéro à 10 chiffres, par exemple " + config.exemples.telephone };
  }

  /* A character the validator refuses (a control, a right-to-left override…): named by its
     code, since it cannot be seen. */
  function invisible(character) {
    var code = character.codePointAt(0), kind = "caractère interdit";
    config.regles.noms_interdits.forEach(function (range) {
      if (range.de <= code && code <= range.a) kind = range.nom;
    });
    var hex = code.toString(16).toUpperCase();
    return "contient un caractère invisible interdit : U+" + ("0000" + hex).slice(-Math.max(4, hex.length)) +
      " (" + kind + ") ; retapez le texte sans le copier-coller";
  }

  function findCommune(text) {
    var wanted = fold(text);
    for (var i = 0; i < config.communes.length; i++) {
      var c = config.communes[i];
      if (c.code === text.trim() || fold(c.nom) === wanted) return c;
    }
    return null;
  }

  function field(name) { return root.querySelector('[data-champ="' + name + '"]'); }
  function value(name) { var node = field(name); return node ? node.value.trim() : ""; }

  function today() {
    var now = new Date();
    return now.getFullYear() + "-" + String(now.getMonth() + 1).padStart(2, "0") + "-" +
      String(now.getDate()).padStart(2, "0");
  }

  /* The record and the problems, by field (the form's ids: nom, lundi, services…). */
  function read() {
    var record = {}, errors = {};
    function need(name) { if (!value(name)) errors[name] = "à remplir"; }
    ["nom", "adresse", "source"].forEach(function (name) {
      need(name);
      if (value(name)) record[name] = value(name);
    });
    var commune = null;
    if (!value("commune")) errors.commune = "à remplir";
    else if (config.communes.length) {
      commune = findCommune(value("commune"));
      if (!commune) errors.commune = "« " + value("commune") + " » n'est pas une commune du territoire";
    }
    var postal = value("code_postal");
    if (!postal && commune) postal = commune.cp[0];
    if (!postal) errors.code_postal = "à remplir";
    else if (!RULES.code_postal.test(postal)) {
      errors.code_postal = "5 chiffres" + (config.exemples.code_postal ? ", par exemple " + config.exemples.code_postal : "");
    }
    else if (commune && commune.cp.indexOf(postal) < 0) {
      errors.code_postal = "le code postal de " + commune.nom + " est " + commune.cp.join(" ou ");
    }
    record.commune = commune ? commune.nom : value("commune");
    if (postal) record.code_postal = postal;
    if (commune) record.code_insee = commune.code;
    if (value("complement_adresse")) record.complement_adresse = value("complement_adresse");
    if (value("telephone")) {
      var p = phone(value("telephone"));
      if (p.error) errors.telephone = p.error; else record.telephone = [p.value];
    }
    if (value("courriels")) {
      if (RULES.courriel.test(value("courriels"))) record.courriels = [value("courriels")];
      else errors.courriels = "une adresse comme accueil@exemple.fr";
    }
    if (value("site_web")) {
      var url = value("site_web");
      if (!/^https?:\/\//i.test(url)) url = "https://" + url;
      if (RULES.url.test(url)) record.site_web = [url];
      else errors.site_web = "une adresse comme https://www.exemple.fr";
    }
    var hours = {};
    WEEKDAYS.forEach(function (day) {
      var text = root.querySelector('[data-jour="' + day + '"]').value.trim();
      if (!text) return;
      var parsed = parseDay(text);
      if (parsed.error) errors[day] = parsed.error;
      else if (parsed.ranges.length) {
        hours[day] = parsed.ranges.map(function (r) { return clock(r[0]) + "-" + clock(r[1]); }).join(", ");
      }
    });
    if (Object.keys(hours).length) record.horaires = hours;
    if (value("presentation_resume")) record.presentation_resume = value("presentation_resume");
    var day = value("date_maj");
    if (!day) errors.date_maj = "à remplir";
    else if (day > today()) errors.date_maj = "la date de vérification ne peut pas être dans le futur";
    else record.date_maj = day;
    var services = checked("[data-service]");
    if (!services.length) errors.services = "cochez au moins une case";
    else record.services = services;
    var fees = checked("[data-frais]");
    if (fees.length) record.frais_a_charge = fees;
    if (value("rendez_vous")) record.rendez_vous = value("rendez_vous");
    record.profil = (root.querySelector("[data-profil]:checked") || {}).value || "mediation";
    ORDER.forEach(function (name) {
      var node = inputOf(name);
      var found = node && node.value ? FORBIDDEN.exec(node.value) : null;
      if (found) errors[name] = invisible(found[0]);
    });
    record.id = slugify((record.nom || "") + " " + (record.commune || "")).slice(0, 80).replace(/-+$/, "");
    return { record: record, errors: errors };
  }

  function checked(selector) {
    return Array.prototype.filter.call(root.querySelectorAll(selector), function (box) {
      return box.checked;
    }).map(function (box) { return box.value; });
  }

  /* YAML the validator reads: texts in double quotes (JSON's escaping is valid YAML). */
  function toYaml(record) {
    var lines = [config.schema,
      "# Fiche proposée avec le formulaire du site le " + today() + " : à relire avant de l'ajouter."];
    lines.push("id: " + record.id);
    config.champs.forEach(function (name) {
      var item = record[name];
      if (item === undefined) return;
      if (Array.isArray(item)) {
        lines.push(name + ":");
        item.forEach(function (entry) { lines.push("  - " + JSON.stringify(entry)); });
      } else if (typeof item === "object") {
        lines.push(name + ":");
        Object.keys(item).forEach(function (key) { lines.push("  " + key + ": " + JSON.stringify(item[key])); });
      } else if (name === "date_maj" || name === "profil") {
        lines.push(name + ": " + item);
      } else {
        lines.push(name + ": " + JSON.stringify(item));
      }
    });
    return lines.join("\n") + "\n";
  }

  function errorNode(name) {
    var id = name === "services" ? "hf-p-services-err" : "hf-p-" + name + "-err";
    return document.getElementById(id);
  }

  function inputOf(name) {
    return field(name) || root.querySelector('[data-jour="' + name + '"]');
  }

  function render() {
    var result = read();
    ORDER.forEach(function (name) {
      var node = errorNode(name);
      if (!node) return;
      var message = result.errors[name];
      var visible = message && (showAll || touched[name]);
      node.hidden = !visible;
      node.textContent = visible ? message : "";
      var input = inputOf(name);
      if (input) {
        if (visible) input.setAttribute("aria-invalid", "true");
        else input.removeAttribute("aria-invalid");
      }
    });
    var yaml = toYaml(result.record);
    document.getElementById("hf-p-yaml").textContent = yaml;
    var state = { yaml: yaml, record: result.record, errors: result.errors };
    updateLinks(state);
    return state;
  }

  function status(text) { document.getElementById("hf-p-etat").textContent = text; }

  function ready() {
    showAll = true;
    var state = render();
    var wrong = ORDER.filter(function (name) { return state.errors[name]; });
    if (!wrong.length) return state;
    status("La fiche n'est pas encore prête : " + wrong.length + (wrong.length > 1 ? " points" : " point") +
      " à corriger (" + wrong.map(function (n) { return LABELS[n] || n; }).join(", ") + ").");
    var first = inputOf(wrong[0]) || root.querySelector("[data-service]");
    if (first) first.focus();
    return null;
  }

  function copy(text) {
    if (navigator.clipboard && window.isSecureContext) return navigator.clipboard.writeText(text);
    var range = document.createRange();
    range.selectNodeContents(document.getElementById("hf-p-yaml"));
    var selection = window.getSelection();
    selection.removeAllRanges();
    selection.addRange(range);
    var done = document.execCommand && document.execCommand("copy");
    return done ? Promise.resolve() : Promise.reject(new Error("copie refusée"));
  }

  root.addEventListener("input", function (event) {
    var name = event.target.getAttribute("data-champ") || event.target.getAttribute("data-jour");
    if (name) touched[name] = true;
    if (event.target.hasAttribute("data-service")) touched.services = true;
    render();
  });
  root.addEventListener("change", function () { render(); });

  /* The action links lead where the record goes once it is ready; before, to the status
     line, and a click lists what to correct. */
  var blobUrl = null;
  function updateLinks(state) {
    var ok = !Object.keys(state.errors).length;
    var file = state.record.id + ".yml";
    if (blobUrl) URL.revokeObjectURL(blobUrl);
    blobUrl = ok ? URL.createObjectURL(new Blob([state.yaml], { type: "text/yaml" })) : null;
    var targets = {
      telecharger: blobUrl,
      depot: !config.nouveau_fichier ? null : config.forge === "github"
        ? config.nouveau_fichier + "?filename=" + encodeURIComponent(file) + "&value=" + encodeURIComponent(state.yaml)
        : config.nouveau_fichier + "?file_name=" + encodeURIComponent(file),
      courriel: !config.courriel ? null : "mailto:" + encodeURIComponent(config.courriel).replace(/%40/g, "@") +
        "?subject=" + encodeURIComponent("Nouvelle fiche : " + (state.record.nom || "")) +
        "&body=" + encodeURIComponent(state.yaml)
    };
    Object.keys(targets).forEach(function (name) {
      var link = root.querySelector('[data-action="' + name + '"]');
      if (!link) return;
      link.href = ok && targets[name] ? targets[name] : "#hf-p-etat";
    });
    var save = root.querySelector('[data-action="telecharger"]');
    save.download = file;
  }

  root.addEventListener("click", function (event) {
    var action = event.target.closest("[data-action]");
    if (!action) return;
    var name = action.getAttribute("data-action");
    var state = ready();
    if (!state) { event.preventDefault(); return; }
    if (name === "copier") {
      copy(state.yaml).then(function () { status("La fiche est copiée : collez-la où vous voulez."); },
        function () { status("La copie n'a pas marché : sélectionnez le texte de la fiche et copiez-le."); });
    } else if (name === "telecharger") {
      status("La fiche est enregistrée dans le fichier " + state.record.id + ".yml.");
    } else if (name === "depot" && config.forge !== "github") {
      // This forge opens an empty new file: the record goes to the clipboard first.
      event.preventDefault();
      var target = action.href;
      copy(state.yaml).then(null, function () { return null; }).then(function () {
        window.location.href = target;
      });
    }
  });

  var list = document.getElementById("hf-p-communes");
  config.communes.forEach(function (c) {
    var option = document.createElement("option");
    option.value = c.nom;
    list.appendChild(option);
  });
  field("date_maj").value = today();
  field("date_maj").max = today();
  var forgeHint = root.querySelector("[data-forge-autre]");
  if (forgeHint) forgeHint.hidden = config.forge === "github";
  document.querySelector("[data-proposer-sans-js]").hidden = true;
  root.hidden = false;
  render();
  status("Remplissez le formulaire : la fiche se complète au fur et à mesure.");
  // The checks, for tests/test_proposer.py, which compares them with the validator's.
  window.hfProposer = { parseDay: parseDay, looseSuggestion: looseSuggestion, phone: phone, toYaml: toYaml, read: read };
})();
