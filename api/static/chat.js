/* chartq chat page: signing in and out, starting the page, and its event wiring. Loaded last. */
"use strict";

function signOut(message) {
  stopWatchers();
  state.sessionId = null;
  sessionStorage.removeItem(SESSION_KEY);
  el.messages.replaceChildren();
  el.history.replaceChildren();
  clearCanvas();
  forgetSignIn(message);
}

async function startApp() {
  showView(el.app);
  el.account.hidden = false;
  el.userName.textContent = signedInUser();
  clearError();
  await loadSessions(sessionStorage.getItem(SESSION_KEY));
  el.question.focus();
}

credentials.onUnauthorized = (err) => signOut(expiredMessage(err));
wireSignIn({
  check: () => api("GET", API + "/sessions?limit=1"),
  start: startApp,
  signOut,
  tokenHint: "Paste a token instead.",
});

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
window.addEventListener("beforeunload", stopWatchers);

if (credentials.token) {
  startApp();
} else {
  showSignIn(null);
}
