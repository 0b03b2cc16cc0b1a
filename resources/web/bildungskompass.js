/* Bildungskompass web map (Bildungslandschaft QGIS plugin). GPL-2.0-or-later.
 * Reads the data embedded in <script id="bk-data" type="application/json">, draws the
 * districts as a vector basemap (no tiles and no requests unless the city gives a tile basemap), facilities as
 * keyboard-focusable markers whose type shows by colour and shape, a list view equal to the map,
 * partnerships on demand, and offers filters by life phase, carrier and type, and a search
 * by name. Every text from the data is inserted with textContent, never as HTML.
 * The state is written to <output id="bk-status"> (data-visible, data-total, data-links) so
 * that tests can read it. A URL hash like #phase=youth&carrier=Stadt&q=bib&links=1 preselects
 * the filters.
 */
(function () {
  "use strict";
  var errors = [];
  window.bkErrors = errors;
  window.addEventListener("error", function (ev) {
    errors.push(String(ev.message || ev));
    var s = document.getElementById("bk-status");
    if (s) { s.setAttribute("data-errors", String(errors.length)); }
  });

  var DATA = JSON.parse(document.getElementById("bk-data").textContent);
  var T = DATA.labels;

  function fmt(text) {
    var args = Array.prototype.slice.call(arguments, 1);
    return text.replace(/\{(\d+)\}/g, function (m, i) { return args[+i] !== undefined ? args[+i] : m; });
  }
  function norm(text) {
    return String(text || "").normalize("NFD").replace(/[\u0300-\u036f]/g, "").replace(/ß/g, "ss").toLowerCase();
  }
  function el(tag, attrs, text) {
    var e = document.createElement(tag);
    if (attrs) { Object.keys(attrs).forEach(function (k) { e.setAttribute(k, attrs[k]); }); }
    if (text !== undefined && text !== null) { e.textContent = String(text); }
    return e;
  }

  var facilities = DATA.facilities.features;
  var typeInfo = {};
  DATA.types.forEach(function (t) { typeInfo[t.name] = t; });
  var phaseLabel = {};
  DATA.phases.forEach(function (p) { phaseLabel[p.key] = p.label; });

  // ---------------------------------------------------------------- state
  var state = { phase: "", carrier: "", types: {}, q: "", links: false, crossOnly: false };
  DATA.types.forEach(function (t) { state.types[t.name] = true; });
  (function readHash() {
    var h = (window.location.hash || "").replace(/^#/, "");
    h.split("&").forEach(function (part) {
      if (!part) { return; }
      var kv = part.split("="), k = decodeURIComponent(kv[0]), v = decodeURIComponent((kv[1] || "").replace(/\+/g, " "));
      if (k === "phase") { state.phase = v; }
      else if (k === "carrier") { state.carrier = v; }
      else if (k === "q") { state.q = v; }
      else if (k === "links") { state.links = v === "1" || v === "true"; }
      else if (k === "type") {
        var wanted = v.split(",");
        Object.keys(state.types).forEach(function (t) { state.types[t] = wanted.indexOf(t) >= 0; });
      }
    });
  }());

  // ---------------------------------------------------------------- map
  var map = L.map("bk-map", { zoomControl: true, attributionControl: true, preferCanvas: false });
  document.getElementById("bk-map").setAttribute("aria-label", T.map);
  if (DATA.basemap && DATA.basemap.url) {
    L.tileLayer(DATA.basemap.url, { maxZoom: 19, subdomains: DATA.basemap.subdomains || "abc",
                                    attribution: "" }).addTo(map);
  }
  map.attributionControl.setPrefix("Leaflet");
  if (DATA.attribution) { map.attributionControl.addAttribution(DATA.attribution.replace(/[<>&]/g, "")); }
  if (DATA.basemap && DATA.basemap.attribution) {
    map.attributionControl.addAttribution(DATA.basemap.attribution.replace(/[<>&]/g, ""));
  }
  L.control.scale({ imperial: false }).addTo(map);

  var bounds = null;
  if (DATA.districts && DATA.districts.features.length) {
    var districtLayer = L.geoJSON(DATA.districts, {
      style: { color: "#6b6b6b", weight: 1, fillColor: "#f6f3ec", fillOpacity: DATA.basemap ? 0.35 : 1 },
      onEachFeature: function (f, layer) {
        if (f.properties && f.properties.name) { layer.bindTooltip(el("span", null, f.properties.name), { sticky: true }); }
      }
    }).addTo(map);
    bounds = districtLayer.getBounds();
  }

  var linkLayer = L.layerGroup();
  var linkItems = [];
  var partnersOf = {};
  if (DATA.links) {
    DATA.links.features.forEach(function (f) {
      var p = f.properties;
      var line = L.geoJSON(f, { style: { color: p.cross_district ? "#c0392b" : "#34495e", weight: p.cross_district ? 4 : 2, opacity: 0.7,
                                          dashArray: p.cross_carrier ? "6 4" : null } });
      line.bindTooltip(el("span", null, [p.from_name, "–", p.to_name, p.kind ? "(" + p.kind + ")" : ""].join(" ")));
      linkItems.push({ f: f, layer: line });
      (partnersOf[p.from] = partnersOf[p.from] || []).push({ id: p.to, name: p.to_name, kind: p.kind });
      (partnersOf[p.to] = partnersOf[p.to] || []).push({ id: p.from, name: p.from_name, kind: p.kind });
    });
  }

  // Markers are keyboard-focusable Leaflet markers (role=button, Enter opens the details); the type is told by
  // colour AND shape (and by text in the list and the legend), never by colour alone.
  var SHAPES = ["circle", "square", "triangle", "diamond", "hexagon", "star"];
  DATA.types.forEach(function (t, k) { t.shape = SHAPES[k % SHAPES.length]; });
  function shapeSvg(shape, color, size) {
    var s = 18, h = 9, d, px = size || 18;
    if (shape === "square") { d = "M3 3H" + (s - 3) + "V" + (s - 3) + "H3Z"; }
    else if (shape === "triangle") { d = "M" + h + " 2L" + (s - 2) + " " + (s - 3) + "H2Z"; }
    else if (shape === "diamond") { d = "M" + h + " 1L" + (s - 1) + " " + h + "L" + h + " " + (s - 1) + "L1 " + h + "Z"; }
    else if (shape === "hexagon") { d = "M5 2H" + (s - 5) + "L" + (s - 1) + " " + h + "L" + (s - 5) + " " + (s - 2) + "H5L1 " + h + "Z"; }
    else if (shape === "star") { d = "M9 1L11.4 6.5L17 7L12.8 10.8L14 16.5L9 13.6L4 16.5L5.2 10.8L1 7L6.6 6.5Z"; }
    else { d = "M" + h + " 2A" + (h - 2) + " " + (h - 2) + " 0 1 1 " + (h - 0.01) + " 2Z"; }
    return '<svg xmlns="http://www.w3.org/2000/svg" width="' + px + '" height="' + px + '" viewBox="0 0 ' + s + " " + s +
      '" aria-hidden="true" focusable="false"><path d="' + d + '" fill="' + color + '" stroke="#222" stroke-width="1.5"/></svg>';
  }

  var markerLayer = L.featureGroup().addTo(map);
  var items = facilities.map(function (f) {
    var p = f.properties;
    var c = f.geometry.coordinates;
    var info = typeInfo[p.type] || { color: "#7f8c8d", shape: "circle" };
    var icon = L.divIcon({ className: "bk-marker", html: shapeSvg(info.shape, info.color), iconSize: [18, 18],
                           iconAnchor: [9, 9], popupAnchor: [0, -8] });
    var m = L.marker([c[1], c[0]], { icon: icon, keyboard: true, title: p.name + " (" + p.type + ")",
                                     riseOnHover: true });
    m.bindPopup(function () { return popup(f); }, { maxWidth: 320 });
    var it = { f: f, marker: m, search: norm(p.name), shown: false };
    m.on("popupopen", function () { showDetails(it, false); });
    m.on("add", function () {
      var e = m.getElement();
      if (e) { e.setAttribute("aria-label", p.name + " (" + p.type + ")"); e.setAttribute("data-id", p.id); }
    });
    return it;
  });
  if (!bounds && items.length) { bounds = L.latLngBounds(items.map(function (it) { return it.marker.getLatLng(); })); }
  if (bounds && bounds.isValid()) { map.fitBounds(bounds, { padding: [10, 10] }); } else { map.setView([51.3, 12.4], 11); }

  function detailsBox(f, cls, headingTag) {
    var p = f.properties;
    var box = el("div", { "class": cls });
    var h = el(headingTag, { tabindex: "-1" }, p.name);
    box.appendChild(h);
    var table = el("table");
    function row(label, value) {
      if (value === null || value === undefined || value === "") { return; }
      var tr = el("tr");
      tr.appendChild(el("th", { scope: "row" }, label));
      tr.appendChild(el("td", null, value));
      table.appendChild(tr);
    }
    row(T.type, p.type);
    row(T.carrier, p.carrier);
    row(T.phases, (p.phases || []).map(function (k) { return phaseLabel[k] || k; }).join(", "));
    (p.details || []).forEach(function (d) { row(d[0], d[1]); });
    box.appendChild(table);
    var partners = partnersOf[p.id] || [];
    if (partners.length) {
      box.appendChild(el(headingTag === "h3" ? "h4" : "h3", null, fmt(T.partners, partners.length)));
      var ul = el("ul");
      partners.forEach(function (q) { ul.appendChild(el("li", null, q.name + (q.kind ? " (" + q.kind + ")" : ""))); });
      box.appendChild(ul);
    }
    return box;
  }
  function popup(f) { return detailsBox(f, "bk-popup", "h3"); }

  // ---------------------------------------------------------------- sidebar
  var side = document.getElementById("bk-side");
  var skip = el("a", { "class": "bk-skip", href: "#bk-list-heading" }, T.skipToList);
  skip.addEventListener("click", function (ev) { ev.preventDefault(); listHeading.focus(); });
  side.appendChild(skip);
  side.appendChild(el("h1", null, DATA.title));
  if (DATA.subtitle) { side.appendChild(el("p", { "class": "bk-sub" }, DATA.subtitle)); }

  var searchLabel = el("label", { "for": "bk-search", "class": "bk-label" }, T.search);
  side.appendChild(searchLabel);
  var search = el("input", { id: "bk-search", type: "search", autocomplete: "off" });
  search.value = state.q;
  side.appendChild(search);

  function select(id, label, allLabel, options, value) {
    side.appendChild(el("label", { "for": id, "class": "bk-label" }, label));
    var s = el("select", { id: id, "class": "bk-select" });
    s.appendChild(el("option", { value: "" }, allLabel));
    options.forEach(function (o) { var opt = el("option", { value: o.value }, o.label); s.appendChild(opt); });
    s.value = value;
    if (s.value !== value) { s.value = ""; }
    side.appendChild(s);
    return s;
  }
  var phaseSelect = select("bk-phase", T.phase, T.allPhases,
    DATA.phases.map(function (p) { return { value: p.key, label: p.label }; }), state.phase);
  var carriers = DATA.carriers.map(function (c) { return { value: c, label: c }; });
  var carrierSelect = select("bk-carrier", T.carrier, T.allCarriers, carriers, state.carrier);

  var legendSet = el("fieldset", { id: "bk-legend-set" });
  legendSet.appendChild(el("legend", null, T.legend));
  var legend = el("ul", { id: "bk-legend" });
  DATA.types.forEach(function (t, k) {
    var li = el("li");
    var cb = el("input", { type: "checkbox", id: "bk-type-" + k, "data-type": t.name });
    cb.checked = state.types[t.name];
    cb.addEventListener("change", function () { state.types[t.name] = cb.checked; apply(); });
    var lab = el("label", { "for": "bk-type-" + k });
    var sw = el("span", { "class": "bk-swatch", "data-shape": t.shape });
    sw.innerHTML = shapeSvg(t.shape, t.color, 14);  // built from fixed shapes and validated colours only
    lab.appendChild(sw);
    lab.appendChild(el("span", null, t.name + " (" + t.count + ")"));
    li.appendChild(cb);
    li.appendChild(lab);
    legend.appendChild(li);
  });
  legendSet.appendChild(legend);
  side.appendChild(legendSet);

  var linkBox = null, crossBox = null;
  if (DATA.links) {
    var l1 = el("div", { "class": "bk-check" });
    linkBox = el("input", { type: "checkbox", id: "bk-links" });
    linkBox.checked = state.links;
    l1.appendChild(linkBox);
    l1.appendChild(el("label", { "for": "bk-links" }, fmt(T.showLinks, DATA.links.features.length)));
    side.appendChild(l1);
    var l2 = el("div", { "class": "bk-check" });
    crossBox = el("input", { type: "checkbox", id: "bk-cross" });
    l2.appendChild(crossBox);
    l2.appendChild(el("label", { "for": "bk-cross" }, T.crossOnly));
    side.appendChild(l2);
    var key = el("p", { "class": "bk-sub" });
    key.textContent = T.linkKey;
    side.appendChild(key);
    linkBox.addEventListener("change", function () { state.links = linkBox.checked; apply(); });
    crossBox.addEventListener("change", function () { state.crossOnly = crossBox.checked; apply(); });
  }

  var details = el("section", { id: "bk-details", "aria-label": T.details, hidden: "hidden" });
  side.appendChild(details);

  var listHeading = el("h2", { id: "bk-list-heading", tabindex: "-1" }, T.list);
  side.appendChild(listHeading);
  var count = el("p", { id: "bk-count", role: "status", "aria-live": "polite" });
  side.appendChild(count);
  var list = el("ol", { id: "bk-list" });
  side.appendChild(list);
  var status = document.getElementById("bk-status");

  function showDetails(it, focus) {
    while (details.firstChild) { details.removeChild(details.firstChild); }
    var box = detailsBox(it.f, "bk-detail", "h2");
    details.appendChild(box);
    var back = el("button", { type: "button", "class": "bk-back" }, T.backToList);
    back.addEventListener("click", function () {
      var btn = list.querySelector('button[data-id="' + CSS.escape(String(it.f.properties.id)) + '"]');
      (btn || listHeading).focus();
    });
    details.appendChild(back);
    details.hidden = false;
    if (focus) { box.firstChild.focus(); }
  }
  window.bkShowDetails = function (id) {
    items.forEach(function (it) { if (String(it.f.properties.id) === String(id)) { showDetails(it, true); } });
  };

  search.addEventListener("input", function () { state.q = search.value; apply(); });
  phaseSelect.addEventListener("change", function () { state.phase = phaseSelect.value; apply(); });
  carrierSelect.addEventListener("change", function () { state.carrier = carrierSelect.value; apply(); });

  function visible(p) {
    if (!state.types[p.type]) { return false; }
    if (state.carrier && p.carrier !== state.carrier) { return false; }
    if (state.phase && (p.phases || []).indexOf(state.phase) < 0) { return false; }
    return true;
  }

  function apply() {
    var q = norm(state.q.trim());
    var shownIds = {};
    var n = 0;
    while (list.firstChild) { list.removeChild(list.firstChild); }
    items.forEach(function (it) {
      var show = visible(it.f.properties) && (!q || it.search.indexOf(q) >= 0);
      if (show && !it.shown) { markerLayer.addLayer(it.marker); }
      if (!show && it.shown) { markerLayer.removeLayer(it.marker); }
      it.shown = show;
      if (show) {
        n += 1;
        shownIds[it.f.properties.id] = true;
        if (n <= 300) {
          var li = el("li");
          var b = el("button", { type: "button", "class": "bk-item", "data-id": String(it.f.properties.id) },
                     it.f.properties.name);
          b.addEventListener("click", function () {
            map.setView(it.marker.getLatLng(), Math.max(map.getZoom(), 15));
            it.marker.openPopup();
            showDetails(it, true);
          });
          li.appendChild(b);
          li.appendChild(el("span", { "class": "bk-type" }, " " + it.f.properties.type));
          list.appendChild(li);
        }
      }
    });
    var nLinks = 0;
    linkItems.forEach(function (li) {
      var p = li.f.properties;
      var show = state.links && shownIds[p.from] && shownIds[p.to] && (!state.crossOnly || p.cross_district);
      if (show) { nLinks += 1; linkLayer.addLayer(li.layer); } else { linkLayer.removeLayer(li.layer); }
    });
    if (state.links && !map.hasLayer(linkLayer)) { linkLayer.addTo(map); }
    if (!state.links && map.hasLayer(linkLayer)) { map.removeLayer(linkLayer); }
    count.textContent = n ? fmt(T.count, n, items.length) : T.none;
    if (n > 300) { count.textContent += " " + fmt(T.listCut, 300); }
    status.setAttribute("data-visible", String(n));
    status.setAttribute("data-total", String(items.length));
    status.setAttribute("data-links", String(nLinks));
    status.setAttribute("data-errors", String(errors.length));
    status.textContent = n + "/" + items.length;
  }
  window.bkApply = apply;
  window.bkState = state;
  apply();
  status.setAttribute("data-ready", "1");
}());
