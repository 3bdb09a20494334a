// ordino report: draws the sections of the embedded data (no network, no libraries).
"use strict";
(function () {
  const SVG = "http://www.w3.org/2000/svg";
  const data = JSON.parse(document.getElementById("ordino-data").textContent);
  const tip = document.getElementById("tip");

  function el(tag, attrs, parent, text) {
    const node = tag.startsWith("svg:") ? document.createElementNS(SVG, tag.slice(4)) : document.createElement(tag);
    for (const [k, v] of Object.entries(attrs || {})) node.setAttribute(k, v);
    if (text !== undefined) node.textContent = text;
    if (parent) parent.appendChild(node);
    return node;
  }

  function showTip(event, lines) {
    tip.replaceChildren();
    for (const line of lines) el("div", {}, tip, line);
    tip.style.display = "block";
    const x = Math.min(event.pageX + 14, window.scrollX + window.innerWidth - tip.offsetWidth - 8);
    tip.style.left = x + "px";
    tip.style.top = event.pageY + 14 + "px";
  }

  function hideTip() { tip.style.display = "none"; }

  function withTip(node, lines) {
    node.addEventListener("mousemove", (e) => showTip(e, lines));
    node.addEventListener("mouseleave", hideTip);
    node.dataset.tip = lines.join("\n");
  }

  function colour(i) { return `hsl(${(i * 137.508) % 360}, 62%, ${i % 2 ? 48 : 62}%)`; }

  function niceStep(span, pixels) {
    const rough = span / Math.max(1, pixels / 80);
    const power = Math.pow(10, Math.floor(Math.log10(Math.max(rough, 1e-9))));
    for (const m of [1, 2, 5, 10]) if (m * power >= rough) return Math.max(1, m * power);
    return 10 * power;
  }

  function header(section, parent) {
    el("h2", {}, parent, section.title);
    if (section.subtitle) el("p", { class: "subtitle" }, parent, section.subtitle);
  }

  const DAYS = ["Sun", "Mon", "Tue", "Wed", "Thu", "Fri", "Sat"];
  const pad = (n) => String(n).padStart(2, "0");

  function wall(clock, t) {
    const d = new Date(clock.start_ms + t * clock.unit_ms);
    return `${DAYS[d.getUTCDay()]} ${pad(d.getUTCHours())}:${pad(d.getUTCMinutes())}`;
  }

  const CLOCK_STEPS = [1, 5, 15, 30, 60, 120, 180, 360, 720, 1440, 2880, 10080].map((m) => m * 60000);

  function clockStep(clock, end, pixels) {
    const rough = (end * clock.unit_ms) / Math.max(1, pixels / 110);
    const ms = CLOCK_STEPS.find((s) => s >= rough) || CLOCK_STEPS[CLOCK_STEPS.length - 1];
    return Math.max(1, Math.round(ms / clock.unit_ms));
  }

  function axis(svg, x0, width, end, scale, y, unit, clock) {
    const step = clock ? clockStep(clock, end, width) : niceStep(end, width);
    for (let t = 0; t <= end + 1e-9; t += step) {
      const x = x0 + t * scale;
      el("svg:line", { x1: x, x2: x, y1: 0, y2: y, class: "grid" }, svg);
      el("svg:text", { x: x, y: y + 14, class: "tick" }, svg, clock ? wall(clock, t) : String(t));
    }
    const label = clock ? `wall-clock time (1 step = 1 ${unit})` : unit ? `time (${unit})` : "time";
    el("svg:text", { x: x0 + width, y: y + 30, class: "axis-label" }, svg, label);
  }

  function drawSchedule(section, box) {
    header(section, box);
    const controls = el("div", { class: "controls" }, box);
    const zoomIn = el("button", { type: "button", class: "zoom-in" }, controls, "zoom +");
    const zoomOut = el("button", { type: "button", class: "zoom-out" }, controls, "zoom \u2212");
    const reset = el("button", { type: "button", class: "zoom-reset" }, controls, "fit");
    el("span", { class: "hint" }, controls, "wheel over the chart zooms; hover a bar for its task");
    const frame = el("div", { class: "frame" }, box);
    const jobs = [...new Set(section.bars.map((b) => b.job))];
    const jobColour = new Map(jobs.map((j, i) => [j, colour(i)]));
    const rowLabel = (r) => (r.capacity && r.capacity > 1 ? `${r.id} (capacity ${r.capacity})` : r.id);
    const labels = [...section.rows.map(rowLabel), ...section.profiles.map((p) => `${p.resource} in use`)];
    const labelWidth = Math.min(260, 16 + 7 * Math.max(4, ...labels.map((t) => t.length)));
    const lane = 22;
    let zoom = 1;

    function render() {
      frame.replaceChildren();
      const base = Math.max(480, frame.clientWidth - labelWidth - 24);
      const width = base * zoom;
      const end = Math.max(1, section.end);
      const scale = width / end;
      const rowTop = [];
      let y = 4;
      for (const row of section.rows) { rowTop.push(y); y += row.lanes * lane + 6; }
      const profileHeight = 70;
      const height = y + 36 + section.profiles.length * (profileHeight + 24);
      const svg = el("svg:svg", { width: labelWidth + width + 16, height: height, class: "gantt" }, frame);
      const defs = el("svg:defs", {}, svg);
      const hatch = el("svg:pattern", { id: "hatch", width: 6, height: 6, patternUnits: "userSpaceOnUse",
        patternTransform: "rotate(45)" }, defs);
      el("svg:rect", { width: 6, height: 6, fill: "#e4e4e4" }, hatch);
      el("svg:line", { x1: 0, y1: 0, x2: 0, y2: 6, stroke: "#999", "stroke-width": 2 }, hatch);
      axis(svg, labelWidth, width, end, scale, y, section.unit, section.clock);
      const rowIndex = new Map(section.rows.map((r, i) => [r.id, i]));
      section.rows.forEach((row, i) => {
        el("svg:rect", { x: 0, y: rowTop[i] - 2, width: labelWidth + width, height: row.lanes * lane + 4,
          class: i % 2 ? "band odd" : "band" }, svg);
        el("svg:text", { x: labelWidth - 8, y: rowTop[i] + row.lanes * lane / 2 + 4, class: "row-label" }, svg,
          rowLabel(row));
      });
      for (const d of section.down) {
        const i = rowIndex.get(d.row);
        const r = el("svg:rect", { x: labelWidth + d.start * scale, y: rowTop[i] - 2,
          width: Math.max(1, (d.end - d.start) * scale), height: section.rows[i].lanes * lane + 4,
          fill: "url(#hatch)", class: "down" }, svg);
        withTip(r, [`${d.row} unavailable`, `from ${d.start} to ${d.end}`]);
      }
      for (const b of section.bars) {
        const i = rowIndex.get(b.row);
        const top = rowTop[i] + b.lane * lane;
        const lines = [`task ${b.task}`];
        if (b.job !== b.task) lines.push(`job ${b.job}`);
        if (b.modes > 1) lines.push(`mode ${b.mode + 1} of ${b.modes}`);
        lines.push(`start ${b.from}`, `end ${b.to}`);
        if (b.setup) lines.push(`setup before it ${b.setup}`);
        if (b.pieces.length > 1) lines.push(`pauses ${b.pieces.length - 1} time(s) over down time`);
        const group = el("svg:g", { class: "bar", "data-task": b.task, "data-row": b.row }, svg);
        if (b.setup) {
          el("svg:rect", { x: labelWidth + (b.start - b.setup) * scale, y: top + 3, width: b.setup * scale,
            height: lane - 6, class: "setup" }, group);
        }
        for (const [a, z] of b.pieces) {
          el("svg:rect", { x: labelWidth + a * scale, y: top + 1, width: Math.max(2, (z - a) * scale),
            height: lane - 2, fill: jobColour.get(b.job), class: "piece" }, group);
        }
        for (let k = 1; k < b.pieces.length; k++) {
          el("svg:line", { x1: labelWidth + b.pieces[k - 1][1] * scale, x2: labelWidth + b.pieces[k][0] * scale,
            y1: top + lane / 2, y2: top + lane / 2, class: "pause" }, group);
        }
        const w = (b.end - b.start) * scale;
        if (w > 7 * b.task.length + 6) {
          el("svg:text", { x: labelWidth + b.start * scale + w / 2, y: top + lane / 2 + 4, class: "bar-label" },
            group, b.task);
        }
        withTip(group, lines);
      }
      let py = y + 44;
      for (const p of section.profiles) {
        const peak = Math.max(p.capacity, ...p.steps.map((s) => s[1]), 1);
        const h = profileHeight / peak;
        el("svg:text", { x: labelWidth - 8, y: py + profileHeight / 2, class: "row-label" }, svg,
          `${p.resource} in use`);
        el("svg:line", { x1: labelWidth, x2: labelWidth + width, y1: py + profileHeight - p.capacity * h,
          y2: py + profileHeight - p.capacity * h, class: "capacity" }, svg);
        el("svg:text", { x: labelWidth + width + 4, y: py + profileHeight - p.capacity * h + 4, class: "legend" },
          svg, String(p.capacity));
        el("svg:text", { x: labelWidth + width + 4, y: py + profileHeight + 4, class: "legend" }, svg, "0");
        let d = `M ${labelWidth} ${py + profileHeight}`;
        for (const [t, level] of p.steps) {
          const x = labelWidth + t * scale;
          d += ` H ${x} V ${py + profileHeight - level * h}`;
        }
        d += ` H ${labelWidth + width}`;
        const path = el("svg:path", { d: d, class: "profile", "data-resource": p.resource }, svg);
        withTip(path, [`${p.resource}: capacity ${p.capacity}`,
          `peak use ${Math.max(...p.steps.map((s) => s[1]))}`]);
        py += profileHeight + 24;
      }
    }

    function zoomAt(factor, clientX) {
      const rect = frame.getBoundingClientRect();
      const focus = clientX === undefined ? frame.clientWidth / 2 : clientX - rect.left;
      const before = (frame.scrollLeft + focus - labelWidth) / zoom;
      zoom = Math.min(200, Math.max(1, zoom * factor));
      render();
      frame.scrollLeft = Math.max(0, before * zoom + labelWidth - focus);
    }

    zoomIn.addEventListener("click", () => zoomAt(1.6));
    zoomOut.addEventListener("click", () => zoomAt(1 / 1.6));
    reset.addEventListener("click", () => { zoom = 1; render(); });
    frame.addEventListener("wheel", (e) => { e.preventDefault(); zoomAt(e.deltaY < 0 ? 1.25 : 0.8, e.clientX); },
      { passive: false });
    window.addEventListener("resize", render);
    render();
  }

  function drawRoster(section, box) {
    header(section, box);
    const table = el("table", { class: "roster" }, box);
    const head = el("tr", {}, el("thead", {}, table));
    el("th", {}, head, "staff");
    for (const day of section.days) el("th", {}, head, day);
    el("th", {}, head, "shifts");
    const body = el("tbody", {}, table);
    const shiftColour = new Map(section.shifts.map((s, i) => [s, colour(i)]));
    const perDay = new Map(section.days.map((d) => [d, 0]));
    for (const person of section.people) {
      const tr = el("tr", {}, body);
      el("th", {}, tr, person);
      let count = 0;
      for (const day of section.days) {
        const shifts = (section.cells[person] || {})[day] || [];
        const td = el("td", { "data-person": person, "data-day": day }, tr);
        for (const s of shifts) {
          el("span", { class: "shift", style: `background:${shiftColour.get(s)}` }, td, s);
        }
        count += shifts.length;
        perDay.set(day, perDay.get(day) + shifts.length);
        if (shifts.length) withTip(td, [`${person}, ${day}`, `works ${shifts.join(", ")}`]);
      }
      el("td", { class: "total" }, tr, String(count));
    }
    const foot = el("tr", {}, el("tfoot", {}, table));
    el("th", {}, foot, "working");
    for (const day of section.days) el("td", { class: "total" }, foot, String(perDay.get(day)));
    el("td", {}, foot, "");
  }

  function format(value) {
    if (value === null || value === undefined) return "";
    if (typeof value === "number") return Number.isInteger(value) ? String(value) : value.toFixed(3);
    return String(value);
  }

  function drawTable(columns, rows, parent, cls) {
    const table = el("table", { class: cls }, parent);
    const head = el("tr", {}, el("thead", {}, table));
    const body = el("tbody", {}, table);
    let order = { column: null, down: false };
    function fill() {
      body.replaceChildren();
      for (const row of rows) {
        const tr = el("tr", {}, body);
        for (const c of columns) {
          el("td", { class: typeof row[c] === "number" ? "num" : "" }, tr, format(row[c]));
        }
      }
    }
    for (const c of columns) {
      const th = el("th", { title: "sort" }, head, c);
      th.addEventListener("click", () => {
        order = { column: c, down: order.column === c ? !order.down : false };
        rows.sort((a, b) => {
          const x = a[c], y = b[c];
          const cmp = x === y ? 0 : x === null ? 1 : y === null ? -1 : x < y ? -1 : 1;
          return order.down ? -cmp : cmp;
        });
        fill();
      });
    }
    fill();
  }

  function drawRuns(section, box) {
    header(section, box);
    if (section.gaps.length) {
      el("h3", {}, box, "gap to the best known value (%)");
      const instances = [...new Set(section.gaps.map((g) => g.instance))];
      const methods = [...new Set(section.gaps.map((g) => g.method))];
      const top = Math.max(1, ...section.gaps.map((g) => g.gap));
      const left = 50, width = Math.max(480, instances.length * 16), height = 200;
      const svg = el("svg:svg", { width: left + width + 160, height: height + 60, class: "gaps" }, box);
      const step = niceStep(top, height);
      for (let v = 0; v <= top + 1e-9; v += step) {
        const y = 10 + height - (v / top) * height;
        el("svg:line", { x1: left, x2: left + width, y1: y, y2: y, class: "grid" }, svg);
        el("svg:text", { x: left - 6, y: y + 4, class: "row-label" }, svg, String(+v.toFixed(3)));
      }
      const dx = width / instances.length;
      section.gaps.forEach((g) => {
        const m = methods.indexOf(g.method), i = instances.indexOf(g.instance);
        const c = el("svg:circle", { cx: left + (i + 0.5) * dx, cy: 10 + height - (g.gap / top) * height, r: 4,
          fill: colour(m), class: "gap-point" }, svg);
        withTip(c, [`${g.instance}`, `${g.method}: gap ${format(g.gap)} %`]);
      });
      methods.forEach((m, k) => {
        el("svg:circle", { cx: left + width + 20, cy: 16 + 18 * k, r: 5, fill: colour(k) }, svg);
        el("svg:text", { x: left + width + 30, y: 20 + 18 * k, class: "legend" }, svg, m);
      });
      el("svg:text", { x: left + width / 2, y: height + 40, class: "axis-label" }, svg,
        `${instances.length} instances`);
    }
    drawTable(section.columns, section.rows, box, "runs");
  }

  function drawEvolve(section, box) {
    header(section, box);
    const gens = section.generations.filter((g) => g.best !== null);
    if (gens.length) {
      el("h3", {}, box, "convergence: gap on the training set (%)");
      const left = 50, width = 560, height = 220;
      const top = Math.max(1e-9, ...gens.map((g) => Math.max(g.best, g.mean === null ? 0 : g.mean)));
      const last = Math.max(1, gens[gens.length - 1].generation);
      const svg = el("svg:svg", { width: left + width + 140, height: height + 50, class: "convergence" }, box);
      const step = niceStep(top, height);
      for (let v = 0; v <= top + 1e-9; v += step) {
        const y = 10 + height - (v / top) * height;
        el("svg:line", { x1: left, x2: left + width, y1: y, y2: y, class: "grid" }, svg);
        el("svg:text", { x: left - 6, y: y + 4, class: "row-label" }, svg, String(+v.toFixed(4)));
      }
      const X = (g) => left + (g / last) * width, Y = (v) => 10 + height - (v / top) * height;
      [["best", 0], ["mean", 3]].forEach(([key, c], k) => {
        const pts = gens.filter((g) => g[key] !== null).map((g) => `${X(g.generation)},${Y(g[key])}`);
        el("svg:polyline", { points: pts.join(" "), class: `line ${key}`, stroke: colour(c) }, svg);
        el("svg:text", { x: left + width + 12, y: 20 + 18 * k, class: "legend", fill: colour(c) }, svg,
          `${key} gap`);
      });
      for (const g of gens) {
        const c = el("svg:circle", { cx: X(g.generation), cy: Y(g.best), r: 3.5, fill: colour(0),
          class: "gen-point" }, svg);
        withTip(c, [`generation ${g.generation}`, `best ${format(g.best)} %`, `mean ${format(g.mean)} %`,
          `${g.evaluated} evaluated, ${g.failed} failed`]);
      }
      el("svg:text", { x: left + width / 2, y: height + 40, class: "axis-label" }, svg, "generation");
    }
    if (section.best.length) {
      el("h3", {}, box, "best candidates");
      drawTable(["id", "generation", "origin", "train_gap"], section.best, box, "runs");
    }
  }

  const draw = { schedule: drawSchedule, roster: drawRoster, runs: drawRuns, evolve: drawEvolve };
  const main = document.getElementById("sections");
  for (const section of data.sections) {
    const box = el("section", { class: `section ${section.kind}` }, main);
    draw[section.kind](section, box);
  }
  document.body.dataset.ready = "yes";
})();
