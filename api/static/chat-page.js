/* chartq chat page: sessions and messages on the left, the chart canvas on the right.
 *
 * Plain browser JavaScript, no build step. The page loads, in order and with `defer`: common.js and
 * sign-in.js (shared with the dashboard), this file (its constants, elements and state), then
 * chat-sessions.js, chat-messages.js, chat-task-watcher.js, chat-task-card.js, chat-batch.js,
 * chat-session-sync.js, chart-canvas.js, and last chat.js, which wires them up and starts the page.
 */
"use strict";

const TASKS = API + "/analytics/charts/async";
const STREAM = API + "/analytics/charts/stream/";
const SESSION_KEY = "chartq.session";
const MAX_STREAM_ERRORS = 3;
const HISTORY_LIMIT = 10;
const STEPS = [
  ["queued", "Queued"],
  ["planning", "Planning"],
  ["data_extraction", "Data extraction"],
  ["schema_creation", "Schema creation"],
  ["persisting", "Persisting"],
  ["done", "Done"],
];
const STATUS_LABELS = {
  PENDING: "Queued",
  PROCESSING: "Working",
  COMPLETED: "Ready",
  FAILED: "Failed",
  CANCELLED: "Cancelled",
};

const el = Object.assign({}, shell, {
  sessionSelect: $("session-select"), newSession: $("new-session"),
  messages: $("messages"), emptyChat: $("empty-chat"), examples: $("examples"),
  askForm: $("ask-form"), question: $("question"), askButton: $("ask-button"),
  canvasEmpty: $("canvas-empty"), chartView: $("chart-view"), chartTitle: $("chart-title"),
  chartMeta: $("chart-meta"), plot: $("plot"), interpretation: $("chart-interpretation"),
  sql: $("chart-sql"), history: $("history"), historyEmpty: $("history-empty"),
});

const state = {
  sessions: [],
  sessionId: null,      // null: a new session, created when the first question is asked
  watchers: new Map(),  // task_id -> TaskWatcher
  shownChartId: null,
  loadSeq: 0,           // guards against a slow session load overwriting a newer one
  batch: null,          // the BatchWatcher of the batch last started (chat-batch.js)
  sync: null,           // the EventSource that shows other tabs' questions (chat-session-sync.js)
};

// A stream's status_update frame ({type, task_id, seq, data: TaskDTO}); null for anything else.
function statusFrame(event) {
  let frame;
  try {
    frame = JSON.parse(event.data);
  } catch (err) {
    return null;
  }
  return frame && frame.type === "status_update" && frame.data ? frame : null;
}

function reportApiError(err) {
  if (err instanceof ApiError && err.status === 401) return; // signOut() already said why
  showError(describe(err));
}

function stopWatchers() {
  for (const watcher of state.watchers.values()) watcher.stop();
  state.watchers.clear();
  stopBatch();
  stopSessionSync();
}
