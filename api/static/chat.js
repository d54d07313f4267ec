/* chartq chat page: sessions and messages on the left, the chart canvas on the right.
 *
 * Plain browser JavaScript, no build step. Every task is followed live over SSE
 * (GET /api/v1/analytics/charts/stream/{task_id}); when the stream is unavailable or keeps failing,
 * the page polls the task's status once a second instead.
 */
(function () {
  "use strict";

  const API = "/api/v1";
  const TASKS = API + "/analytics/charts/async";
  const STREAM = API + "/analytics/charts/stream/";
  const TOKEN_KEY = "chartq.token";
  const USER_KEY = "chartq.user";
  const SESSION_KEY = "chartq.session";
  const NO_DEV_KEY = "chartq.noDevSignIn";
  const POLL_MS = 1000;
  const MAX_STREAM_ERRORS = 3;
  const HISTORY_LIMIT = 10;
  const TERMINAL = new Set(["COMPLETED", "FAILED", "CANCELLED"]);
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

  const $ = (id) => document.getElementById(id);
  const el = {
    account: $("account"), userName: $("user-name"), signOut: $("sign-out"),
    banner: $("banner"), bannerText: $("banner-text"), bannerClose: $("banner-close"),
    signin: $("signin"), devSignin: $("dev-signin"), devButton: $("dev-sign-in"),
    tokenForm: $("token-form"), tokenInput: $("token-input"), signinError: $("signin-error"),
    app: $("app"), sessionSelect: $("session-select"), newSession: $("new-session"),
    messages: $("messages"), emptyChat: $("empty-chat"), examples: $("examples"),
    askForm: $("ask-form"), question: $("question"), askButton: $("ask-button"),
    canvasEmpty: $("canvas-empty"), chartView: $("chart-view"), chartTitle: $("chart-title"),
    chartMeta: $("chart-meta"), plot: $("plot"), interpretation: $("chart-interpretation"),
    sql: $("chart-sql"), history: $("history"), historyEmpty: $("history-empty"),
  };

  const state = {
    token: sessionStorage.getItem(TOKEN_KEY),
    sessions: [],
    sessionId: null,      // null: a new session, created when the first question is asked
    watchers: new Map(),  // task_id -> TaskWatcher
    shownChartId: null,
    loadSeq: 0,           // guards against a slow session load overwriting a newer one
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
    if (response.status === 204) return null;
    let data = null;
    try {
      data = await response.json();
    } catch (err) {
      data = null;
    }
    if (!response.ok) {
      const detail = data && typeof data.detail === "string" ? data.detail : "The server answered " + response.status + ".";
      const code = data && data.code ? data.code : "http_" + response.status;
      const error = new ApiError(response.status, code, detail);
      if (response.status === 401 && path !== API + "/dev/token") {
        signOut("Your sign-in is no longer valid (" + detail + "). Please sign in again.");
      }
      throw error;
    }
    return data;
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

  function reportError(err) {
    if (err instanceof ApiError && err.status === 401) return; // signOut() already said why
    showError(describe(err));
  }

  /* ---------------------------------------------------------------- Sign-in ------------------------ */

  function tokenSubject(token) {
    try {
      const payload = token.split(".")[1].replace(/-/g, "+").replace(/_/g, "/");
      const claims = JSON.parse(atob(payload + "===".slice((payload.length + 3) % 4)));
      return typeof claims.sub === "string" ? claims.sub : null;
    } catch (err) {
      return null;
    }
  }

  function showSignIn(message) {
    el.app.hidden = true;
    el.account.hidden = true;
    el.signin.hidden = false;
    el.devSignin.hidden = sessionStorage.getItem(NO_DEV_KEY) === "1";
    if (message) {
      el.signinError.textContent = message;
      el.signinError.hidden = false;
    } else {
      el.signinError.hidden = true;
    }
  }

  function signOut(message) {
    for (const watcher of state.watchers.values()) watcher.stop();
    state.watchers.clear();
    state.token = null;
    state.sessionId = null;
    state.shownChartId = null;
    sessionStorage.removeItem(TOKEN_KEY);
    sessionStorage.removeItem(USER_KEY);
    sessionStorage.removeItem(SESSION_KEY);
    clearError();
    el.messages.replaceChildren();
    el.history.replaceChildren();
    clearCanvas();
    showSignIn(message);
  }

  async function signIn(token, user) {
    state.token = token;
    try {
      await api("GET", API + "/sessions?limit=1");
    } catch (err) {
      state.token = null;
      if (err instanceof ApiError && err.status === 401) showSignIn("That token was refused: " + err.message);
      else showSignIn(describe(err));
      return false;
    }
    sessionStorage.setItem(TOKEN_KEY, token);
    sessionStorage.setItem(USER_KEY, user || tokenSubject(token) || "signed in");
    await startApp();
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
        showSignIn("Dev sign-in is only available when chartq runs in dev mode. Paste a token instead.");
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

  /* ---------------------------------------------------------------- App start ---------------------- */

  async function startApp() {
    el.signin.hidden = true;
    el.app.hidden = false;
    el.account.hidden = false;
    el.userName.textContent = sessionStorage.getItem(USER_KEY) || tokenSubject(state.token) || "";
    clearError();
    await loadSessions(sessionStorage.getItem(SESSION_KEY));
    el.question.focus();
  }

  async function loadSessions(preferred) {
    let sessions;
    try {
      sessions = await api("GET", API + "/sessions?limit=50");
    } catch (err) {
      reportError(err);
      return;
    }
    state.sessions = sessions;
    const target = sessions.find((s) => s.id === preferred) ? preferred : sessions.length ? sessions[0].id : null;
    renderSessionOptions(target);
    await openSession(target);
  }

  function sessionLabel(session) {
    const when = new Date(session.updated_at).toLocaleString([], { dateStyle: "medium", timeStyle: "short" });
    const title = session.title || "Untitled session";
    return title + " (" + when + ")";
  }

  function renderSessionOptions(selected) {
    const options = [];
    if (selected === null) {
      const draft = new Option("New session", "");
      options.push(draft);
    }
    for (const session of state.sessions) {
      options.push(new Option(sessionLabel(session), session.id));
    }
    el.sessionSelect.replaceChildren(...options);
    el.sessionSelect.value = selected || "";
  }

  async function openSession(sessionId) {
    const load = ++state.loadSeq;
    for (const watcher of state.watchers.values()) watcher.stop();
    state.watchers.clear();
    state.sessionId = sessionId;
    if (sessionId) sessionStorage.setItem(SESSION_KEY, sessionId);
    else sessionStorage.removeItem(SESSION_KEY);
    el.messages.replaceChildren();
    clearCanvas();
    el.history.replaceChildren();
    el.historyEmpty.hidden = false;
    updateEmptyState();
    if (!sessionId) return;

    let messages, charts;
    try {
      [messages, charts] = await Promise.all([
        api("GET", API + "/sessions/" + sessionId + "/messages"),
        api("GET", API + "/sessions/" + sessionId + "/charts?limit=" + HISTORY_LIMIT),
      ]);
    } catch (err) {
      if (load === state.loadSeq) reportError(err);
      return;
    }
    if (load !== state.loadSeq) return;
    for (const message of messages) addMessage(message);
    renderHistory(charts);
    if (charts.length) showChart(charts[0]);
    updateEmptyState();
    scrollToBottom();
    // What each message already has: its charts, and tasks still running (resumed live).
    const recent = messages.filter((m) => m.role === "user").slice(-30);
    await Promise.all(recent.map((m) => restoreMessageTasks(m, load)));
  }

  async function restoreMessageTasks(message, load) {
    let info;
    try {
      info = await api("GET", API + "/analytics/charts/by-message/" + message.id);
    } catch (err) {
      return; // the message itself is shown; its chart links are a nicety
    }
    if (load !== state.loadSeq) return;
    const item = messageItem(message.id);
    if (!item) return;
    for (const chart of info.charts) addChartLink(item, chart);
    for (const task of info.active_tasks) watchTask(task, { show: false });
  }

  async function newSession() {
    clearError();
    renderSessionOptions(null);
    await openSession(null);
    el.question.focus();
  }

  async function ensureSession(question) {
    if (state.sessionId) return state.sessionId;
    const title = question.length > 60 ? question.slice(0, 57) + "..." : question;
    const session = await api("POST", API + "/sessions", { title });
    state.sessions.unshift(session);
    state.sessionId = session.id;
    sessionStorage.setItem(SESSION_KEY, session.id);
    renderSessionOptions(session.id);
    return session.id;
  }

  /* ---------------------------------------------------------------- Messages ----------------------- */

  function messageItem(messageId) {
    return el.messages.querySelector('li.message[data-message-id="' + CSS.escape(messageId) + '"]');
  }

  function addMessage(message) {
    const item = document.createElement("li");
    item.className = "message message-" + message.role;
    item.dataset.messageId = message.id;

    const bubble = document.createElement("div");
    bubble.className = "bubble";
    bubble.textContent = message.content;

    const meta = document.createElement("div");
    meta.className = "message-meta";
    const time = document.createElement("time");
    time.dateTime = message.created_at;
    time.textContent = new Date(message.created_at).toLocaleTimeString([], { hour: "2-digit", minute: "2-digit" });
    meta.append(time);

    if (message.role === "user") {
      const make = document.createElement("button");
      make.type = "button";
      make.className = "btn btn-small make-chart";
      make.textContent = "Make chart";
      make.setAttribute("aria-label", "Make chart: " + message.content);
      make.addEventListener("click", () => makeChart(message.id, make));
      meta.append(make);
    }

    const tasks = document.createElement("div");
    tasks.className = "tasks";
    const links = document.createElement("div");
    links.className = "chart-links";

    item.append(bubble, meta, tasks, links);
    el.messages.append(item);
    updateEmptyState();
    return item;
  }

  function addChartLink(item, chart) {
    const links = item.querySelector(".chart-links");
    if (links.querySelector('[data-chart-id="' + CSS.escape(chart.id) + '"]')) return;
    const button = document.createElement("button");
    button.type = "button";
    button.className = "chart-link";
    button.dataset.chartId = chart.id;
    button.textContent = "Show chart: " + chart.title;
    button.addEventListener("click", () => showChartById(chart.id, chart));
    links.append(button);
  }

  function updateEmptyState() {
    el.emptyChat.hidden = el.messages.children.length > 0;
  }

  function nearBottom() {
    return el.messages.scrollHeight - el.messages.scrollTop - el.messages.clientHeight < 80;
  }

  function scrollToBottom() {
    el.messages.scrollTop = el.messages.scrollHeight;
  }

  async function ask(event) {
    event.preventDefault();
    const question = el.question.value.trim();
    if (!question) {
      el.question.focus();
      return;
    }
    clearError();
    el.askButton.disabled = true;
    try {
      const sessionId = await ensureSession(question);
      const message = await api("POST", API + "/sessions/" + sessionId + "/messages", { content: question, role: "user" });
      el.question.value = "";
      const item = addMessage(message);
      scrollToBottom();
      await makeChart(message.id, item.querySelector(".make-chart"));
    } catch (err) {
      reportError(err);
    } finally {
      el.askButton.disabled = false;
      el.question.focus();
    }
  }

  async function makeChart(messageId, button) {
    if (button) button.disabled = true;
    clearError();
    try {
      const task = await api("POST", TASKS, { message_id: messageId });
      const stick = nearBottom();
      watchTask(task, { show: true });
      if (stick) scrollToBottom();
    } catch (err) {
      reportError(err);
    } finally {
      if (button) button.disabled = false;
    }
  }

  /* ---------------------------------------------------------------- Tasks -------------------------- */

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
      const url = STREAM + encodeURIComponent(this.taskId) + "?access_token=" + encodeURIComponent(state.token);
      const source = new EventSource(url);
      this.source = source;
      source.onmessage = (event) => {
        let frame;
        try {
          frame = JSON.parse(event.data);
        } catch (err) {
          return;
        }
        if (!frame || frame.type !== "status_update" || !frame.data) return;
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
        reportError(err);
      } finally {
        this.card.setCancelling(false);
      }
    }
  }

  class TaskCard {
    constructor(task, container, onCancel) {
      const card = document.createElement("section");
      card.className = "task";
      card.dataset.taskId = task.task_id;
      card.setAttribute("aria-label", "Chart task");

      const head = document.createElement("div");
      head.className = "task-head";
      this.badge = document.createElement("span");
      this.badge.className = "status-badge";
      this.eta = document.createElement("span");
      this.eta.className = "eta";
      this.cancelButton = document.createElement("button");
      this.cancelButton.type = "button";
      this.cancelButton.className = "btn btn-small btn-danger cancel-task";
      this.cancelButton.textContent = "Cancel";
      this.cancelButton.addEventListener("click", onCancel);
      head.append(this.badge, this.eta, this.cancelButton);

      this.bar = document.createElement("div");
      this.bar.className = "progress";
      this.bar.setAttribute("role", "progressbar");
      this.bar.setAttribute("aria-label", "Chart progress");
      this.bar.setAttribute("aria-valuemin", "0");
      this.bar.setAttribute("aria-valuemax", "100");
      this.fill = document.createElement("div");
      this.fill.className = "progress-fill";
      this.bar.append(this.fill);

      this.steps = document.createElement("ol");
      this.steps.className = "steps";
      this.steps.setAttribute("aria-label", "Steps");
      for (const [step, label] of STEPS) {
        const li = document.createElement("li");
        li.dataset.step = step;
        li.title = step;
        li.textContent = label;
        this.steps.append(li);
      }

      this.message = document.createElement("p");
      this.message.className = "task-message";
      this.message.setAttribute("aria-live", "polite");
      this.message.setAttribute("aria-atomic", "true");

      this.error = document.createElement("p");
      this.error.className = "task-error";
      this.error.setAttribute("role", "alert");
      this.error.hidden = true;

      this.connection = document.createElement("p");
      this.connection.className = "task-connection";
      this.connection.hidden = true;

      this.actions = document.createElement("div");
      this.actions.className = "task-actions";

      card.append(head, this.bar, this.steps, this.message, this.error, this.connection, this.actions);
      container.append(card);
      this.card = card;
    }

    render(task) {
      const status = task.status;
      const progress = Math.max(0, Math.min(100, Number(task.progress) || 0));
      this.card.dataset.status = status;
      this.card.dataset.progress = String(progress);
      this.badge.textContent = STATUS_LABELS[status] || status;
      this.badge.dataset.status = status;
      this.bar.setAttribute("aria-valuenow", String(progress));
      this.bar.setAttribute("aria-valuetext", progress + "% (" + stepLabel(task.current_step) + ")");
      this.fill.style.width = progress + "%";

      const current = STEPS.findIndex(([step]) => step === task.current_step);
      this.steps.querySelectorAll("li").forEach((li, index) => {
        li.classList.toggle("step-done", status === "COMPLETED" || index < current);
        const isCurrent = index === current && status !== "COMPLETED";
        li.classList.toggle("step-current", isCurrent);
        li.classList.toggle("step-stopped", isCurrent && (status === "FAILED" || status === "CANCELLED"));
        if (isCurrent || (status === "COMPLETED" && STEPS[index][0] === "done")) li.setAttribute("aria-current", "step");
        else li.removeAttribute("aria-current");
      });

      this.message.textContent = status === "FAILED" ? "The chart could not be made." : task.message || "";
      if (status === "FAILED") {
        this.error.textContent = task.error_message || "The chart could not be made.";
        this.error.hidden = false;
      } else if (status === "CANCELLED") {
        this.message.textContent = "Cancelled: this chart will not be made.";
      }
      this.renderEta(task);
      const active = !TERMINAL.has(status);
      this.cancelButton.hidden = !active;
      this.card.classList.toggle("task-active", active);
    }

    renderEta(task) {
      if (TERMINAL.has(task.status)) {
        const took = task.started_at && task.completed_at ? (Date.parse(task.completed_at) - Date.parse(task.started_at)) / 1000 : null;
        this.eta.textContent = task.status === "COMPLETED" && took !== null ? "took " + formatSeconds(took) : "";
        return;
      }
      if (!task.estimated_completion) {
        this.eta.textContent = task.status === "PENDING" ? "waiting for a worker" : "";
        return;
      }
      const left = (Date.parse(task.estimated_completion) - Date.now()) / 1000;
      this.eta.textContent = left > 0.5 ? "about " + formatSeconds(left) + " left" : "almost done";
    }

    setConnection(text) {
      this.connection.textContent = text || "";
      this.connection.hidden = !text;
    }

    setCancelling(busy) {
      this.cancelButton.disabled = busy;
      this.cancelButton.textContent = busy ? "Cancelling..." : "Cancel";
    }

    setChart(chart, onShow) {
      this.actions.replaceChildren();
      const button = document.createElement("button");
      button.type = "button";
      button.className = "btn btn-small show-chart";
      button.textContent = "Show chart";
      button.addEventListener("click", onShow);
      const rows = document.createElement("span");
      rows.className = "muted";
      rows.textContent = chart.title;
      this.actions.append(button, rows);
    }
  }

  function stepLabel(step) {
    const found = STEPS.find(([name]) => name === step);
    return found ? found[1] : step;
  }

  function formatSeconds(seconds) {
    if (seconds < 10) return seconds.toFixed(1) + " s";
    if (seconds < 90) return Math.round(seconds) + " s";
    return Math.round(seconds / 60) + " min";
  }

  /* ---------------------------------------------------------------- Canvas and history ------------- */

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
    el.chartMeta.textContent = chartMeta(chart);
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
    window.Plotly.newPlot(el.plot, figure.data || [], layout, { responsive: true, displaylogo: false });
  }

  function chartMeta(chart) {
    const parts = [];
    if (chart.time_range && (chart.time_range.start || chart.time_range.end)) {
      parts.push((chart.time_range.start || "...") + " to " + (chart.time_range.end || "..."));
    }
    parts.push(chart.row_count + (chart.row_count === 1 ? " row" : " rows"));
    parts.push("made " + new Date(chart.created_at).toLocaleString([], { dateStyle: "medium", timeStyle: "short" }));
    return parts.join(" · ");
  }

  async function showChartById(chartId, fallback) {
    if (fallback && fallback.figure) {
      showChart(fallback);
      return;
    }
    try {
      showChart(await api("GET", API + "/charts/" + encodeURIComponent(chartId)));
    } catch (err) {
      reportError(err);
    }
  }

  async function refreshHistory() {
    const sessionId = state.sessionId;
    if (!sessionId) return;
    try {
      const charts = await api("GET", API + "/sessions/" + sessionId + "/charts?limit=" + HISTORY_LIMIT);
      if (sessionId === state.sessionId) renderHistory(charts);
    } catch (err) {
      reportError(err);
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

  /* ---------------------------------------------------------------- Wiring ------------------------- */

  el.devButton.addEventListener("click", devSignIn);
  el.tokenForm.addEventListener("submit", tokenSignIn);
  el.signOut.addEventListener("click", () => signOut(null));
  el.bannerClose.addEventListener("click", clearError);
  el.askForm.addEventListener("submit", ask);
  el.question.addEventListener("keydown", (event) => {
    if (event.key === "Enter" && !event.shiftKey && !event.isComposing) {
      event.preventDefault();
      el.askForm.requestSubmit();
    }
  });
  el.newSession.addEventListener("click", newSession);
  el.sessionSelect.addEventListener("change", () => {
    clearError();
    const id = el.sessionSelect.value || null;
    if (id) renderSessionOptions(id);
    openSession(id);
  });
  el.examples.addEventListener("click", (event) => {
    const chip = event.target.closest("button.chip");
    if (!chip) return;
    el.question.value = chip.textContent;
    el.askForm.requestSubmit();
  });
  window.addEventListener("beforeunload", () => {
    for (const watcher of state.watchers.values()) watcher.stop();
  });

  if (state.token) {
    startApp();
  } else {
    showSignIn(null);
  }
})();
