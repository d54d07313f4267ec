/* chartq pages, shared part 2 of 2: signing in (dev-token button or a pasted token) and out.
 *
 * The dev-token button is in the page only when the server runs in dev mode (it leaves it out
 * otherwise), so everything about it here copes with its absence.
 *
 * The token lives in sessionStorage, shared by both pages. A page calls wireSignIn() with what is its
 * own: how to check a token, what to start once signed in, what to tidy when signing out.
 */
"use strict";

function tokenClaims(token) {
  try {
    const payload = token.split(".")[1].replace(/-/g, "+").replace(/_/g, "/");
    return JSON.parse(atob(payload + "===".slice((payload.length + 3) % 4)));
  } catch (err) {
    return null;
  }
}

function tokenSubject(token) {
  const claims = tokenClaims(token);
  return claims && typeof claims.sub === "string" ? claims.sub : null;
}

/** Who is signed in, as the sign-in said or else as the token says. */
function signedInUser() {
  return sessionStorage.getItem(USER_KEY) || tokenSubject(credentials.token || "") || "";
}

/** Shows one of the page's views (sign-in, forbidden, the app), hiding the others it has. */
function showView(view) {
  for (const id of ["signin", "forbidden", "app"]) {
    const part = $(id);
    if (part) part.hidden = part !== view;
  }
}

function showSignIn(message) {
  showView(shell.signin);
  shell.account.hidden = true;
  if (shell.devSignin) shell.devSignin.hidden = sessionStorage.getItem(NO_DEV_KEY) === "1";
  shell.signinError.textContent = message || "";
  shell.signinError.hidden = !message;
}

function rememberSignIn(token, user) {
  sessionStorage.setItem(TOKEN_KEY, token);
  sessionStorage.setItem(USER_KEY, user || tokenSubject(token) || "signed in");
}

/** Forgets the token and shows the sign-in form, with `message` (why) if given. */
function forgetSignIn(message) {
  credentials.token = null;
  sessionStorage.removeItem(TOKEN_KEY);
  sessionStorage.removeItem(USER_KEY);
  clearError();
  showSignIn(message);
}

/**
 * Sign-in for a page. `page` has:
 *   check(): an API call that only a good token passes; its answer goes to start();
 *   start(answer): shows the page, signed in;
 *   signOut(message): tidies the page, then calls forgetSignIn(message);
 *   forbidden(): optional, for a good token that lacks a role (the check answered 403);
 *   tokenHint: what to paste instead, when dev sign-in is not offered.
 * Returns signIn(token, user), true when the token was kept.
 */
function wireSignIn(page) {
  async function signIn(token, user) {
    credentials.token = token;
    let answer;
    try {
      answer = await page.check();
    } catch (err) {
      if (page.forbidden && err instanceof ApiError && err.status === 403) {
        // A valid token without the role: keep it (the other page can use it) and say what is needed.
        rememberSignIn(token, user);
        page.forbidden();
        return true;
      }
      credentials.token = null;
      if (err instanceof ApiError && err.status === 401) showSignIn("That token was refused: " + err.message);
      else showSignIn(describe(err));
      return false;
    }
    rememberSignIn(token, user);
    await page.start(answer);
    return true;
  }

  async function devSignIn() {
    shell.devButton.disabled = true;
    try {
      const answer = await api("POST", API + "/dev/token", {});
      await signIn(answer.access_token, answer.user);
    } catch (err) {
      if (err instanceof ApiError && err.status === 404) {
        sessionStorage.setItem(NO_DEV_KEY, "1");
        if (shell.devSignin) shell.devSignin.hidden = true;
        showSignIn("Dev sign-in is only available when chartq runs in dev mode. " + page.tokenHint);
      } else {
        showSignIn(describe(err));
      }
    } finally {
      shell.devButton.disabled = false;
    }
  }

  async function tokenSignIn(event) {
    event.preventDefault();
    const token = shell.tokenInput.value.trim().replace(/^Bearer\s+/i, "");
    if (!token) {
      showSignIn("Paste a token first.");
      shell.tokenInput.focus();
      return;
    }
    if (await signIn(token, null)) shell.tokenInput.value = "";
  }

  if (shell.devButton) shell.devButton.addEventListener("click", devSignIn);
  shell.tokenForm.addEventListener("submit", tokenSignIn);
  shell.signOut.addEventListener("click", () => page.signOut(null));
  shell.bannerClose.addEventListener("click", clearError);
  return signIn;
}
