/* chartq queue dashboard: signing in and out (and the operator-role check), starting and stopping the
 * live dashboard, and its event wiring. Loaded last. */
"use strict";

function showForbidden() {
  stopDashboard();
  clearError();
  showView(el.forbidden);
  el.account.hidden = false;
  el.connection.hidden = true;
  el.userName.textContent = signedInUser();
  el.forbiddenUser.textContent = signedInUser() || "this user";
  el.switchToken.focus();
}

function signOut(message) {
  stopDashboard();
  forgetSignIn(message);
}

function startDashboard(firstStats) {
  stopDashboard();
  clearError();
  showView(el.app);
  el.account.hidden = false;
  el.connection.hidden = false;
  el.userName.textContent = signedInUser();
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
  startBatchStats();
  startScheduleList();
}

function stopDashboard() {
  if (state.feed) state.feed.stop();
  state.feed = null;
  clearInterval(state.ticker);
  state.ticker = null;
  stopBatchStats();
  stopScheduleList();
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

const signIn = wireSignIn({
  check: () => api("GET", QUEUE + "/stats"),
  start: startDashboard,
  signOut,
  forbidden: showForbidden,
  tokenHint: "Paste an operator token instead.",
});

el.switchToken.addEventListener("click", () => {
  signOut(null);
  el.tokenInput.focus();
});
el.taskForm.addEventListener("submit", (event) => {
  event.preventDefault();
  openTask(taskIdFromField());
});
el.cancelTask.addEventListener("click", cancelTask);
el.taskId.addEventListener("input", () => {
  syncCancelButton();
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

if (credentials.token) {
  signIn(credentials.token, sessionStorage.getItem(USER_KEY));
} else {
  showSignIn(null);
}
