/* chartq queue dashboard: live queue statistics for operators.
 *
 * Plain browser JavaScript, no build step. Live data comes from the SSE stream
 * GET /api/v1/analytics/queue/stats/stream, read with fetch() so that the token travels in the
 * Authorization header (EventSource cannot send headers). While the stream is unavailable the page
 * polls GET /api/v1/analytics/queue/stats once a second and keeps trying the stream with a backoff.
 *
 * Staying fast with a huge queue: the server sends aggregates only (never the queued tasks), the page
 * draws at most once a second with Plotly.react, and it keeps one hour of samples.
 */
(function () {
  "use strict";

  const API = "/api/v1";
  const QUEUE = API + "/analytics/queue";
  const TOKEN_KEY = "chartq.token"; // shared with the chat page: one sign-in for both pages
  const USER_KEY = "chartq.user";
  const NO_DEV_KEY = "chartq.noDevSignIn";
  const POLL_MS = 1000;
  const RENDER_MS = 1000;          // at most one redraw a second, however fast frames come
  const STALL_MS = 5000;           // a stream silent for this long is dropped and reconnected
  const STREAM_RETRY_MS = [1000, 2000, 5000, 10000, 30000];
  const HISTORY_S = 3600;          // the charts keep the last hour
  const GAP_S = 15;                // after a gap this long, the depth history is fetched again
  const TASK_REFRESH_MS = 2000;    // an open, still active task is refreshed this often
  const HEARTBEAT_TTL_S = 6;       // shared/workers.py: a worker silent for longer is dead
  const OPERATOR_HINT = "chartq token --user U --role operator";
  const TERMINAL = new Set(["COMPLETED", "FAILED", "CANCELLED"]);
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
  const PLOT_CONFIG = { responsive: true, displaylogo: false, displayModeBar: false };
  const FONT = { family: 'system-ui, -apple-system, "Segoe UI", Roboto, "Helvetica Neue", Arial, sans-serif', size: 12, color: "#1c2333" };

  const $ = (id) => document.getElementById(id);
  const el = {
    account: $("account"), userName: $("user-name"), signOut: $("sign-out"),
    connection: $("connection"), connectionText: $("connection-text"),
    banner: $("banner"), bannerText: $("banner-text"), bannerClose: $("banner-close"),
    signin: $("signin"), devSignin: $("dev-signin"), devButton: $("dev-sign-in"),
    tokenForm: $("token-form"), tokenInput: $("token-input"), signinError: $("signin-error"),
    forbidden: $("forbidden"), forbiddenUser: $("forbidden-user"), switchToken: $("switch-token"),
    app: $("app"),
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
  };

  const state = {
    token: sessionStorage.getItem(TOKEN_KEY),
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
  };

  /* ---------------------------------------------------------------- API ---------------------------- */

  class ApiError extends Error {
    constructor(status, code, detail) {
      super(detail);
      this.status = status;
      this.code = code;
    }
  }

  async function api(method, path, body) {
    const headers = { Accept: "application/json" };
    if (state.token) headers.Authorization = "Bearer " + state.token;
    if (body !== undefined) headers["Content-Type"] = "application/json";
    let response;
    try {
      response = await fetch(path, {
        method,
        headers,
        body: body === undefined ? undefined : JSON.stringify(body),
        cache: "no-store",
      });
    } catch (err) {
      throw new ApiError(0, "network_error", "Cannot reach the chartq server. Check your connection and try again.");
    }
    let data = null;
    try {
      data = await response.json();
    } catch (err) {
      data = null;
    }
    if (!response.ok) throw errorFrom(response.status, data);
    return data;
  }

  function errorFrom(status, data) {
    const detail = data && typeof data.detail === "string" ? data.detail : "The server answered " + status + ".";
    const code = data && data.code ? data.code : "http_" + status;
    return new ApiError(status, code, detail);
  }

  /** 401 and 403 end the dashboard wherever they come from; true when `err` was one of them. */
  function handleAuthError(err) {
    if (!(err instanceof ApiError)) return false;
    if (err.status === 401) {
      signOut("Your sign-in is no longer valid (" + err.message + "). Please sign in again.");
      return true;
    }
    if (err.status === 403) {
      showForbidden();
      return true;
    }
    return false;
  }

  function describe(err) {
    if (err instanceof ApiError) return err.message;
    return "Something went wrong: " + (err && err.message ? err.message : String(err));
  }

  /* ---------------------------------------------------------------- Banner ------------------------- */

  function showError(message) {
    el.bannerText.textContent = message;
    el.banner.hidden = false;
  }

  function clearError() {
    el.banner.hidden = true;
    el.bannerText.textContent = "";
  }

  /* ---------------------------------------------------------------- Sign-in ------------------------ */

  function tokenClaims(token) {
    try {
      const payload = token.split(".")[1].replace(/-/g, "+").replace(/_/g, "/");
      return JSON.parse(atob(payload + "===".slice((payload.length + 3) % 4)));
    } catch (err) {
      return null;
    }
  }

  function tokenSubject(token) {
    const claims = tokenClaims(token);
    return claims && typeof claims.sub === "string" ? claims.sub : null;
  }

  function showOnly(section) {
    for (const part of [el.signin, el.forbidden, el.app]) part.hidden = part !== section;
  }

  function showSignIn(message) {
    showOnly(el.signin);
    el.account.hidden = true;
    el.devSignin.hidden = sessionStorage.getItem(NO_DEV_KEY) === "1";
    el.signinError.textContent = message || "";
    el.signinError.hidden = !message;
  }

  function showForbidden() {
    stopDashboard();
    clearError();
    showOnly(el.forbidden);
    el.account.hidden = false;
    el.connection.hidden = true;
    el.userName.textContent = currentUser();
    el.forbiddenUser.textContent = currentUser() || "this user";
    el.switchToken.focus();
  }

  function currentUser() {
    return sessionStorage.getItem(USER_KEY) || tokenSubject(state.token || "") || "";
  }

  function signOut(message) {
    stopDashboard();
    state.token = null;
    sessionStorage.removeItem(TOKEN_KEY);
    sessionStorage.removeItem(USER_KEY);
    clearError();
    showSignIn(message);
  }

  async function signIn(token, user) {
    state.token = token;
    let stats;
    try {
      stats = await api("GET", QUEUE + "/stats");
    } catch (err) {
      if (err instanceof ApiError && err.status === 403) {
        // A valid token without the operator role: keep it (the chat page can use it) and say what is needed.
        sessionStorage.setItem(TOKEN_KEY, token);
        sessionStorage.setItem(USER_KEY, user || tokenSubject(token) || "signed in");
        showForbidden();
        return true;
      }
      state.token = null;
      if (err instanceof ApiError && err.status === 401) showSignIn("That token was refused: " + err.message);
      else showSignIn(describe(err));
      return false;
    }
    sessionStorage.setItem(TOKEN_KEY, token);
    sessionStorage.setItem(USER_KEY, user || tokenSubject(token) || "signed in");
    startDashboard(stats);
    return true;
  }

  async function devSignIn() {
    el.devButton.disabled = true;
    try {
      const answer = await api("POST", API + "/dev/token", {});
      await signIn(answer.access_token, answer.user);
    } catch (err) {
      if (err instanceof ApiError && err.status === 404) {
        sessionStorage.setItem(NO_DEV_KEY, "1");
        el.devSignin.hidden = true;
        showSignIn("Dev sign-in is only available when chartq runs in dev mode. Paste an operator token instead.");
      } else {
        showSignIn(describe(err));
      }
    } finally {
      el.devButton.disabled = false;
    }
  }

  async function tokenSignIn(event) {
    event.preventDefault();
    const token = el.tokenInput.value.trim().replace(/^Bearer\s+/i, "");
    if (!token) {
      showSignIn("Paste a token first.");
      el.tokenInput.focus();
      return;
    }
    if (await signIn(token, null)) el.tokenInput.value = "";
  }

  /* ---------------------------------------------------------------- Dashboard lifecycle ------------ */

  function startDashboard(firstStats) {
    stopDashboard();
    clearError();
    showOnly(el.app);
    el.account.hidden = false;
    el.connection.hidden = false;
    el.userName.textContent = currentUser();
    state.samples = [];
    state.rates = [];
    state.durationsKey = "";
    state.durationsDirty = true;
    state.failuresKey = "";
    if (firstStats) receive(firstStats);
    loadHistory();
    state.feed = new StatsFeed(receive, setConnection, (err) => handleAuthError(err));
    state.feed.start();
    state.ticker = setInterval(tick, 1000);
  }

  function stopDashboard() {
    if (state.feed) state.feed.stop();
    state.feed = null;
    clearInterval(state.ticker);
    state.ticker = null;
    clearTimeout(state.renderTimer);
    state.renderTimer = null;
    clearTimeout(state.taskTimer);
    state.taskTimer = null;
    state.stats = null;
    state.task = null;
    el.taskDetail.hidden = true;
    el.taskFeedback.textContent = "";
    if (window.Plotly) {
      for (const node of [el.depthChart, el.throughputChart, el.durationsChart]) window.Plotly.purge(node);
    }
  }

  function setConnection(mode, detail) {
    el.connection.dataset.state = mode;
    setText(el.connectionText, detail); // unchanged text is not announced again
  }

  /* ---------------------------------------------------------------- Live feed ---------------------- */

  /** QueueStats frames: the SSE stream first; polling while the stream is down, until it is back. */
  class StatsFeed {
    constructor(onStats, onConnection, onAuthError) {
      this.onStats = onStats;
      this.onConnection = onConnection;
      this.onAuthError = onAuthError;
      this.stopped = false;
      this.controller = null;
      this.streaming = false;     // a stream is connected and delivering frames
      this.failures = 0;          // consecutive stream failures
      this.retryTimer = null;
      this.stallTimer = null;
      this.pollTimer = null;
      this.polling = false;
    }

    start() {
      this.onConnection("connecting", "Connecting...");
      this.openStream();
    }

    stop() {
      this.stopped = true;
      this.stopPolling();
      clearTimeout(this.retryTimer);
      clearTimeout(this.stallTimer);
      if (this.controller) this.controller.abort();
      this.controller = null;
    }

    async openStream() {
      if (this.stopped) return;
      const controller = new AbortController();
      this.controller = controller;
      let reader = null;
      this.armStallTimer(controller); // also bounds a server that never answers
      try {
        const response = await fetch(QUEUE + "/stats/stream?interval=1", {
          headers: { Accept: "text/event-stream", Authorization: "Bearer " + state.token },
          cache: "no-store",
          signal: controller.signal,
        });
        if (response.status === 401 || response.status === 403) {
          let data = null;
          try {
            data = await response.json();
          } catch (err) {
            data = null;
          }
          if (!this.stopped) this.onAuthError(errorFrom(response.status, data));
          return;
        }
        const type = response.headers.get("content-type") || "";
        if (!response.ok || !response.body || !type.startsWith("text/event-stream")) {
          throw new Error("the stream answered " + response.status);
        }
        reader = response.body.getReader();
        const decoder = new TextDecoder();
        let buffer = "";
        this.armStallTimer(controller);
        for (;;) {
          const { value, done } = await reader.read();
          if (done) break;
          buffer += decoder.decode(value, { stream: true }).replace(/\r\n?/g, "\n");
          let end;
          while ((end = buffer.indexOf("\n\n")) >= 0) {
            const block = buffer.slice(0, end);
            buffer = buffer.slice(end + 2);
            this.armStallTimer(controller); // comments (keep-alives) count as signs of life too
            this.frame(block);
          }
        }
        throw new Error("the stream ended");
      } catch (err) {
        if (this.stopped || controller !== this.controller) return;
        this.streamFailed();
      } finally {
        if (reader) reader.cancel().catch(() => {});
      }
    }

    frame(block) {
      const data = block
        .split("\n")
        .filter((line) => line.startsWith("data:"))
        .map((line) => line.slice(5).replace(/^ /, ""))
        .join("\n");
      if (!data) return;
      let stats;
      try {
        stats = JSON.parse(data);
      } catch (err) {
        return;
      }
      if (!stats || typeof stats !== "object" || !stats.updated_at) return;
      const wasDown = !this.streaming;
      this.streaming = true;
      this.failures = 0;
      this.stopPolling();
      if (wasDown) this.onConnection("live", "Live");
      this.onStats(stats, wasDown);
    }

    armStallTimer(controller) {
      clearTimeout(this.stallTimer);
      this.stallTimer = setTimeout(() => controller.abort(), STALL_MS);
    }

    streamFailed() {
      clearTimeout(this.stallTimer);
      if (this.controller) this.controller.abort();
      this.controller = null;
      this.streaming = false;
      this.failures += 1;
      const delay = STREAM_RETRY_MS[Math.min(this.failures, STREAM_RETRY_MS.length) - 1];
      this.onConnection("polling", "Polling (live stream unavailable)");
      this.startPolling();
      clearTimeout(this.retryTimer);
      this.retryTimer = setTimeout(() => this.openStream(), delay);
    }

    startPolling() {
      if (this.polling || this.stopped) return;
      this.polling = true;
      const poll = async () => {
        if (!this.polling || this.stopped) return;
        try {
          const stats = await api("GET", QUEUE + "/stats");
          if (!this.polling || this.stopped) return;
          this.onConnection("polling", "Polling (live stream unavailable)");
          this.onStats(stats, false);
        } catch (err) {
          if (this.stopped) return;
          if (err instanceof ApiError && (err.status === 401 || err.status === 403)) {
            this.onAuthError(err);
            return;
          }
          this.onConnection("offline", "Offline: retrying...");
        }
        if (this.polling && !this.stopped) this.pollTimer = setTimeout(poll, POLL_MS);
      };
      this.pollTimer = setTimeout(poll, 0);
    }

    stopPolling() {
      this.polling = false;
      clearTimeout(this.pollTimer);
      this.pollTimer = null;
    }
  }

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
    if (!Array.isArray(history) || !state.token) return;
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

  /* ---------------------------------------------------------------- Rendering ---------------------- */

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

  function setText(node, text) {
    if (node.textContent !== text) node.textContent = text;
  }

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

  /* ---------------------------------------------------------------- Clock ---------------------------- */

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

  /* ---------------------------------------------------------------- Task panel ----------------------- */

  function markOpenFailure() {
    const open = state.task ? state.task.task.task_id : null;
    for (const row of el.failuresBody.rows) row.classList.toggle("is-open", row.dataset.taskId === open);
  }

  function taskIdFromField() {
    return el.taskId.value.trim();
  }

  async function openTask(taskId, options) {
    const quiet = options && options.quiet;
    if (!taskId) {
      setText(el.taskFeedback, "Enter a task id first.");
      el.taskId.focus();
      return;
    }
    const seq = ++state.taskSeq;
    clearTimeout(state.taskTimer);
    if (!quiet) {
      el.taskId.value = taskId;
      setText(el.taskFeedback, "Loading task " + shortId(taskId) + "...");
    }
    let view;
    try {
      view = await api("GET", QUEUE + "/tasks/" + encodeURIComponent(taskId));
    } catch (err) {
      if (seq !== state.taskSeq || handleAuthError(err)) return;
      if (err instanceof ApiError && err.status === 404) {
        state.task = null;
        el.taskDetail.hidden = true;
        setText(el.taskFeedback, "No task " + taskId + ": it never existed or expired (tasks are kept 24 h).");
      } else {
        setText(el.taskFeedback, "Could not load the task: " + describe(err));
      }
      markOpenFailure();
      return;
    }
    if (seq !== state.taskSeq) return;
    if (!quiet) setText(el.taskFeedback, "");
    showTask(view);
  }

  function showTask(view) {
    state.task = view;
    const task = view.task;
    el.taskDetail.hidden = false;
    el.taskDetail.dataset.status = task.status;
    el.taskDetail.dataset.taskId = task.task_id;
    setText(el.taskStatus, STATUS_LABELS[task.status] || task.status);
    el.taskStatus.dataset.status = task.status;
    setText(el.taskDetailId, task.task_id);
    const progress = Math.max(0, Math.min(100, Number(task.progress) || 0));
    el.taskProgress.setAttribute("aria-valuenow", String(progress));
    el.taskProgressFill.style.width = progress + "%";
    // A failed task's sentence repeats its error, which the box below shows in full.
    const sentence = task.status === "FAILED" ? "The chart could not be made." : task.message || "";
    setText(el.taskMessage, sentence);
    el.taskError.hidden = !(task.error_message || task.error_code);
    setText(el.taskError, (task.error_code ? "[" + task.error_code + "] " : "") + (task.error_message || ""));

    const facts = [
      ["User", view.user_id],
      ["Worker", view.worker_id || "none yet"],
      ["Priority", task.priority],
      ["Step", task.current_step.replace(/_/g, " ")],
      ["Attempt", String(task.attempt)],
      ["Created", formatTime(task.created_at)],
      ["Started", formatTime(task.started_at)],
      ["Finished", formatTime(task.completed_at)],
      ["Took", task.started_at && task.completed_at
        ? formatDuration((Date.parse(task.completed_at) - Date.parse(task.started_at)) / 1000) : "-"],
      ["Message id", task.message_id],
      ["Session id", task.session_id],
      ["Chart id", task.chart_id || "-"],
    ];
    el.taskFacts.replaceChildren(...facts.flatMap(([term, value]) => {
      const dt = document.createElement("dt");
      dt.textContent = term;
      const dd = document.createElement("dd");
      dd.textContent = value;
      if (/id$/.test(term) || term === "Worker") dd.className = "mono";
      return [dt, dd];
    }));
    const terminal = TERMINAL.has(task.status);
    el.cancelTask.disabled = terminal && taskIdFromField() === task.task_id;
    markOpenFailure();
    clearTimeout(state.taskTimer);
    if (!terminal) {
      const id = task.task_id;
      state.taskTimer = setTimeout(() => {
        if (state.task && state.task.task.task_id === id) openTask(id, { quiet: true });
      }, TASK_REFRESH_MS);
    }
  }

  async function cancelTask() {
    const taskId = taskIdFromField();
    if (!taskId) {
      setText(el.taskFeedback, "Enter the id of the task to cancel.");
      el.taskId.focus();
      return;
    }
    el.cancelTask.disabled = true;
    setText(el.cancelTask, "Cancelling...");
    setText(el.taskFeedback, "Cancelling task " + shortId(taskId) + "...");
    const seq = ++state.taskSeq;
    try {
      const task = await api("DELETE", QUEUE + "/tasks/" + encodeURIComponent(taskId));
      if (seq !== state.taskSeq) return;
      const before = state.task && state.task.task.task_id === taskId ? state.task : null;
      setText(el.taskFeedback, task.status === "CANCELLED"
        ? "Task " + shortId(taskId) + " is cancelled."
        : "Task " + shortId(taskId) + " was already " + (STATUS_LABELS[task.status] || task.status).toLowerCase() +
          ": nothing to cancel.");
      showTask({ user_id: before ? before.user_id : "-", worker_id: before ? before.worker_id : null, task });
      if (!before) openTask(taskId, { quiet: true }); // fills in the user and worker
    } catch (err) {
      if (seq !== state.taskSeq || handleAuthError(err)) return;
      setText(el.taskFeedback, err instanceof ApiError && err.status === 404
        ? "No task " + taskId + " to cancel."
        : "Could not cancel the task: " + describe(err));
    } finally {
      setText(el.cancelTask, "Cancel task");
      el.cancelTask.disabled = !!(state.task && TERMINAL.has(state.task.task.status) && state.task.task.task_id === taskIdFromField());
    }
  }

  /* ---------------------------------------------------------------- Formatting ----------------------- */

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

  /* ---------------------------------------------------------------- Wiring ------------------------- */

  el.devButton.addEventListener("click", devSignIn);
  el.tokenForm.addEventListener("submit", tokenSignIn);
  el.signOut.addEventListener("click", () => signOut(null));
  el.switchToken.addEventListener("click", () => {
    signOut(null);
    el.tokenInput.focus();
  });
  el.bannerClose.addEventListener("click", clearError);
  el.taskForm.addEventListener("submit", (event) => {
    event.preventDefault();
    openTask(taskIdFromField());
  });
  el.cancelTask.addEventListener("click", cancelTask);
  el.taskId.addEventListener("input", () => {
    el.cancelTask.disabled = !!(state.task && TERMINAL.has(state.task.task.status) && state.task.task.task_id === taskIdFromField());
  });
  el.failuresBody.addEventListener("click", (event) => {
    const button = event.target.closest("button.open-failure");
    if (!button) return;
    openTask(button.dataset.taskId).then(() => {
      if (!el.taskDetail.hidden) el.taskDetail.scrollIntoView({ block: "nearest", behavior: "smooth" });
    });
  });
  document.addEventListener("visibilitychange", () => {
    if (!document.hidden && state.chartsStale && state.stats) renderCharts(state.stats);
  });
  window.addEventListener("beforeunload", stopDashboard);

  if (state.token) {
    signIn(state.token, sessionStorage.getItem(USER_KEY));
  } else {
    showSignIn(null);
  }
})();
