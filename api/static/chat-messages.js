/* chartq chat page: the messages of the open session, and asking a question (which starts its chart). */
"use strict";

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
    meta.append(make, batchPicker(message));
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
  sending(true);
  try {
    const sessionId = await ensureSession(question);
    const message = await api("POST", API + "/sessions/" + sessionId + "/messages", { content: question, role: "user" });
    el.question.value = "";
    const item = addMessage(message);
    scrollToBottom();
    await makeChart(message.id, item.querySelector(".make-chart"));
  } catch (err) {
    reportApiError(err);
  } finally {
    sending(false);
    el.question.focus();
  }
}

// A slow answer (a database busy for seconds) must not look like a question that went nowhere.
function sending(busy) {
  el.askButton.disabled = busy;
  el.askButton.textContent = busy ? "Sending…" : "Ask";
  el.question.readOnly = busy;
  el.askForm.setAttribute("aria-busy", String(busy));
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
    reportApiError(err);
  } finally {
    if (button) button.disabled = false;
  }
}
