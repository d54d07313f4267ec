/* chartq chat page: a chart for each of several messages at once (a batch), followed as one.
 *
 * Each user message has a checkbox; "Chart selected" posts the checked ones as one batch
 * (POST /api/v1/analytics/charts/batch) and follows it over a single SSE stream
 * (GET .../batch/{batch_id}/stream): its aggregate progress in the batch bar, and each task's own card
 * under its message, both drawn from the same frames (so a batch of 20 holds one stream, not 20). When
 * the stream is unavailable or keeps failing, the batch is polled once a second instead.
 */
"use strict";

const BATCHES = API + "/analytics/charts/batch";
const MAX_BATCH = 20;
const BATCH_TERMINAL = new Set(["COMPLETED", "PARTIAL", "FAILED", "CANCELLED"]);
const BATCH_LABELS = {
  PENDING: "Queued",
  PROCESSING: "Working",
  COMPLETED: "Ready",
  PARTIAL: "Partly ready",
  FAILED: "Failed",
  CANCELLED: "Cancelled",
};

Object.assign(el, {
  batchBar: $("batch-bar"), batchSelected: $("batch-selected"), batchAll: $("batch-select-all"),
  batchStart: $("batch-start"), batchStatus: $("batch-status"),
});

/** The checkbox that puts a user message in the next batch (chat-messages.js adds it to each). */
function batchPicker(message) {
  const label = document.createElement("label");
  label.className = "batch-pick";
  const box = document.createElement("input");
  box.type = "checkbox";
  box.value = message.id;
  box.setAttribute("aria-label", "Select for a batch: " + message.content);
  box.addEventListener("change", updateBatchBar);
  label.append(box, document.createTextNode("Select"));
  return label;
}

function pickerBoxes() {
  return [...el.messages.querySelectorAll(".batch-pick input")];
}

function updateBatchBar() {
  const boxes = pickerBoxes();
  const picked = boxes.filter((box) => box.checked).length;
  el.batchBar.hidden = boxes.length === 0 && !el.batchStatus.firstChild;
  setText(el.batchSelected, picked ? picked + " selected" : "Select messages to chart them together.");
  setText(el.batchStart, picked ? "Chart selected (" + picked + ")" : "Chart selected");
  el.batchStart.disabled = picked === 0 || Boolean(state.batchStarting);
  setText(el.batchAll, boxes.length && picked === boxes.length ? "Clear selection" : "Select all");
}

function toggleAllPickers() {
  const boxes = pickerBoxes();
  const all = boxes.length > 0 && boxes.every((box) => box.checked);
  for (const box of boxes) box.checked = !all;
  updateBatchBar();
}

async function startBatch() {
  const ids = pickerBoxes().filter((box) => box.checked).map((box) => box.value);
  if (!ids.length) return;
  if (ids.length > MAX_BATCH) {
    showError("A batch holds at most " + MAX_BATCH + " messages; select fewer.");
    return;
  }
  clearError();
  state.batchStarting = true;
  updateBatchBar();
  try {
    const batch = await api("POST", BATCHES, { message_ids: ids });
    for (const box of pickerBoxes()) box.checked = false;
    stopBatch();
    state.batch = new BatchWatcher(batch, el.batchStatus);
    state.batch.start();
  } catch (err) {
    reportApiError(err);
  } finally {
    state.batchStarting = false;
    updateBatchBar();
  }
}

/** Stops following the batch (another session was opened, or the user signed out) and forgets it. */
function stopBatch() {
  if (state.batch) state.batch.stop();
  state.batch = null;
  el.batchStatus.replaceChildren();
}

class BatchWatcher {
  constructor(batch, container) {
    this.batch = batch;
    this.batchId = batch.batch_id;
    this.source = null;
    this.streamErrors = 0;
    this.pollTimer = null;
    this.stopped = false;
    this.finished = false;
    this.card = new BatchCard(container, () => this.cancel());
  }

  start() {
    this.apply(this.batch);
    if (this.finished) return;
    if (typeof EventSource === "function") this.openStream();
    else this.startPolling();
  }

  stop() {
    this.stopped = true;
    this.closeStream();
    clearTimeout(this.pollTimer);
    this.pollTimer = null;
  }

  openStream() {
    const url = BATCHES + "/" + encodeURIComponent(this.batchId) + "/stream?access_token=" +
      encodeURIComponent(credentials.token);
    const source = new EventSource(url);
    this.source = source;
    source.onmessage = (event) => {
      let batch;
      try {
        batch = JSON.parse(event.data);
      } catch (err) {
        return;
      }
      if (!batch || batch.batch_id !== this.batchId) return; // an error frame: the stream ends
      this.streamErrors = 0;
      this.apply(batch);
    };
    source.onerror = () => {
      if (this.stopped || this.finished) {
        this.closeStream();
        return;
      }
      this.streamErrors += 1;
      if (source.readyState === EventSource.CLOSED || this.streamErrors >= MAX_STREAM_ERRORS) {
        this.closeStream();
        this.startPolling();
      }
    };
  }

  closeStream() {
    if (this.source) {
      this.source.onmessage = null;
      this.source.onerror = null;
      this.source.close();
      this.source = null;
    }
  }

  startPolling() {
    if (this.stopped || this.finished || this.pollTimer !== null) return;
    const poll = async () => {
      if (this.stopped || this.finished) return;
      try {
        this.apply(await api("GET", BATCHES + "/" + encodeURIComponent(this.batchId)));
        this.card.setConnection(null);
      } catch (err) {
        if (err instanceof ApiError && err.status === 401) return;
        if (err instanceof ApiError && err.status === 404) {
          this.card.setConnection("This batch no longer exists.");
          this.stop();
          return;
        }
        this.card.setConnection("Connection lost; retrying...");
      }
      if (!this.stopped && !this.finished) this.pollTimer = setTimeout(poll, POLL_MS);
    };
    this.pollTimer = setTimeout(poll, 0);
  }

  apply(batch) {
    if (this.stopped || this.finished) return;
    this.batch = batch;
    this.card.render(batch);
    // Each task's card under its message, from the same frame: no stream of its own.
    for (const task of batch.tasks) watchTask(task, { show: false, external: true });
    if (BATCH_TERMINAL.has(batch.status)) {
      this.finished = true;
      this.closeStream();
      clearTimeout(this.pollTimer);
      this.pollTimer = null;
    }
  }

  async cancel() {
    this.card.setCancelling(true);
    try {
      this.apply(await api("DELETE", BATCHES + "/" + encodeURIComponent(this.batchId)));
    } catch (err) {
      reportApiError(err);
    } finally {
      this.card.setCancelling(false);
    }
  }
}

class BatchCard {
  constructor(container, onCancel) {
    const card = document.createElement("section");
    card.className = "batch";
    card.setAttribute("aria-label", "Batch of charts");

    const head = document.createElement("div");
    head.className = "task-head";
    this.badge = document.createElement("span");
    this.badge.className = "status-badge";
    this.summary = document.createElement("span");
    this.summary.className = "batch-summary";
    this.summary.setAttribute("aria-live", "polite");
    this.cancelButton = document.createElement("button");
    this.cancelButton.type = "button";
    this.cancelButton.className = "btn btn-small btn-danger cancel-batch";
    this.cancelButton.textContent = "Cancel all";
    this.cancelButton.addEventListener("click", onCancel);
    head.append(this.badge, this.summary, this.cancelButton);

    this.bar = document.createElement("div");
    this.bar.className = "progress";
    this.bar.setAttribute("role", "progressbar");
    this.bar.setAttribute("aria-label", "Batch progress");
    this.bar.setAttribute("aria-valuemin", "0");
    this.bar.setAttribute("aria-valuemax", "100");
    this.fill = document.createElement("div");
    this.fill.className = "progress-fill";
    this.bar.append(this.fill);

    this.counts = document.createElement("p");
    this.counts.className = "batch-counts";
    this.connection = document.createElement("p");
    this.connection.className = "task-connection";
    this.connection.hidden = true;

    card.append(head, this.bar, this.counts, this.connection);
    container.replaceChildren(card);
    this.card = card;
  }

  render(batch) {
    const progress = progressPercent(batch);
    const counts = batch.counts;
    const total = counts.pending + counts.processing + counts.completed + counts.failed + counts.cancelled;
    this.card.dataset.status = batch.status;
    this.card.dataset.progress = String(progress);
    this.card.classList.toggle("task-active", !BATCH_TERMINAL.has(batch.status));
    this.badge.dataset.status = batch.status;
    setText(this.badge, BATCH_LABELS[batch.status] || batch.status);
    setText(this.summary, counts.completed + " of " + total + (total === 1 ? " chart" : " charts") + " ready");
    this.bar.setAttribute("aria-valuenow", String(progress));
    this.fill.style.width = progress + "%";
    const parts = [
      [counts.pending, "queued"], [counts.processing, "working"], [counts.failed, "failed"],
      [counts.cancelled, "cancelled"],
    ].filter(([n]) => n > 0).map(([n, word]) => n + " " + word);
    setText(this.counts, parts.join(" · "));
    this.cancelButton.hidden = BATCH_TERMINAL.has(batch.status);
  }

  setConnection(text) {
    this.connection.textContent = text || "";
    this.connection.hidden = !text;
  }

  setCancelling(busy) {
    this.cancelButton.disabled = busy;
    this.cancelButton.textContent = busy ? "Cancelling..." : "Cancel all";
  }
}

el.batchAll.addEventListener("click", toggleAllPickers);
el.batchStart.addEventListener("click", startBatch);
// Messages come and go with the session: the bar follows what the list holds.
new MutationObserver(updateBatchBar).observe(el.messages, { childList: true });
