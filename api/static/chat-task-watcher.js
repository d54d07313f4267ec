/* chartq chat page: following a chart task live.
 *
 * Every task is followed over SSE (GET /api/v1/analytics/charts/stream/{task_id}); when the stream is
 * unavailable or keeps failing, the task's status is polled once a second instead.
 */
"use strict";

function watchTask(task, options) {
  const existing = state.watchers.get(task.task_id);
  if (existing) {
    existing.apply(task);
    return existing;
  }
  const item = messageItem(task.message_id);
  if (!item) return null;
  const watcher = new TaskWatcher(task, item.querySelector(".tasks"), options);
  state.watchers.set(task.task_id, watcher);
  watcher.start();
  return watcher;
}

class TaskWatcher {
  constructor(task, container, options) {
    this.task = task;
    this.taskId = task.task_id;
    this.seq = 0;
    this.show = Boolean(options && options.show);
    this.external = Boolean(options && options.external); // its batch's stream calls apply()
    this.source = null;
    this.streamErrors = 0;
    this.pollTimer = null;
    this.etaTimer = null;
    this.stopped = false;
    this.finished = false;
    this.card = new TaskCard(task, container, () => this.cancel());
  }

  start() {
    this.apply(this.task);
    if (TERMINAL.has(this.task.status)) return;
    this.etaTimer = setInterval(() => this.card.renderEta(this.task), 1000);
    if (this.external) return;
    if (typeof EventSource === "function") this.openStream();
    else this.startPolling();
  }

  stop() {
    this.stopped = true;
    this.closeStream();
    clearTimeout(this.pollTimer);
    clearInterval(this.etaTimer);
    this.pollTimer = null;
  }

  openStream() {
    const url = STREAM + encodeURIComponent(this.taskId) + "?access_token=" + encodeURIComponent(credentials.token);
    const source = new EventSource(url);
    this.source = source;
    source.onmessage = (event) => {
      const frame = statusFrame(event);
      if (!frame) return;
      this.streamErrors = 0;
      if (typeof frame.seq === "number") {
        if (frame.seq <= this.seq) return; // a replay after a reconnect: already shown
        this.seq = frame.seq;
      }
      this.apply(frame.data);
    };
    source.onerror = () => {
      if (this.stopped || this.finished) {
        this.closeStream();
        return;
      }
      this.streamErrors += 1;
      // CLOSED: the server refused the stream (404, 401, not an event stream); the browser will not
      // retry. CONNECTING: it reconnects by itself with Last-Event-ID, up to a few times.
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
        const task = await api("GET", TASKS + "/" + encodeURIComponent(this.taskId) + "/status");
        this.card.setConnection(null);
        this.apply(task);
      } catch (err) {
        if (err instanceof ApiError && err.status === 401) return;
        if (err instanceof ApiError && err.status === 404) {
          this.card.setConnection("This task no longer exists.");
          this.stop();
          return;
        }
        this.card.setConnection("Connection lost; retrying...");
      }
      if (!this.stopped && !this.finished) this.pollTimer = setTimeout(poll, POLL_MS);
    };
    this.pollTimer = setTimeout(poll, 0);
  }

  apply(task) {
    if (this.finished || this.stopped) return;
    if (task.task_id !== this.taskId) return;
    this.task = task;
    const stick = nearBottom();
    this.card.render(task);
    if (stick) scrollToBottom();
    if (TERMINAL.has(task.status)) this.finish(task);
  }

  finish(task) {
    this.finished = true;
    this.closeStream();
    clearTimeout(this.pollTimer);
    clearInterval(this.etaTimer);
    this.pollTimer = null;
    if (task.status === "COMPLETED") this.loadResult(task);
  }

  async loadResult(task) {
    try {
      const chart = await api("GET", TASKS + "/" + encodeURIComponent(task.task_id) + "/result");
      const stick = nearBottom();
      this.card.setChart(chart, () => showChart(chart));
      const item = messageItem(task.message_id);
      const link = item && item.querySelector('.chart-links [data-chart-id="' + CSS.escape(chart.id) + '"]');
      if (link) link.remove(); // the card's own button shows it
      if (stick) scrollToBottom();
      if (task.session_id === state.sessionId) {
        if (this.show) showChart(chart);
        await refreshHistory();
      }
    } catch (err) {
      this.card.setConnection("The chart is ready but could not be loaded: " + describe(err));
    }
  }

  async cancel() {
    this.card.setCancelling(true);
    try {
      const task = await api("DELETE", TASKS + "/" + encodeURIComponent(this.taskId));
      this.apply(task);
    } catch (err) {
      reportApiError(err);
    } finally {
      this.card.setCancelling(false);
    }
  }
}
