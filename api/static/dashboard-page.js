/* chartq queue dashboard: live queue statistics for operators.
 *
 * Plain browser JavaScript, no build step. The page loads, in order and with `defer`: common.js and
 * sign-in.js (shared with the chat page), this file (its constants, elements and state), then
 * dashboard-feed.js (the live stream), dashboard-data.js, dashboard-charts.js, dashboard-tables.js,
 * dashboard-task.js, dashboard-batches.js, dashboard-schedules.js, dashboard-format.js, and last
 * dashboard.js, which wires them up and starts it.
 *
 * Staying fast with a huge queue: the server sends aggregates only (never the queued tasks), the page
 * draws at most once a second with Plotly.react, and it keeps one hour of samples.
 */
"use strict";

const QUEUE = API + "/analytics/queue";
const RENDER_MS = 1000;          // at most one redraw a second, however fast frames come
const STALL_MS = 5000;           // a stream silent for this long is dropped and reconnected
const STREAM_RETRY_MS = [1000, 2000, 5000, 10000, 30000];
const HISTORY_S = 3600;          // the charts keep the last hour
const GAP_S = 15;                // after a gap this long, the depth history is fetched again
const TASK_REFRESH_MS = 2000;    // an open, still active task is refreshed this often
const HEARTBEAT_TTL_S = 6;       // shared/workers.py: a worker silent for longer is dead
const WINDOWS = ["1m", "5m", "1h"];
const SERIES = [
  ["queue_wait", "Queue wait"],
  ["planning", "Planning"],
  ["data_extraction", "Data extraction"],
  ["schema_creation", "Schema creation"],
  ["persisting", "Persisting"],
  ["end_to_end", "End to end"],
];
const DEPTH_TRACES = [
  // [field, label, colour]; the first four are stacked, deferred is a line of its own.
  ["high", "High", "#c2410c"],
  ["normal", "Normal", "#2f5bd3"],
  ["low", "Low", "#8fa3c7"],
  ["processing", "Processing", "#1d7a46"],
  ["deferred", "Deferred", "#b7791f"],
];
const STATUS_LABELS = {
  PENDING: "Queued",
  PROCESSING: "Working",
  COMPLETED: "Completed",
  FAILED: "Failed",
  CANCELLED: "Cancelled",
};
const PLOT_CONFIG = { responsive: true, displaylogo: false, displayModeBar: false, showSendToCloud: false, showLink: false };
const FONT = { family: 'system-ui, -apple-system, "Segoe UI", Roboto, "Helvetica Neue", Arial, sans-serif', size: 12, color: "#1c2333" };

const el = Object.assign({}, shell, {
  connection: $("connection"), connectionText: $("connection-text"),
  forbidden: $("forbidden"), forbiddenUser: $("forbidden-user"), switchToken: $("switch-token"),
  kpiQueued: $("kpi-queued"), kpiQueuedSplit: $("kpi-queued-split"), kpiProcessing: $("kpi-processing"),
  kpiSlots: $("kpi-slots"), kpiDeferred: $("kpi-deferred"), kpiWorkers: $("kpi-workers"),
  kpiWorkersSub: $("kpi-workers-sub"), kpiOldest: $("kpi-oldest"), kpiWait: $("kpi-wait"),
  kpiThroughput: $("kpi-throughput"), kpiFailureRate: $("kpi-failure-rate"),
  kpiUpdated: $("kpi-updated"), kpiUpdatedAgo: $("kpi-updated-ago"),
  depthChart: $("depth-chart"), depthNote: $("depth-note"), throughputChart: $("throughput-chart"),
  outcomes: $("outcomes"), durationsChart: $("durations-chart"), durationsBody: $("durations-body"),
  workersBody: $("workers-body"), workersEmpty: $("workers-empty"), workersNote: $("workers-note"),
  failuresBody: $("failures-body"), failuresEmpty: $("failures-empty"),
  taskForm: $("task-form"), taskId: $("task-id"), openTask: $("open-task"), cancelTask: $("cancel-task"),
  taskFeedback: $("task-feedback"), taskDetail: $("task-detail"), taskStatus: $("task-status"),
  taskDetailId: $("task-detail-id"), taskProgress: $("task-progress"), taskProgressFill: $("task-progress-fill"),
  taskMessage: $("task-message"), taskError: $("task-error"), taskFacts: $("task-facts"),
});

const state = {
  feed: null,
  stats: null,          // the newest QueueStats
  clockOffsetMs: 0,     // server clock minus this browser's clock, from updated_at
  samples: [],          // depth samples {t, x, high, normal, low, deferred, processing}, oldest first
  rates: [],            // live {t, x, throughput, failed} samples, oldest first
  lastRender: 0,
  renderTimer: null,
  chartsStale: false,   // a redraw skipped while the tab was hidden
  durationsKey: "",
  durationsDirty: true, // the durations chart is redrawn only when its numbers change
  failuresKey: "",
  historyLoading: false,
  ticker: null,
  task: null,           // the operator view open in the task panel {user_id, worker_id, task}
  taskTimer: null,
  taskSeq: 0,
  batchTimer: null,     // refreshes the batches line (dashboard-batches.js)
};

/** 401 and 403 end the dashboard wherever they come from; true when `err` was one of them. */
function handleAuthError(err) {
  if (!(err instanceof ApiError)) return false;
  if (err.status === 401) {
    signOut(expiredMessage(err));
    return true;
  }
  if (err.status === 403) {
    showForbidden();
    return true;
  }
  return false;
}
