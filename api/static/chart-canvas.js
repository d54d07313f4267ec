/* chartq chat page: the chart canvas on the right, and the history of the session's charts below it. */
"use strict";

function clearCanvas() {
  if (window.Plotly) window.Plotly.purge(el.plot);
  state.shownChartId = null;
  el.chartView.hidden = true;
  el.canvasEmpty.hidden = false;
  markHistory();
}

function showChart(chart) {
  el.canvasEmpty.hidden = true;
  el.chartView.hidden = false;
  el.chartTitle.textContent = chart.title;
  // What was charted, in plain words (and what of the question was left out), so it can be checked.
  const description = document.getElementById("chart-description");
  if (description) {
    description.textContent = chart.description || "";
    description.hidden = !chart.description;
  }
  el.chartMeta.textContent = chartMeta(chart);
  showVersions(chart);
  el.interpretation.textContent = chart.interpretation || "";
  el.sql.textContent = chart.sql || "";
  state.shownChartId = chart.id;
  markHistory();
  const figure = chart.figure || {};
  // The heading above shows the title; the plot keeps everything else of the figure's layout.
  const layout = Object.assign({}, figure.layout || {}, {
    title: { text: "" },
    autosize: true,
    margin: { l: 64, r: 24, t: 24, b: 56 },
  });
  if (!window.Plotly) {
    showError("The chart library did not load; reload the page.");
    return;
  }
  window.Plotly.purge(el.plot);
  // No mode-bar button may send the figure (warehouse data included) out of the system.
  window.Plotly.newPlot(el.plot, figure.data || [], layout, {
    responsive: true, displaylogo: false, showSendToCloud: false, showEditInChartStudio: false, showLink: false,
    modeBarButtonsToRemove: ["sendDataToCloud", "editInChartStudio"],
  });
}

function chartMeta(chart) {
  const parts = [];
  if (chart.time_range && (chart.time_range.start || chart.time_range.end)) {
    parts.push((chart.time_range.start || "...") + " to " + (chart.time_range.end || "..."));
  }
  parts.push(chart.row_count + (chart.row_count === 1 ? " row" : " rows"));
  const when = (at) => new Date(at).toLocaleString([], { dateStyle: "medium", timeStyle: "short" });
  parts.push("made " + when(chart.created_at));
  if (chart.refreshed_at) parts.push("refreshed at " + when(chart.refreshed_at));
  return parts.join(" · ");
}

// A refreshed chart has versions (1 = as first drawn): the newest is shown, and the user steps back.
const newestVersions = new Map();  // chart id -> the newest version seen

function showVersions(chart) {
  const version = chart.version || 1;
  const newest = Math.max(version, newestVersions.get(chart.id) || 1);
  newestVersions.set(chart.id, newest);
  const nav = document.getElementById("chart-versions");
  if (!nav) return;
  nav.hidden = newest < 2;
  document.getElementById("version-label").textContent = "Version " + version + " of " + newest;
  const older = document.getElementById("version-older");
  const newer = document.getElementById("version-newer");
  older.disabled = version <= 1;
  newer.disabled = version >= newest;
  older.onclick = () => showVersion(chart.id, version - 1);
  newer.onclick = () => showVersion(chart.id, version + 1);
}

async function showVersion(chartId, version) {
  try {
    const url = API + "/charts/" + encodeURIComponent(chartId) + "?version=" + version;
    showChart(await api("GET", url));
  } catch (err) {
    reportApiError(err);
  }
}

async function showChartById(chartId, fallback) {
  if (fallback && fallback.figure) {
    showChart(fallback);
    return;
  }
  try {
    showChart(await api("GET", API + "/charts/" + encodeURIComponent(chartId)));
  } catch (err) {
    reportApiError(err);
  }
}

async function refreshHistory() {
  const sessionId = state.sessionId;
  if (!sessionId) return;
  try {
    const charts = await api("GET", API + "/sessions/" + sessionId + "/charts?limit=" + HISTORY_LIMIT);
    if (sessionId === state.sessionId) renderHistory(charts);
  } catch (err) {
    reportApiError(err);
  }
}

function renderHistory(charts) {
  const items = charts.map((chart) => {
    const li = document.createElement("li");
    const button = document.createElement("button");
    button.type = "button";
    button.className = "history-item";
    button.dataset.chartId = chart.id;
    const title = document.createElement("span");
    title.className = "history-title";
    title.textContent = chart.title;
    const when = document.createElement("time");
    when.className = "history-time";
    when.dateTime = chart.created_at;
    when.textContent = new Date(chart.created_at).toLocaleTimeString([], { hour: "2-digit", minute: "2-digit" });
    button.append(title, when);
    button.addEventListener("click", () => showChart(chart));
    li.append(button);
    return li;
  });
  el.history.replaceChildren(...items);
  el.historyEmpty.hidden = charts.length > 0;
  markHistory();
}

function markHistory() {
  el.history.querySelectorAll(".history-item").forEach((button) => {
    const current = button.dataset.chartId === state.shownChartId;
    button.classList.toggle("is-current", current);
    if (current) button.setAttribute("aria-current", "true");
    else button.removeAttribute("aria-current");
  });
}
