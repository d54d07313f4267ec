/* chartq queue dashboard: the samples behind the charts (one hour of them), live and from the server. */
"use strict";

/* ---------------------------------------------------------------- Data --------------------------- */

function receive(stats) {
  const updated = Date.parse(stats.updated_at);
  const previous = state.stats;
  state.stats = stats;
  if (!Number.isNaN(updated)) state.clockOffsetMs = updated - Date.now();
  const t = updated / 1000;
  const lastT = state.samples.length ? state.samples[state.samples.length - 1].t : null;
  appendSample({
    t,
    high: stats.queued.high || 0,
    normal: stats.queued.normal || 0,
    low: stats.queued.low || 0,
    deferred: stats.deferred,
    processing: stats.processing,
  });
  appendRate(t, stats);
  // Back after a gap (a sleeping laptop, a network outage): the server recorded what was missed.
  if (previous && lastT !== null && t - lastT > GAP_S) loadHistory();
  scheduleRender();
}

function localX(t) {
  // Plotly reads "YYYY-MM-DD HH:MM:SS.sss" as wall-clock time: give it this browser's local time.
  const d = new Date(t * 1000);
  const pad = (n, w) => String(n).padStart(w || 2, "0");
  return d.getFullYear() + "-" + pad(d.getMonth() + 1) + "-" + pad(d.getDate()) + " " + pad(d.getHours()) + ":" +
    pad(d.getMinutes()) + ":" + pad(d.getSeconds()) + "." + pad(d.getMilliseconds(), 3);
}

function appendSample(sample) {
  const samples = state.samples;
  if (samples.length && sample.t <= samples[samples.length - 1].t) return;
  sample.x = localX(sample.t);
  samples.push(sample);
  trim(samples, sample.t);
}

function appendRate(t, stats) {
  const rates = state.rates;
  if (rates.length && t <= rates[rates.length - 1].t) return;
  const lastMinute = stats.outcomes && stats.outcomes["1m"];
  rates.push({
    t,
    x: localX(t),
    throughput: Number(stats.throughput_per_minute) || 0,
    failed: lastMinute ? lastMinute.failed : 0,
  });
  trim(rates, t);
}

/** Drops what is older than an hour, in one splice (no shift() per sample). */
function trim(list, newest) {
  const cutoff = newest - HISTORY_S;
  let drop = 0;
  while (drop < list.length && list[drop].t < cutoff) drop += 1;
  if (drop) list.splice(0, drop);
}

/** The server's depth samples (every 5 s, last hour) under the live ones that came after them. */
async function loadHistory() {
  if (state.historyLoading) return;
  state.historyLoading = true;
  let history;
  try {
    history = await api("GET", QUEUE + "/history");
  } catch (err) {
    if (!handleAuthError(err)) el.depthNote.textContent = "last hour (history unavailable: live samples only)";
    return;
  } finally {
    state.historyLoading = false;
  }
  if (!Array.isArray(history) || !credentials.token) return;
  const server = history
    .filter((s) => typeof s.t === "number")
    .map((s) => ({
      t: s.t, x: localX(s.t), high: s.high || 0, normal: s.normal || 0, low: s.low || 0,
      deferred: s.deferred || 0, processing: s.processing || 0,
    }));
  const lastServer = server.length ? server[server.length - 1].t : -Infinity;
  const merged = server.concat(state.samples.filter((s) => s.t > lastServer));
  if (merged.length) trim(merged, merged[merged.length - 1].t);
  state.samples = merged;
  el.depthNote.textContent = "last hour";
  scheduleRender();
}
