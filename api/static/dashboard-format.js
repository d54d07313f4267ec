/* chartq queue dashboard: the ticking clock ("N s ago", on the server's clock) and number formats. */
"use strict";

function tick() {
  const stats = state.stats;
  if (!stats) return;
  const age = serverNow() / 1000 - Date.parse(stats.updated_at) / 1000;
  setText(el.kpiUpdatedAgo, age < 1.5 ? "just now" : formatDuration(age) + " ago");
  el.kpiUpdated.closest(".kpi").dataset.level = age > 10 ? "bad" : age > 3 ? "warn" : "";
  tickAges();
}

function serverNow() {
  return Date.now() + state.clockOffsetMs;
}

/** "N s ago" for every timestamp shown, on the server's clock (so a skewed laptop clock does not lie). */
function tickAges() {
  const now = serverNow();
  for (const node of el.app.querySelectorAll("[data-ago]")) {
    const seconds = Math.max(0, (now - Date.parse(node.dataset.ago)) / 1000);
    setText(node, seconds < 1.5 ? "just now" : formatDuration(seconds) + " ago");
    if (node.classList.contains("last-seen")) node.dataset.level = seconds > HEARTBEAT_TTL_S ? "bad" : seconds > 3 ? "warn" : "";
  }
  for (const node of el.app.querySelectorAll("[data-since]")) {
    const seconds = Math.max(0, (now - Date.parse(node.dataset.since)) / 1000);
    setText(node, formatDuration(seconds) + " ago");
  }
}

const countFormat = new Intl.NumberFormat();
const compactFormat = new Intl.NumberFormat(undefined, { notation: "compact", maximumFractionDigits: 1 });

function formatCount(n) {
  return typeof n === "number" ? countFormat.format(n) : "-";
}

function formatRate(n) {
  if (typeof n !== "number") return "-";
  return n >= 100 ? countFormat.format(Math.round(n)) : String(Math.round(n * 10) / 10);
}

function formatPercent(fraction) {
  const percent = fraction * 100;
  return (percent > 0 && percent < 1 ? percent.toFixed(1) : String(Math.round(percent))) + " %";
}

function formatMs(ms) {
  if (ms === null || ms === undefined) return "-";
  if (ms < 1000) return Math.round(ms) + " ms";
  return formatDuration(ms / 1000);
}

function formatDuration(seconds) {
  if (seconds < 10) return (Math.round(seconds * 10) / 10) + " s";
  if (seconds < 90) return Math.round(seconds) + " s";
  if (seconds < 5400) return Math.round(seconds / 60) + " min";
  if (seconds < 172800) return (Math.round(seconds / 360) / 10) + " h";
  return Math.round(seconds / 86400) + " d";
}

function formatTime(iso) {
  if (!iso) return "-";
  return new Date(iso).toLocaleString([], { dateStyle: "medium", timeStyle: "medium" });
}

function shortId(id) {
  return id.length > 13 ? id.slice(0, 8) + "…" + id.slice(-4) : id;
}
