/* chartq chat page: the session picker, and a session's messages, charts and running tasks. */
"use strict";

async function loadSessions(preferred) {
  let sessions;
  try {
    sessions = await api("GET", API + "/sessions?limit=50");
  } catch (err) {
    reportApiError(err);
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
  stopWatchers();
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
    if (load === state.loadSeq) reportApiError(err);
    return;
  }
  if (load !== state.loadSeq) return;
  startSessionSync(sessionId);
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
  startSessionSync(session.id);
  return session.id;
}
