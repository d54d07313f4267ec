/* chartq queue dashboard: the headline numbers and the tables (outcomes, workers, failures, durations),
 * updated in place so that nothing flickers or loses focus. */
"use strict";

function renderHeadline(stats) {
  const queued = stats.queued || {};
  setBig(el.kpiQueued, stats.queued_total);
  setText(el.kpiQueuedSplit, "high " + formatCount(queued.high || 0) + " · normal " + formatCount(queued.normal || 0) +
    " · low " + formatCount(queued.low || 0));
  setBig(el.kpiProcessing, stats.processing);
  const slots = stats.workers.reduce((sum, w) => sum + w.concurrency, 0);
  setText(el.kpiSlots, slots ? "of " + formatCount(slots) + " slots" : "no worker slots");
  setBig(el.kpiDeferred, stats.deferred);
  setText(el.kpiWorkers, formatCount(stats.workers.length));
  setText(el.kpiWorkersSub, stats.workers.length ? formatCount(slots) + " slots in all" : "none alive");
  el.kpiWorkers.closest(".kpi").dataset.level = stats.workers.length ? "" : "bad";
  setText(el.kpiOldest, stats.oldest_queued_age_seconds === null ? "none" : formatDuration(stats.oldest_queued_age_seconds));
  setText(el.kpiWait, stats.estimated_wait_seconds === null ? "unknown" : formatDuration(stats.estimated_wait_seconds));
  el.kpiWait.closest(".kpi").dataset.level = stats.estimated_wait_seconds === null && stats.queued_total > 0 ? "bad" : "";
  setText(el.kpiThroughput, formatRate(stats.throughput_per_minute));
  const rate = failureRate(stats.outcomes["5m"]);
  setText(el.kpiFailureRate, rate === null ? "-" : formatPercent(rate));
  el.kpiFailureRate.closest(".kpi").dataset.level = rate !== null && rate >= 0.2 ? "bad" : rate !== null && rate > 0 ? "warn" : "";
  const updated = new Date(stats.updated_at);
  el.kpiUpdated.dateTime = stats.updated_at;
  setText(el.kpiUpdated, updated.toLocaleTimeString([], { hour: "2-digit", minute: "2-digit", second: "2-digit", hourCycle: "h23" }));
  tick();
}

/** A headline count: exact up to 99,999, then compact ("1.2M") with the exact number as its tooltip. */
function setBig(node, n) {
  const exact = formatCount(n);
  setText(node, typeof n === "number" && n >= 100000 ? compactFormat.format(n) : exact);
  if (node.title !== exact) node.title = exact;
}

function failureRate(counts) {
  if (!counts) return null;
  const total = counts.completed + counts.failed;
  return total ? counts.failed / total : null;
}

function renderOutcomes(stats) {
  for (const window of WINDOWS) {
    const row = el.outcomes.querySelector('tr[data-window="' + window + '"]');
    const counts = stats.outcomes[window];
    if (!row || !counts) continue;
    setText(row.querySelector(".completed"), formatCount(counts.completed));
    setText(row.querySelector(".failed"), formatCount(counts.failed));
    setText(row.querySelector(".cancelled"), formatCount(counts.cancelled));
    const rate = failureRate(counts);
    const cell = row.querySelector(".rate");
    setText(cell, rate === null ? "-" : formatPercent(rate));
    cell.dataset.level = rate !== null && rate >= 0.2 ? "bad" : rate ? "warn" : "";
  }
}

/** The workers, updated in place (keyed by id) so that nothing flickers or loses focus. */
function renderWorkers(stats) {
  const workers = stats.workers;
  const rows = new Map([...el.workersBody.rows].map((row) => [row.dataset.workerId, row]));
  const ordered = workers.map((worker) => {
    let row = rows.get(worker.id);
    rows.delete(worker.id);
    if (!row) row = workerRow(worker.id);
    const cells = row.cells;
    setText(cells[0].firstChild, worker.id);
    cells[0].firstChild.title = worker.id;
    setText(cells[1], worker.host);
    setText(cells[2], String(worker.pid));
    const busy = worker.concurrency ? Math.min(1, worker.running / worker.concurrency) : 0;
    setText(cells[3].querySelector(".meter-text"), worker.running + " / " + worker.concurrency);
    cells[3].querySelector(".meter-fill").style.width = Math.round(busy * 100) + "%";
    const meter = cells[3].querySelector(".meter");
    meter.setAttribute("aria-valuenow", String(worker.running));
    meter.setAttribute("aria-valuemax", String(worker.concurrency));
    meter.setAttribute("aria-valuetext", worker.running + " of " + worker.concurrency + " running");
    setText(cells[4], formatCount(worker.completed));
    setText(cells[5], formatCount(worker.failed));
    cells[5].dataset.level = worker.failed ? "warn" : "";
    const started = cells[6].firstChild;
    started.dateTime = worker.started_at;
    started.title = new Date(worker.started_at).toLocaleString();
    started.dataset.since = worker.started_at;
    const seen = cells[7].firstChild;
    seen.dateTime = worker.last_seen;
    seen.title = new Date(worker.last_seen).toLocaleString();
    seen.dataset.ago = worker.last_seen;
    return row;
  });
  for (const row of rows.values()) row.remove();
  ordered.forEach((row, index) => {
    if (el.workersBody.rows[index] !== row) el.workersBody.insertBefore(row, el.workersBody.rows[index] || null);
  });
  el.workersEmpty.hidden = workers.length > 0;
  el.workersBody.closest("table").hidden = workers.length === 0;
  const running = workers.reduce((sum, w) => sum + w.running, 0);
  setText(el.workersNote, workers.length ? formatCount(running) + (running === 1 ? " task" : " tasks") + " running" : "");
  tickAges();
}

function workerRow(id) {
  const row = document.createElement("tr");
  row.dataset.workerId = id;
  const cell = (className, child) => {
    const td = document.createElement("td");
    if (className) td.className = className;
    if (child) td.append(child);
    row.append(td);
    return td;
  };
  const code = document.createElement("code");
  code.className = "worker-id";
  cell("", code);
  cell("");
  cell("num");
  const meterCell = document.createElement("div");
  meterCell.className = "meter-cell";
  const meter = document.createElement("span");
  meter.className = "meter";
  meter.setAttribute("role", "meter");
  meter.setAttribute("aria-label", "Running tasks");
  meter.setAttribute("aria-valuemin", "0");
  const fill = document.createElement("span");
  fill.className = "meter-fill";
  meter.append(fill);
  const text = document.createElement("span");
  text.className = "meter-text";
  meterCell.append(meter, text);
  cell("", meterCell);
  cell("num");
  cell("num");
  cell("", document.createElement("time"));
  const seen = document.createElement("time");
  seen.className = "last-seen";
  cell("", seen);
  return row;
}

/** Recent failures: rebuilt only when the list changes, so a focused button stays focused. */
function renderFailures(stats) {
  const failures = stats.recent_failures || [];
  const key = failures.map((f) => f.task_id + "@" + f.failed_at).join("|");
  if (key !== state.failuresKey) {
    state.failuresKey = key;
    const focused = document.activeElement && el.failuresBody.contains(document.activeElement)
      ? document.activeElement.dataset.taskId : null;
    el.failuresBody.replaceChildren(...failures.map(failureRow));
    if (focused) {
      const again = el.failuresBody.querySelector('button[data-task-id="' + CSS.escape(focused) + '"]');
      if (again) again.focus();
    }
    el.failuresEmpty.hidden = failures.length > 0;
    el.failuresBody.closest("table").hidden = failures.length === 0;
    markOpenFailure();
  }
  tickAges();
}

function failureRow(failure) {
  const row = document.createElement("tr");
  row.dataset.taskId = failure.task_id;

  const when = document.createElement("time");
  if (failure.failed_at) {
    when.dateTime = failure.failed_at;
    when.title = new Date(failure.failed_at).toLocaleString();
    when.dataset.ago = failure.failed_at;
  } else {
    when.textContent = "-";
  }
  const whenCell = document.createElement("td");
  whenCell.className = "nowrap";
  whenCell.append(when);

  const taskCell = document.createElement("td");
  const id = document.createElement("code");
  id.textContent = shortId(failure.task_id);
  id.title = failure.task_id;
  taskCell.append(id);

  const userCell = document.createElement("td");
  userCell.className = "ellipsis";
  userCell.textContent = failure.user_id;
  userCell.title = failure.user_id;

  const codeCell = document.createElement("td");
  const code = document.createElement("span");
  code.className = "error-code";
  code.textContent = failure.error_code || "unknown";
  codeCell.append(code);

  const messageCell = document.createElement("td");
  const message = document.createElement("div");
  message.className = "error-message";
  message.textContent = failure.error_message || "";
  message.title = failure.error_message || "";
  messageCell.append(message);

  const actionCell = document.createElement("td");
  actionCell.className = "actions";
  const open = document.createElement("button");
  open.type = "button";
  open.className = "btn btn-small open-failure";
  open.dataset.taskId = failure.task_id;
  open.textContent = "Details";
  open.setAttribute("aria-label", "Details of task " + failure.task_id);
  actionCell.append(open);

  row.append(whenCell, taskCell, userCell, codeCell, messageCell, actionCell);
  return row;
}

function renderDurationsTable(stats) {
  const durations = stats.durations || {};
  const key = JSON.stringify(durations);
  if (key === state.durationsKey) return;
  state.durationsKey = key;
  state.durationsDirty = true;
  el.durationsBody.replaceChildren(...SERIES.map(([series, label]) => {
    const d = durations[series] || { count: 0, p50_ms: null, p95_ms: null };
    const row = document.createElement("tr");
    row.dataset.series = series;
    if (series === "end_to_end") row.className = "total";
    const name = document.createElement("th");
    name.scope = "row";
    name.textContent = label;
    const count = document.createElement("td");
    count.className = "num count";
    count.textContent = formatCount(d.count);
    const p50 = document.createElement("td");
    p50.className = "num p50";
    p50.textContent = formatMs(d.p50_ms);
    const p95 = document.createElement("td");
    p95.className = "num p95";
    p95.textContent = formatMs(d.p95_ms);
    row.append(name, count, p50, p95);
    return row;
  }));
}
