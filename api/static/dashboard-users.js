"use strict";
/* "Who fills the queue": the users with the most tasks waiting to start (PENDING: queued, scheduled or
   waiting for other charts; QueueStats.top_users), most first. */

function renderTopUsers(stats) {
  const users = stats.top_users || [];
  const body = document.getElementById("top-users-body");
  body.replaceChildren(...users.map((entry) => {
    const row = document.createElement("tr");
    const user = document.createElement("td");
    user.textContent = entry.user_id;
    const queued = document.createElement("td");
    queued.className = "num";
    queued.textContent = String(entry.queued);
    row.append(user, queued);
    return row;
  }));
  document.getElementById("top-users").hidden = users.length === 0;
  document.getElementById("top-users-empty").hidden = users.length > 0;
}
