/* chartq queue dashboard: drawing, at most once a second, and the three Plotly charts (updated in
 * place with Plotly.react, never re-created). */
"use strict";

function scheduleRender() {
  if (state.renderTimer !== null) return;
  const wait = Math.max(0, state.lastRender + RENDER_MS - performance.now());
  state.renderTimer = setTimeout(() => {
    state.renderTimer = null;
    state.lastRender = performance.now();
    render();
  }, wait);
}

function render() {
  const stats = state.stats;
  if (!stats || el.app.hidden) return;
  renderHeadline(stats);
  renderOutcomes(stats);
  renderWorkers(stats);
  renderFailures(stats);
  renderTopUsers(stats);
  renderDurationsTable(stats);
  if (document.hidden) {
    state.chartsStale = true; // nobody is looking: draw when the tab is shown again
    return;
  }
  renderCharts(stats);
}

function renderCharts(stats) {
  state.chartsStale = false;
  if (!window.Plotly) {
    showError("The chart library did not load; reload the page.");
    return;
  }
  drawDepth();
  drawThroughput();
  drawDurations(stats);
}

function baseLayout(extra) {
  return Object.assign({
    font: FONT,
    paper_bgcolor: "rgba(0,0,0,0)",
    plot_bgcolor: "rgba(0,0,0,0)",
    margin: { l: 48, r: 28, t: 8, b: 36 },
    showlegend: true,
    legend: { orientation: "h", x: 0, y: 1.02, yanchor: "bottom", traceorder: "normal", font: { size: 12 } },
    hovermode: "x unified",
    xaxis: timeAxis([]),
    yaxis: { gridcolor: "#eef1f6", rangemode: "tozero", zeroline: false, fixedrange: true },
    autosize: true,
  }, extra);
}

/** A time axis over `list` (samples, oldest first): at least two minutes wide, so that a page that
 * just opened shows whole seconds, not fractions; past that, whatever the data (or a zoom) spans. */
function timeAxis(list) {
  const axis = {
    type: "date",
    gridcolor: "#eef1f6",
    linecolor: "#dde2ea",
    hoverformat: "%H:%M:%S",
    nticks: 7,
    tickangle: 0,
    tickformatstops: [
      { dtickrange: [null, 60000], value: "%H:%M:%S" },
      { dtickrange: [60000, 86400000], value: "%H:%M" },
      { dtickrange: [86400000, null], value: "%b %d" },
    ],
  };
  if (list.length) {
    const first = list[0].t;
    const last = list[list.length - 1].t;
    if (last - first < 120) {
      axis.autorange = false;
      axis.range = [localX(last - 120), localX(last)];
    } else {
      axis.autorange = true;
    }
  }
  return axis;
}

function drawDepth() {
  const samples = state.samples;
  const x = samples.map((s) => s.x);
  const traces = DEPTH_TRACES.map(([field, label, colour]) => {
    const trace = {
      type: "scatter",
      mode: "lines",
      name: label,
      x,
      y: samples.map((s) => s[field]),
      line: { color: colour, width: field === "deferred" ? 2 : 1, shape: "hv" },
      hovertemplate: "%{y:,}<extra>" + label + "</extra>",
    };
    if (field === "deferred") trace.line.dash = "dot";
    else {
      trace.stackgroup = "depth";
      trace.fillcolor = colour + "66";
    }
    return trace;
  });
  window.Plotly.react(el.depthChart, traces, baseLayout({
    uirevision: "depth", // keeps a zoom the operator chose across redraws
    xaxis: timeAxis(samples),
    yaxis: { gridcolor: "#eef1f6", rangemode: "tozero", zeroline: false, fixedrange: true, title: { text: "tasks" } },
  }), PLOT_CONFIG);
}

function drawThroughput() {
  const rates = state.rates;
  const x = rates.map((r) => r.x);
  const traces = [
    {
      type: "scatter", mode: "lines", name: "Completed / min", x, y: rates.map((r) => r.throughput),
      line: { color: "#2f5bd3", width: 2 }, fill: "tozeroy", fillcolor: "rgba(47,91,211,0.10)",
      hovertemplate: "%{y:,}<extra>completed / min</extra>",
    },
    {
      type: "scatter", mode: "lines", name: "Failed / min", x, y: rates.map((r) => r.failed),
      line: { color: "#b42318", width: 2 }, hovertemplate: "%{y:,}<extra>failed / min</extra>",
    },
  ];
  window.Plotly.react(el.throughputChart, traces, baseLayout({ uirevision: "throughput", xaxis: timeAxis(rates) }),
    PLOT_CONFIG);
}

function drawDurations(stats) {
  if (!state.durationsDirty && el.durationsChart.data) return; // unchanged: nothing to redraw
  state.durationsDirty = false;
  const durations = stats.durations || {};
  const labels = SERIES.map(([, label]) => label);
  const seconds = (ms) => (ms === null || ms === undefined ? null : ms / 1000);
  const bar = (name, field, colour) => ({
    type: "bar",
    orientation: "h",
    name,
    y: labels,
    x: SERIES.map(([series]) => seconds((durations[series] || {})[field])),
    marker: { color: colour },
    hovertemplate: "%{x:.2f} s<extra>" + name + "</extra>",
  });
  window.Plotly.react(el.durationsChart, [bar("p50", "p50_ms", "#2f5bd3"), bar("p95", "p95_ms", "#9db4ee")], baseLayout({
    barmode: "group",
    bargap: 0.25,
    hovermode: "closest",
    margin: { l: 112, r: 16, t: 8, b: 28 },
    xaxis: { gridcolor: "#eef1f6", linecolor: "#dde2ea", rangemode: "tozero", ticksuffix: " s", fixedrange: true },
    yaxis: { autorange: "reversed", fixedrange: true, automargin: true },
  }), PLOT_CONFIG);
}
