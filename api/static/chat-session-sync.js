/* chartq chat page: questions asked in another tab of the same session.
 *
 * The caller's task stream (GET /api/v1/analytics/charts/stream: every task of the user) says when a task
 * of the open session starts that this tab does not follow. Its message is loaded if this tab lacks it
 * and its card is followed like any other, so a second tab sees what the first asks, live.
 */
"use strict";

const USER_STREAM = API + "/analytics/charts/stream";
// This tab's own question gets its card from its POST: wait that long before taking a task as another tab's.
const OWN_TASK_GRACE_MS = 1000;

function startSessionSync(sessionId) {
  stopSessionSync();
  if (!sessionId || typeof EventSource !== "function") return;
  const source = new EventSource(USER_STREAM + "?access_token=" + encodeURIComponent(credentials.token));
  state.sync = source;
  source.onmessage = (event) => {
    const frame = statusFrame(event);
    const task = frame ? frame.data : null;
    if (!task || task.session_id !== sessionId || state.watchers.has(task.task_id)) return;
    setTimeout(() => showOtherTabsTask(task, sessionId), OWN_TASK_GRACE_MS);
  };
  // A stream the server refused stays closed: this tab then shows other tabs' questions on reload only.
  source.onerror = () => {
    if (source.readyState === EventSource.CLOSED && state.sync === source) state.sync = null;
  };
}

function stopSessionSync() {
  if (state.sync) state.sync.close();
  state.sync = null;
}

async function showOtherTabsTask(task, sessionId) {
  if (state.sessionId !== sessionId || state.watchers.has(task.task_id)) return;
  if (!messageItem(task.message_id)) await loadNewMessages(sessionId);
  if (state.sessionId !== sessionId || state.watchers.has(task.task_id)) return;
  watchTask(task, { show: false });
}

async function loadNewMessages(sessionId) {
  let messages;
  try {
    messages = await api("GET", API + "/sessions/" + sessionId + "/messages");
  } catch (err) {
    return; // the next task event tries again
  }
  if (state.sessionId !== sessionId) return;
  const stick = nearBottom();
  for (const message of messages) if (!messageItem(message.id)) addMessage(message);
  if (stick) scrollToBottom();
}
