/* chartq queue dashboard: the batches line under the outcomes (GET /api/v1/analytics/queue/batches),
 * read every few seconds while the dashboard is open: how many batches are active, how the others ended. */
"use strict";

const BATCH_STATS_MS = 5000;

Object.assign(el, { batchesLine: $("batches-line"), batchesActive: $("batches-active"), batchesEnded: $("batches-ended") });

async function refreshBatchStats() {
  let stats;
  try {
    stats = await api("GET", QUEUE + "/batches");
  } catch (err) {
    if (!handleAuthError(err)) setText(el.batchesEnded, " (unavailable)");
    return;
  }
  setText(el.batchesActive, formatCount(stats.active));
  const ended = [
    [stats.completed, "completed"], [stats.partial, "partial"], [stats.failed, "failed"],
    [stats.cancelled, "cancelled"],
  ].filter(([n]) => n > 0).map(([n, word]) => formatCount(n) + " " + word);
  setText(el.batchesEnded, " · " + formatCount(stats.created) + " created" + (ended.length ? " · " + ended.join(" · ") : ""));
  el.batchesLine.title = "All time: " + formatCount(stats.tasks) + " charts asked for in batches";
}

function startBatchStats() {
  stopBatchStats();
  refreshBatchStats();
  state.batchTimer = setInterval(refreshBatchStats, BATCH_STATS_MS);
}

function stopBatchStats() {
  clearInterval(state.batchTimer);
  state.batchTimer = null;
}
