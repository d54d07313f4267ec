/* chartq queue dashboard: the chart schedules panel (GET /api/v1/schedules/overview), read every few
 * seconds while the dashboard is open: every user's schedules due within the hour, and those failing or
 * paused, each once (a failing one that is also due shows as failing). */
"use strict";

const SCHEDULES_MS = 5000;
let scheduleTimer = null;

Object.assign(el, {
  schedules: $("schedules"), schedulesBody: $("schedules-body"), schedulesEmpty: $("schedules-empty"),
});

async function refreshScheduleList() {
  let overview;
  try {
    overview = await api("GET", API + "/schedules/overview");
  } catch (err) {
    if (!handleAuthError(err)) setText(el.schedulesEmpty, "Schedules are unavailable just now.");
    return;
  }
  const failing = new Set(overview.failing.map((s) => s.chart_id));
  const rows = [...overview.failing, ...overview.due.filter((s) => !failing.has(s.chart_id))];
  el.schedulesBody.replaceChildren(...rows.map(scheduleRow));
  el.schedules.hidden = rows.length === 0;
  el.schedulesEmpty.hidden = rows.length > 0;
  setText(el.schedulesEmpty, "No schedule is due within the hour or failing.");
}

function scheduleRow(schedule) {
  const tr = document.createElement("tr");
  tr.dataset.chartId = schedule.chart_id;
  let stateText = "due";
  if (schedule.paused) {
    stateText = schedule.paused_reason ? "paused: " + schedule.paused_reason.replace("_", " ") : "paused";
  }
  else if (schedule.consecutive_failures) stateText = schedule.consecutive_failures + " failed in a row";
  tr.classList.toggle("is-failing", schedule.paused || schedule.consecutive_failures > 0);
  const cells = [
    shortId(schedule.chart_id), schedule.cron + " (" + schedule.timezone + ")",
    schedule.next_run_at ? formatTime(schedule.next_run_at) : "-",
    schedule.last_run_at ? formatTime(schedule.last_run_at) + " · " + (schedule.last_status || "") : "-",
    stateText,
  ];
  for (const text of cells) {
    const td = document.createElement("td");
    td.textContent = text;
    tr.append(td);
  }
  tr.firstChild.title = schedule.chart_id;
  return tr;
}

function startScheduleList() {
  stopScheduleList();
  refreshScheduleList();
  scheduleTimer = setInterval(refreshScheduleList, SCHEDULES_MS);
}

function stopScheduleList() {
  clearInterval(scheduleTimer);
  scheduleTimer = null;
}
