/* chartq chat page: the card of a chart task under its message (status, progress, steps, ETA). */
"use strict";

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
    const progress = progressPercent(task);
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
      // From the question to the chart, as the user waited: a re-run's started_at is its last attempt's.
      const took = task.created_at && task.completed_at ? (Date.parse(task.completed_at) - Date.parse(task.created_at)) / 1000 : null;
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
  if (found) return found[1];
  return step === "scheduled" ? "Scheduled" : step; // waiting for its run_at (not one of the listed steps)
}

function formatSeconds(seconds) {
  if (seconds < 10) return seconds.toFixed(1) + " s";
  if (seconds < 90) return Math.round(seconds) + " s";
  return Math.round(seconds / 60) + " min";
}
