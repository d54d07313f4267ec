/* chartq queue dashboard: the task panel, to open any user's task by its id and to cancel it. */
"use strict";

function markOpenFailure() {
  const open = state.task ? state.task.task.task_id : null;
  for (const row of el.failuresBody.rows) row.classList.toggle("is-open", row.dataset.taskId === open);
}

function taskIdFromField() {
  return el.taskId.value.trim();
}

/** Cancelling is offered unless the id in the field is of the open task, and that task has ended. */
function syncCancelButton() {
  el.cancelTask.disabled = !!(state.task && TERMINAL.has(state.task.task.status) && state.task.task.task_id === taskIdFromField());
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
  const progress = progressPercent(task);
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
    syncCancelButton();
  }
}
