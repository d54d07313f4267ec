/* chartq pages, shared part 1 of 2: what both pages use to talk to the API.
 *
 * Plain browser JavaScript, no build step. Each page loads, in order and with `defer`:
 * common.js, sign-in.js, then its own scripts. Classic scripts share one global scope, so what is
 * declared at the top level here is visible to the scripts loaded after it.
 */
"use strict";

const API = "/api/v1";
const TOKEN_KEY = "chartq.token"; // one sign-in for both pages
const USER_KEY = "chartq.user";
const NO_DEV_KEY = "chartq.noDevSignIn";
const POLL_MS = 1000;
const TERMINAL = new Set(["COMPLETED", "FAILED", "CANCELLED"]);

const $ = (id) => document.getElementById(id);

/** The parts both pages have: the account corner, the error banner, the sign-in card, the app. */
const shell = {
  account: $("account"), userName: $("user-name"), signOut: $("sign-out"),
  banner: $("banner"), bannerText: $("banner-text"), bannerClose: $("banner-close"),
  signin: $("signin"), devSignin: $("dev-signin"), devButton: $("dev-sign-in"),
  tokenForm: $("token-form"), tokenInput: $("token-input"), signinError: $("signin-error"),
  app: $("app"),
};

/** The token every API call carries; `onUnauthorized(err)` is told when the API answers 401. */
const credentials = {
  token: sessionStorage.getItem(TOKEN_KEY),
  onUnauthorized: null,
};

/* ---------------------------------------------------------------- API ---------------------------- */

class ApiError extends Error {
  constructor(status, code, detail) {
    super(detail);
    this.status = status;
    this.code = code;
  }
}

async function api(method, path, body) {
  const headers = { Accept: "application/json" };
  if (credentials.token) headers.Authorization = "Bearer " + credentials.token;
  if (body !== undefined) headers["Content-Type"] = "application/json";
  let response;
  try {
    response = await fetch(path, {
      method,
      headers,
      body: body === undefined ? undefined : JSON.stringify(body),
      cache: "no-store",
    });
  } catch (err) {
    throw new ApiError(0, "network_error", "Cannot reach the chartq server. Check your connection and try again.");
  }
  if (response.status === 204) return null;
  const data = await jsonOrNull(response);
  if (!response.ok) {
    const error = errorFrom(response.status, data);
    if (response.status === 401 && path !== API + "/dev/token" && credentials.onUnauthorized) {
      credentials.onUnauthorized(error);
    }
    throw error;
  }
  return data;
}

async function jsonOrNull(response) {
  try {
    return await response.json();
  } catch (err) {
    return null;
  }
}

/** An ApiError from an answer's status and its JSON body (ErrorDTO: detail and code), if any. */
function errorFrom(status, data) {
  const detail = data && typeof data.detail === "string" ? data.detail : "The server answered " + status + ".";
  const code = data && data.code ? data.code : "http_" + status;
  return new ApiError(status, code, detail);
}

function describe(err) {
  if (err instanceof ApiError) return err.message;
  return "Something went wrong: " + (err && err.message ? err.message : String(err));
}

/** What the sign-in form says after the API refused a token it had accepted before. */
function expiredMessage(err) {
  return "Your sign-in is no longer valid (" + err.message + "). Please sign in again.";
}

/* ---------------------------------------------------------------- Banner ------------------------- */

function showError(message) {
  shell.bannerText.textContent = message;
  shell.banner.hidden = false;
}

function clearError() {
  shell.banner.hidden = true;
  shell.bannerText.textContent = "";
}

/* ---------------------------------------------------------------- DOM helpers -------------------- */

/** Sets a node's text only when it changes, so that live regions do not announce it again. */
function setText(node, text) {
  if (node.textContent !== text) node.textContent = text;
}

/** A task's progress as a whole percentage from 0 to 100. */
function progressPercent(task) {
  return Math.max(0, Math.min(100, Number(task.progress) || 0));
}
