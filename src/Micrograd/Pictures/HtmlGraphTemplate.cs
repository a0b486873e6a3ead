namespace Micrograd.Pictures;

/// <summary>The page of <see cref="HtmlGraphPage"/>: markup, style and script, with no reference to anything outside it.</summary>
internal static class HtmlGraphTemplate
{
    public const string Page = """
<!DOCTYPE html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>%TITLE%</title>
<style>
  :root { --ink: #1f2328; --muted: #6e7781; --line: #8c959f; --paper: #fbfaf7; --box: #ffffff; --leaf: #f3f6fb;
          --op: #fff4d6; --op-line: #bf8700; --now: #e8590c; --gets: #2f9e44; --pos: #d3f0dc; --neg: #fbe0e0; }
  * { box-sizing: border-box; }
  body { margin: 0; font: 14px/1.45 system-ui, -apple-system, "Segoe UI", Roboto, "Helvetica Neue", Arial, sans-serif;
         color: var(--ink); background: var(--paper); }
  header { padding: 14px 20px 10px; border-bottom: 1px solid #e4e2dc; background: #fff; position: sticky; top: 0; z-index: 2; }
  h1 { font-size: 18px; margin: 0 0 2px; font-weight: 600; }
  .hint { color: var(--muted); margin: 0 0 10px; font-size: 13px; }
  .controls { display: flex; gap: 8px; align-items: center; flex-wrap: wrap; }
  button { font: inherit; font-size: 13px; padding: 5px 12px; border: 1px solid #c9ccd1; border-radius: 6px;
           background: #f6f8fa; color: var(--ink); cursor: pointer; }
  button:hover:not(:disabled) { background: #eef1f4; border-color: #afb5bc; }
  button:disabled { color: #a0a6ad; cursor: default; }
  button.primary { background: #1f6feb; border-color: #1a5fd0; color: #fff; }
  button.primary:hover:not(:disabled) { background: #1a5fd0; }
  button.primary:disabled { background: #9dbcf2; border-color: #9dbcf2; color: #fff; }
  .spacer { flex: 1; }
  #progress { color: var(--muted); font-variant-numeric: tabular-nums; font-size: 13px; }
  #status { margin-top: 8px; min-height: 1.45em; font: 12.5px/1.45 ui-monospace, "SFMono-Regular", Menlo, Consolas, monospace; color: #3a3f45; }
  #stage { overflow: auto; padding: 12px; }
  svg { display: block; }
  svg text { font: 13px ui-monospace, "SFMono-Regular", Menlo, Consolas, "Liberation Mono", monospace; fill: var(--ink); dominant-baseline: central; text-anchor: middle; }
  .value rect.frame { fill: var(--box); stroke: #57606a; stroke-width: 1.2; }
  .value.leaf rect.frame { fill: var(--leaf); }
  .value line { stroke: #c3c8ce; stroke-width: 1; }
  .value text.label { font-weight: 700; }
  .value text.label.id { font-weight: 400; fill: var(--muted); }
  .value rect.gradcell { fill: transparent; transition: fill .25s; }
  .value.pos rect.gradcell { fill: var(--pos); }
  .value.neg rect.gradcell { fill: var(--neg); }
  .value text.grad.zero { fill: #9aa1a8; }
  .op ellipse, .op rect { fill: var(--op); stroke: var(--op-line); stroke-width: 1.2; }
  .op text { font-weight: 600; fill: #6b4c00; }
  .op { cursor: help; }
  .edge { fill: none; stroke: var(--line); stroke-width: 1.2; marker-end: url(#arrow); }
  .edge.active { stroke: var(--now); stroke-width: 2.4; marker-end: url(#arrow-now); }
  .value.now rect.frame, .op.now ellipse, .op.now rect { stroke: var(--now); stroke-width: 3; }
  .value.gets rect.frame { stroke: var(--gets); stroke-width: 3; }
  .value.fresh text.grad { font-weight: 700; }
  #tip { position: fixed; pointer-events: none; background: #1f2328; color: #f6f8fa; padding: 8px 10px; border-radius: 6px;
         font: 12px/1.5 ui-monospace, Menlo, Consolas, monospace; max-width: 560px; box-shadow: 0 4px 14px rgba(0,0,0,.25); display: none; z-index: 5; }
  #tip b { color: #ffd33d; }
  #tip table { border-collapse: collapse; margin-top: 4px; }
  #tip td { padding: 0 8px 0 0; white-space: nowrap; }
  .legend { display: flex; gap: 14px; color: var(--muted); font-size: 12px; margin-left: 6px; }
  .legend span::before { content: ""; display: inline-block; width: 10px; height: 10px; border-radius: 2px; margin-right: 5px; vertical-align: -1px; border: 2px solid; }
  .legend .l-now::before { border-color: var(--now); }
  .legend .l-gets::before { border-color: var(--gets); }
</style>
</head>
<body>
<header>
  <h1>%TITLE%</h1>
  <p class="hint">Each box is a value: <b>label | data | grad</b> (a value without a label is named by its number, <b>#7</b>). Gradients start at zero; step through <code>Backward()</code> to see them flow from the result back to the inputs. Hover over an operation for its local derivative.</p>
  <div class="controls">
    <button id="step" class="primary" title="Right arrow">Backward step</button>
    <button id="run">Run backward</button>
    <button id="reset">Reset</button>
    <span id="progress"></span>
    <span class="legend"><span class="l-now">passes its gradient</span><span class="l-gets">receives</span></span>
    <span class="spacer"></span>
    <button id="zoom-out" title="Zoom out">−</button>
    <button id="zoom-fit" title="Fit to the window">Fit</button>
    <button id="zoom-in" title="Zoom in">+</button>
  </div>
  <div id="status"></div>
</header>
<div id="stage"></div>
<div id="tip"></div>
<script>
(function () {
  "use strict";
  var G = /*%DATA%*/null;
  var NS = "http://www.w3.org/2000/svg";
  var values = G.values, order = G.order, root = G.root;
  var steps = order.length + 1; // the seed (root.grad = 1), then one step per interior value
  var grad = new Array(values.length).fill(0);
  var done = 0, timer = null, zoom = 1;
  var boxes = [], opNodes = [], edgesTo = {};

  function el(name, attributes, parent) {
    var e = document.createElementNS(NS, name);
    for (var k in attributes) e.setAttribute(k, attributes[k]);
    if (parent) parent.appendChild(e);
    return e;
  }
  function f4(x) {
    if (Number.isNaN(x)) return "NaN";
    if (x === Infinity) return "Infinity";
    if (x === -Infinity) return "-Infinity";
    var s = x.toFixed(4);
    return s === "-0.0000" ? "0.0000" : s;
  }
  function name(id) { var v = values[id]; return v.label !== null ? v.label : "#" + id; }

  // ---- drawing --------------------------------------------------------------------------------------------
  var svg = el("svg", { id: "graph", width: G.width, height: G.height, viewBox: "0 0 " + G.width + " " + G.height, role: "img" });
  var defs = el("defs", {}, svg);
  [["arrow", "#8c959f"], ["arrow-now", "#e8590c"]].forEach(function (a) {
    var m = el("marker", { id: a[0], viewBox: "0 0 10 10", refX: 9, refY: 5, markerWidth: 7, markerHeight: 7, orient: "auto-start-reverse" }, defs);
    el("path", { d: "M0 1 L9 5 L0 9 z", fill: a[1] }, m);
  });
  var edgeLayer = el("g", { class: "edges" }, svg);
  var nodeLayer = el("g", { class: "nodes" }, svg);

  G.edges.forEach(function (e) {
    var path = el("path", { class: "edge", d: e.d }, edgeLayer);
    (edgesTo[e.to] = edgesTo[e.to] || []).push(path);
  });

  values.forEach(function (v) {
    if (v.op !== undefined) {
      var o = v.opBox;
      var g = el("g", { class: "op", "data-id": v.id }, nodeLayer);
      if (o[2] <= o[3] + 6) el("ellipse", { cx: o[0] + o[2] / 2, cy: o[1] + o[3] / 2, rx: o[2] / 2, ry: o[3] / 2 }, g);
      else el("rect", { x: o[0], y: o[1], width: o[2], height: o[3], rx: o[3] / 2 }, g);
      el("text", { x: o[0] + o[2] / 2, y: o[1] + o[3] / 2 }, g).textContent = v.op;
      el("path", { class: "edge", d: v.outEdge }, edgeLayer);
      g.addEventListener("mouseenter", function (ev) { showTip(v, ev); });
      g.addEventListener("mousemove", moveTip);
      g.addEventListener("mouseleave", hideTip);
      opNodes[v.id] = g;
    }
    var w = v.cells[0] + v.cells[1] + v.cells[2];
    var b = el("g", { class: "value" + (v.op === undefined ? " leaf" : ""), "data-id": v.id }, nodeLayer);
    if (v.label !== null) b.setAttribute("data-label", v.fullLabel);
    el("title", {}, b).textContent = (v.fullLabel !== null ? v.fullLabel + ": " : "") + "data " + v.data + (v.op !== undefined ? " (" + v.op + ")" : " (leaf)");
    el("rect", { class: "frame", x: v.x, y: v.y, width: w, height: v.h, rx: 4 }, b);
    var x = v.x;
    // Every box shows the name the page refers to it by: its label, or #id for a value without one.
    el("text", { class: v.label !== null ? "label" : "label id", x: x + v.cells[0] / 2, y: v.y + v.h / 2 }, b).textContent = name(v.id);
    x += v.cells[0];
    el("line", { x1: x, y1: v.y + 1, x2: x, y2: v.y + v.h - 1 }, b);
    el("text", { class: "data", x: x + v.cells[1] / 2, y: v.y + v.h / 2 }, b).textContent = "data " + f4(v.data);
    x += v.cells[1];
    el("line", { x1: x, y1: v.y + 1, x2: x, y2: v.y + v.h - 1 }, b);
    el("rect", { class: "gradcell", x: x + 1, y: v.y + 1.5, width: v.cells[2] - 2.5, height: v.h - 3, rx: 3 }, b);
    b.gradText = el("text", { class: "grad zero", x: x + v.cells[2] / 2, y: v.y + v.h / 2 }, b);
    boxes[v.id] = b;
  });
  document.getElementById("stage").appendChild(svg);

  // ---- back-propagation, one node at a time --------------------------------------------------------------
  function showGrads() {
    values.forEach(function (v) {
      var b = boxes[v.id], g = grad[v.id];
      b.gradText.textContent = "grad " + f4(g);
      b.gradText.classList.toggle("zero", g === 0);
      b.classList.toggle("pos", g > 0);
      b.classList.toggle("neg", g < 0);
    });
  }
  function clearMarks() {
    document.querySelectorAll(".now, .gets, .fresh, .edge.active").forEach(function (e) { e.classList.remove("now", "gets", "fresh", "active"); });
  }
  function describe(id) {
    var v = values[id];
    var parts = [], seen = {};
    v.inputs.forEach(function (input, i) {
      if (parts.length < 4) parts.push(name(input) + ".grad += " + f4(grad[id]) + " × " + f4(v.local[i]));
      seen[input] = true;
    });
    var more = v.inputs.length > 4 ? "  … and " + (v.inputs.length - 4) + " more" : "";
    return "[" + v.op + "] " + name(id) + " passes its grad " + f4(grad[id]) + " on:  " + parts.join(";  ") + more;
  }
  function step() {
    if (done >= steps) return false;
    clearMarks();
    var status;
    if (done === 0) {
      grad[root] = 1;
      boxes[root].classList.add("now", "fresh");
      status = name(root) + ".grad = 1  (the derivative of " + name(root) + " with respect to itself)";
    } else {
      var id = order[done - 1], v = values[id];
      boxes[id].classList.add("now");
      if (opNodes[id]) opNodes[id].classList.add("now");
      (edgesTo[id] || []).forEach(function (e) { e.classList.add("active"); });
      status = describe(id);
      v.inputs.forEach(function (input, i) {
        grad[input] += grad[id] * v.local[i];
        boxes[input].classList.add("gets", "fresh");
      });
    }
    done++;
    showGrads();
    update(status);
    return true;
  }
  function reset() {
    stop();
    grad.fill(0);
    done = 0;
    clearMarks();
    showGrads();
    update("");
  }
  function run() {
    if (timer !== null) { stop(); update(document.getElementById("status").textContent); return; }
    if (done >= steps) reset();
    var delay = Math.max(15, Math.min(450, 4000 / steps));
    document.body.dataset.state = "running";
    timer = setInterval(function () { if (!step()) { stop(); update(document.getElementById("status").textContent); } }, delay);
    update(document.getElementById("status").textContent);
  }
  function stop() { if (timer !== null) { clearInterval(timer); timer = null; } }
  function update(status) {
    document.getElementById("status").textContent = status || (done === 0 ? "Press “Backward step” to begin at " + name(root) + "." : "");
    document.getElementById("progress").textContent = "step " + done + " of " + steps;
    document.getElementById("step").disabled = done >= steps || timer !== null;
    document.getElementById("run").textContent = timer !== null ? "Pause" : "Run backward";
    document.body.dataset.step = done;
    document.body.dataset.state = timer !== null ? "running" : done >= steps ? "done" : done === 0 ? "start" : "stepping";
    if (done >= steps && timer === null) {
      document.getElementById("status").textContent = "Done: every gradient is what " + name(root) + ".Backward() computes.";
      clearMarks();
    }
  }

  // ---- hover: an operation's local derivative, numbers plugged in -----------------------------------------
  var tip = document.getElementById("tip");
  function showTip(v, ev) {
    tip.textContent = "";
    var head = document.createElement("div");
    var strong = document.createElement("b");
    strong.textContent = v.op;
    head.appendChild(strong);
    head.appendChild(document.createTextNode("  →  " + name(v.id) + " = " + f4(v.data)));
    tip.appendChild(head);
    var formula = document.createElement("div");
    formula.textContent = v.formula;
    tip.appendChild(formula);
    var table = document.createElement("table");
    var shown = Math.min(v.inputs.length, 10);
    for (var i = 0; i < shown; i++) {
      var row = table.insertRow();
      row.insertCell().textContent = "∂" + name(v.id) + "/∂" + name(v.inputs[i]);
      row.insertCell().textContent = "= " + f4(v.local[i]);
      row.insertCell().textContent = "(" + name(v.inputs[i]) + " = " + f4(values[v.inputs[i]].data) + ")";
    }
    tip.appendChild(table);
    if (v.inputs.length > shown) {
      var more = document.createElement("div");
      more.textContent = "… and " + (v.inputs.length - shown) + " more inputs";
      tip.appendChild(more);
    }
    tip.style.display = "block";
    moveTip(ev);
  }
  function moveTip(ev) {
    var x = ev.clientX + 14, y = ev.clientY + 14;
    if (x + tip.offsetWidth > window.innerWidth - 8) x = Math.max(8, ev.clientX - tip.offsetWidth - 14);
    if (y + tip.offsetHeight > window.innerHeight - 8) y = Math.max(8, ev.clientY - tip.offsetHeight - 14);
    tip.style.left = x + "px";
    tip.style.top = y + "px";
  }
  function hideTip() { tip.style.display = "none"; }

  // ---- zoom -----------------------------------------------------------------------------------------------
  function setZoom(z) {
    zoom = Math.max(0.1, Math.min(4, z));
    svg.setAttribute("width", G.width * zoom);
    svg.setAttribute("height", G.height * zoom);
  }
  function fit(smallest) {
    var stage = document.getElementById("stage");
    var available = stage.clientWidth - 24;
    setZoom(Math.max(smallest || 0.1, Math.min(1, available / G.width)));
  }

  document.getElementById("step").addEventListener("click", step);
  document.getElementById("run").addEventListener("click", run);
  document.getElementById("reset").addEventListener("click", reset);
  document.getElementById("zoom-in").addEventListener("click", function () { setZoom(zoom * 1.25); });
  document.getElementById("zoom-out").addEventListener("click", function () { setZoom(zoom / 1.25); });
  document.getElementById("zoom-fit").addEventListener("click", function () { fit(0.1); });
  document.addEventListener("keydown", function (ev) { if (ev.key === "ArrowRight") step(); });
  // Fit a wide graph to the window, but never below 12px text (13px at zoom 1, so 0.925 gives 12.0px): scroll
  // instead, from a phone's width up.
  if (G.width > window.innerWidth) fit(0.925);
  reset();
})();
</script>
</body>
</html>
""";
}
