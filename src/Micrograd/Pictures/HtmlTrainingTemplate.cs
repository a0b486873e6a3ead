namespace Micrograd.Pictures;

/// <summary>The page of <see cref="Nn.TrainingRecorder"/>: markup, style and script, with no reference to anything outside it.</summary>
internal static class HtmlTrainingTemplate
{
    public const string Page = """
<!DOCTYPE html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>%TITLE%</title>
<style>
  :root { --ink: #1f2328; --muted: #6e7781; --paper: #fbfaf7; --card: #ffffff; --pos: #2166ac; --neg: #d7301f; --accent: #e8590c; }
  * { box-sizing: border-box; }
  body { margin: 0; font: 14px/1.45 system-ui, -apple-system, "Segoe UI", Roboto, "Helvetica Neue", Arial, sans-serif; color: var(--ink); background: var(--paper); }
  header { padding: 14px 20px 12px; background: #fff; border-bottom: 1px solid #e4e2dc; }
  h1 { font-size: 18px; margin: 0 0 8px; font-weight: 600; }
  .controls { display: flex; gap: 12px; align-items: center; flex-wrap: wrap; }
  button { font: inherit; font-size: 13px; padding: 5px 14px; border: 1px solid #1a5fd0; border-radius: 6px; background: #1f6feb; color: #fff; cursor: pointer; min-width: 76px; }
  button:hover { background: #1a5fd0; }
  input[type=range] { flex: 1; min-width: 200px; max-width: 640px; accent-color: #1f6feb; }
  #readout { font-variant-numeric: tabular-nums; color: #3a3f45; white-space: pre-wrap; }
  #readout b { font-weight: 600; }
  main { display: grid; grid-template-columns: minmax(0, 500px) minmax(0, 1fr); gap: 16px; padding: 16px 20px; align-items: start; }
  @media (max-width: 1000px) { main { grid-template-columns: minmax(0, 1fr); padding: 12px 10px; } header { padding: 12px 10px; } }
  .card { min-width: 0; }
  .card { background: var(--card); border: 1px solid #e4e2dc; border-radius: 8px; padding: 10px 14px 12px; }
  .card h2 { font-size: 13px; font-weight: 600; margin: 0 0 6px; color: #3a3f45; text-transform: uppercase; letter-spacing: .04em; }
  .wide { grid-column: 1 / -1; }
  canvas { display: block; border-radius: 4px; }
  /* The boundary and its axes scale together: the canvas sits in the axes' frame, 440 of 480 units wide. */
  .plot { position: relative; width: 100%; max-width: 480px; }
  .plot svg { display: block; width: 100%; height: auto; }
  .plot canvas { position: absolute; left: 7.5%; top: 0; width: 91.6667%; height: auto; aspect-ratio: 1; }
  .tick { stroke: #8c959f; stroke-width: 1; }
  #boundary-axes text { font-size: 14px; fill: #57606a; }
  .legend { display: flex; flex-wrap: wrap; gap: 6px 14px; font-size: 12px; color: var(--muted); margin-top: 6px; }
  .dot { display: inline-block; width: 10px; height: 10px; border-radius: 50%; margin-right: 5px; vertical-align: -1px; }
  .swatch { display: inline-block; width: 18px; height: 3px; margin-right: 5px; vertical-align: 3px; }
  svg text { font-size: 11px; fill: var(--muted); }
  .axis { stroke: #c9ccd1; stroke-width: 1; }
  .grid { stroke: #eef0f2; stroke-width: 1; }
  .curve { fill: none; stroke-width: 2; stroke-linejoin: round; }
  #loss-line { stroke: #8250df; }
  #accuracy-line { stroke: #1a7f37; }
  .marker { stroke: var(--accent); stroke-width: 1.5; stroke-dasharray: 4 3; }
  .marker-dot { fill: var(--accent); stroke: #fff; stroke-width: 1.5; }
  .curves svg { cursor: crosshair; }
  .weight { stroke-linecap: round; }
  .neuron { stroke: #57606a; stroke-width: 1.2; }
  .layer-name { font-size: 12px; fill: #3a3f45; text-anchor: middle; }
</style>
</head>
<body>
<header>
  <h1>%TITLE%</h1>
  <div class="controls">
    <button id="play">▶ Play</button>
    <input id="step-slider" type="range" min="0" value="0" step="1" aria-label="Recorded step">
    <span id="readout"></span>
  </div>
</header>
<main>
  <section class="card" id="boundary-card">
    <h2>Decision boundary</h2>
    <div class="plot">
      <svg id="boundary-axes" viewBox="0 0 480 474" role="img" aria-label="x and y axes of the decision boundary"></svg>
      <canvas id="boundary" width="440" height="440"></canvas>
    </div>
    <div class="legend"><span><span class="dot" style="background:var(--neg)"></span>class 0</span><span><span class="dot" style="background:var(--pos)"></span>class 1</span><span><span class="swatch" style="background:#1f2328"></span>score = 0</span></div>
  </section>
  <section class="card curves">
    <h2>Loss</h2>
    <svg id="loss-curve" width="520" height="190"></svg>
    <h2 style="margin-top:10px">Accuracy</h2>
    <svg id="accuracy-curve" width="520" height="190"></svg>
  </section>
  <section class="card wide">
    <h2>The network at the selected step</h2>
    <svg id="network"></svg>
    <div class="legend" id="network-legend">
      <span><span class="swatch" style="background:var(--pos)"></span>positive weight</span>
      <span><span class="swatch" style="background:var(--neg)"></span>negative weight</span>
      <span><span class="swatch" style="background:#8c959f;height:1px"></span><span class="swatch" style="background:#8c959f;height:5px;vertical-align:1px"></span>thicker: larger |weight|</span>
      <span><span class="dot" style="background:var(--pos)"></span><span class="dot" style="background:var(--neg)"></span>neuron: its bias, by the same colours</span>
      <span><span class="dot" style="background:#eaeef2;border:1px solid #57606a"></span>input</span>
    </div>
  </section>
</main>
<script>
(function () {
  "use strict";
  var T = /*%DATA%*/null;
  var NS = "http://www.w3.org/2000/svg";
  var steps = T.steps, n = steps.length, index = 0, timer = null;
  var slider = document.getElementById("step-slider");
  slider.max = n - 1;

  function el(name, attributes, parent) {
    var e = document.createElementNS(NS, name);
    for (var k in attributes) e.setAttribute(k, attributes[k]);
    if (parent) parent.appendChild(e);
    return e;
  }

  // ---- decision boundary: the recorded scores, a contour where they change sign, and the data ---------------
  var canvas = document.getElementById("boundary"), ctx = canvas.getContext("2d");
  var res = T.resolution, grids = [];
  if (res === 0) document.getElementById("boundary-card").style.display = "none";
  function grid(i) {
    if (!grids[i]) {
      var raw = atob(steps[i].grid), g = new Float32Array(raw.length);
      for (var k = 0; k < raw.length; k++) g[k] = raw.charCodeAt(k) / 127.5 - 1;
      grids[i] = g;
    }
    return grids[i];
  }
  var off = document.createElement("canvas");
  off.width = off.height = Math.max(res, 1);
  var offCtx = off.getContext("2d");
  function mix(a, b, t) { return Math.round(a + (b - a) * t); }
  function drawBoundary(i) {
    if (res === 0) return;
    var g = grid(i), image = offCtx.createImageData(res, res);
    for (var k = 0; k < g.length; k++) {
      var t = Math.min(1, Math.abs(g[k])), p = 4 * k;
      var light = g[k] >= 0 ? [222, 233, 248] : [251, 226, 221], strong = g[k] >= 0 ? [134, 172, 226] : [238, 150, 135];
      image.data[p] = mix(light[0], strong[0], t);
      image.data[p + 1] = mix(light[1], strong[1], t);
      image.data[p + 2] = mix(light[2], strong[2], t);
      image.data[p + 3] = 255;
    }
    offCtx.putImageData(image, 0, 0);
    ctx.imageSmoothingEnabled = true;
    ctx.drawImage(off, 0, 0, canvas.width, canvas.height);

    // Marching squares over the cell centres: the line where the score is zero.
    var cell = canvas.width / res;
    ctx.strokeStyle = "#1f2328";
    ctx.lineWidth = 2;
    ctx.beginPath();
    function at(r, c) { return g[r * res + c]; }
    function edge(r0, c0, r1, c1) {
      var a = at(r0, c0), b = at(r1, c1), t = a / (a - b);
      return [(c0 + (c1 - c0) * t + 0.5) * cell, (r0 + (r1 - r0) * t + 0.5) * cell];
    }
    for (var r = 0; r + 1 < res; r++) {
      for (var c = 0; c + 1 < res; c++) {
        var corners = [[r, c], [r, c + 1], [r + 1, c + 1], [r + 1, c]], crossings = [];
        for (var e = 0; e < 4; e++) {
          var p0 = corners[e], p1 = corners[(e + 1) % 4];
          if ((at(p0[0], p0[1]) >= 0) !== (at(p1[0], p1[1]) >= 0)) crossings.push(edge(p0[0], p0[1], p1[0], p1[1]));
        }
        for (var q = 0; q + 1 < crossings.length; q += 2) {
          ctx.moveTo(crossings[q][0], crossings[q][1]);
          ctx.lineTo(crossings[q + 1][0], crossings[q + 1][1]);
        }
      }
    }
    ctx.stroke();

    var ex = T.extent;
    T.points.forEach(function (p) {
      var x = (p[0] - ex[0]) / (ex[1] - ex[0]) * canvas.width, y = (ex[3] - p[1]) / (ex[3] - ex[2]) * canvas.height;
      ctx.beginPath();
      ctx.arc(x, y, 4.5, 0, 2 * Math.PI);
      ctx.fillStyle = p[2] === 0 ? "#d7301f" : p[2] === 1 ? "#2166ac" : "#57606a";
      ctx.fill();
      ctx.lineWidth = 1.2;
      ctx.strokeStyle = "#ffffff";
      ctx.stroke();
    });
  }

  // ---- the boundary's axes: ticks at round numbers of x below and y at the left ------------------------------
  function ticks(lo, hi) { // 1, 2, 2.5 or 5 times a power of ten apart, the finest giving at most five steps
    var raw = (hi - lo) / 5, power = Math.pow(10, Math.floor(Math.log10(raw)));
    var step = [1, 2, 2.5, 5, 10].map(function (m) { return m * power; }).filter(function (d) { return d >= raw; })[0];
    var values = [];
    for (var k = Math.ceil(lo / step); k * step <= hi; k++) values.push(+(k * step).toFixed(10));
    return values;
  }
  if (res !== 0) {
    var axes = document.getElementById("boundary-axes"), ex0 = T.extent, L = 36, S = 440;
    el("rect", { x: L, y: 0, width: S, height: S, fill: "none", stroke: "#c9ccd1" }, axes);
    ticks(ex0[0], ex0[1]).forEach(function (v) {
      var x = L + (v - ex0[0]) / (ex0[1] - ex0[0]) * S;
      el("line", { class: "tick", x1: x, x2: x, y1: S, y2: S + 5 }, axes);
      el("text", { class: "tick-label x", x: x, y: S + 19, "text-anchor": "middle" }, axes).textContent = String(v);
    });
    ticks(ex0[2], ex0[3]).forEach(function (v) {
      var y = (ex0[3] - v) / (ex0[3] - ex0[2]) * S;
      el("line", { class: "tick", x1: L - 5, x2: L, y1: y, y2: y }, axes);
      el("text", { class: "tick-label y", x: L - 8, y: y + 4, "text-anchor": "end" }, axes).textContent = String(v);
    });
    el("text", { x: L + S, y: S + 32, "text-anchor": "end" }, axes).textContent = "x (first input) →   y (second input) ↑";
  }

  // ---- curves: one point per recorded step, the selected step marked ------------------------------------------
  function niceMax(max) { // the smallest of 4 × (1, 2, 2.5 or 5 × a power of ten) that is at least max
    var unit = Math.pow(10, Math.floor(Math.log10(max / 4)));
    var multiples = [1, 2, 2.5, 5, 10];
    for (var m = 0; m < multiples.length; m++) if (4 * multiples[m] * unit >= max) return 4 * multiples[m] * unit;
    return max;
  }
  function curve(svgId, lineId, pick, fixedMax, format) {
    var svg = document.getElementById(svgId), H = +svg.getAttribute("height");
    var W = Math.max(200, Math.min(900, svg.parentNode.clientWidth - 30));
    svg.setAttribute("width", W);
    var left = 46, right = 12, top = 10, bottom = 26;
    var ys = steps.map(pick), present = ys.filter(function (y) { return y !== null && isFinite(y); });
    var max = fixedMax !== null ? fixedMax : niceMax(Math.max.apply(null, present.concat([1e-12])));
    var min = fixedMax !== null ? 0 : Math.min(0, Math.min.apply(null, present.concat([0])));
    var first = steps[0].step, last = steps[n - 1].step;
    function X(i) { return left + (last === first ? 0.5 : (steps[i].step - first) / (last - first)) * (W - left - right); }
    function Y(y) { return top + (1 - (y - min) / (max - min || 1)) * (H - top - bottom); }
    for (var t = 0; t <= 4; t++) {
      var v = min + (max - min) * t / 4;
      el("line", { class: t === 0 ? "axis" : "grid", x1: left, x2: W - right, y1: Y(v), y2: Y(v) }, svg);
      el("text", { x: left - 6, y: Y(v) + 4, "text-anchor": "end" }, svg).textContent = format(v);
    }
    el("text", { x: left, y: H - 6 }, svg).textContent = "step " + first;
    el("text", { x: W - right, y: H - 6, "text-anchor": "end" }, svg).textContent = "step " + last;
    var points = [];
    ys.forEach(function (y, i) { if (y !== null && isFinite(y)) points.push(X(i).toFixed(1) + "," + Y(y).toFixed(1)); });
    el("polyline", { id: lineId, class: "curve", points: points.join(" "), "data-count": points.length }, svg);
    var marker = el("line", { class: "marker", y1: top, y2: H - bottom }, svg);
    var dot = el("circle", { class: "marker-dot", r: 4.5 }, svg);
    function pickStep(ev) {
      var box = svg.getBoundingClientRect(), x = ev.clientX - box.left, best = 0;
      for (var i = 1; i < n; i++) if (Math.abs(X(i) - x) < Math.abs(X(best) - x)) best = i;
      select(best);
    }
    svg.addEventListener("click", pickStep);
    svg.addEventListener("mousemove", function (ev) { if (ev.buttons === 1) pickStep(ev); });
    return function (i) {
      marker.setAttribute("x1", X(i));
      marker.setAttribute("x2", X(i));
      var y = ys[i];
      dot.style.display = y !== null && isFinite(y) ? "" : "none";
      if (y !== null && isFinite(y)) { dot.setAttribute("cx", X(i)); dot.setAttribute("cy", Y(y)); }
    };
  }
  var hasAccuracy = steps.some(function (s) { return s.accuracy !== null; });
  var markLoss = curve("loss-curve", "loss-line", function (s) { return s.loss; }, null, function (v) { return String(+v.toPrecision(3)); });
  var markAccuracy = hasAccuracy
    ? curve("accuracy-curve", "accuracy-line", function (s) { return s.accuracy; }, 1, function (v) { return Math.round(v * 100) + "%"; })
    : function () {};
  if (!hasAccuracy) document.getElementById("accuracy-curve").previousElementSibling.style.display = document.getElementById("accuracy-curve").style.display = "none";

  // ---- the network: a line per weight, a circle per neuron ---------------------------------------------------
  var sizes = T.sizes, net = document.getElementById("network");
  var tallest = Math.max.apply(null, sizes), rowH = Math.max(6, Math.min(22, 520 / tallest));
  // As wide as the card allows, from a phone's width up: columns from 40 to 320 units apart, 60 units of margin.
  var room = Math.max(160, net.parentNode.clientWidth - 30);
  var colW = Math.max(40, Math.min(320, (room - 60) / Math.max(1, sizes.length - 1)));
  var NW = Math.max(60 + colW * (sizes.length - 1), room), NH = Math.max(120, tallest * rowH + 50);
  var x0 = (NW - colW * (sizes.length - 1)) / 2;
  net.setAttribute("width", NW);
  net.setAttribute("height", NH);
  function nodeXY(layer, k) { return [x0 + layer * colW, 20 + (NH - 50) / 2 + (k - (sizes[layer] - 1) / 2) * rowH]; }
  var lines = [], circles = [], wIndex = [], bIndex = [], cursor = 0;
  var maxAbs = 1e-9;
  steps.forEach(function (s) { s.weights.forEach(function (w) { maxAbs = Math.max(maxAbs, Math.abs(w)); }); });
  var edgeLayer = el("g", {}, net), nodeLayer = el("g", {}, net);
  for (var layer = 1; layer < sizes.length; layer++) {
    for (var j = 0; j < sizes[layer]; j++) {
      for (var i = 0; i < sizes[layer - 1]; i++) {
        var a = nodeXY(layer - 1, i), b = nodeXY(layer, j);
        lines.push(el("line", { class: "weight", x1: a[0], y1: a[1], x2: b[0], y2: b[1] }, edgeLayer));
        wIndex.push(cursor++);
      }
      circles.push(el("circle", { class: "neuron", cx: nodeXY(layer, j)[0], cy: nodeXY(layer, j)[1], r: 7 }, nodeLayer));
      bIndex.push(cursor++);
    }
  }
  for (var k = 0; k < sizes[0]; k++) {
    var p = nodeXY(0, k);
    el("circle", { class: "neuron input", cx: p[0], cy: p[1], r: 7, fill: "#eaeef2" }, nodeLayer);
  }
  for (var l = 0; l < sizes.length; l++) {
    el("text", { class: "layer-name", x: nodeXY(l, 0)[0], y: NH - 8 }, net).textContent =
      l === 0 ? sizes[0] + " inputs" : sizes[l] + " × " + T.activations[l - 1].toLowerCase();
  }
  function drawNetwork(i) {
    var w = steps[i].weights;
    lines.forEach(function (line, q) {
      var v = w[wIndex[q]], m = Math.sqrt(Math.abs(v) / maxAbs);
      line.setAttribute("stroke", v >= 0 ? "#2166ac" : "#d7301f");
      line.setAttribute("stroke-width", (0.3 + 4.2 * m).toFixed(2));
      line.setAttribute("stroke-opacity", (0.15 + 0.75 * m).toFixed(2));
    });
    circles.forEach(function (circle, q) {
      var v = w[bIndex[q]], m = Math.min(1, Math.sqrt(Math.abs(v) / maxAbs));
      circle.setAttribute("fill", v >= 0 ? "rgba(33,102,172," + (0.1 + 0.9 * m).toFixed(2) + ")" : "rgba(215,48,31," + (0.1 + 0.9 * m).toFixed(2) + ")");
    });
  }

  // ---- selection and playback --------------------------------------------------------------------------------
  function select(i) {
    index = Math.max(0, Math.min(n - 1, i));
    slider.value = index;
    var s = steps[index];
    drawBoundary(index);
    drawNetwork(index);
    markLoss(index);
    markAccuracy(index);
    var readout = document.getElementById("readout");
    readout.textContent = "";
    [["step ", s.step + "  (" + (index + 1) + " of " + n + ")"], ["   loss ", s.loss.toFixed(4)],
     ["   accuracy ", s.accuracy === null ? "n/a" : (100 * s.accuracy).toFixed(0) + "%"]].forEach(function (part) {
      readout.appendChild(document.createTextNode(part[0]));
      var b = document.createElement("b");
      b.textContent = part[1];
      readout.appendChild(b);
    });
    document.body.dataset.index = index;
  }
  function play() {
    if (timer !== null) { clearInterval(timer); timer = null; document.getElementById("play").textContent = "▶ Play"; return; }
    if (index >= n - 1) select(0);
    document.getElementById("play").textContent = "❚❚ Pause";
    timer = setInterval(function () {
      if (index >= n - 1) { play(); return; }
      select(index + 1);
    }, Math.max(40, Math.min(250, 8000 / n)));
  }
  slider.addEventListener("input", function () { select(+slider.value); });
  document.getElementById("play").addEventListener("click", play);
  select(n - 1);
})();
</script>
</body>
</html>
""";
}
