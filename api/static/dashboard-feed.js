/* chartq queue dashboard: the live feed of QueueStats frames.
 *
 * The SSE stream GET /api/v1/analytics/queue/stats/stream is read with fetch() so that the token
 * travels in the Authorization header (EventSource cannot send headers). While the stream is
 * unavailable the feed polls GET /api/v1/analytics/queue/stats once a second and keeps trying the
 * stream with a backoff.
 */
"use strict";

/** QueueStats frames: the SSE stream first; polling while the stream is down, until it is back. */
class StatsFeed {
  constructor(onStats, onConnection, onAuthError) {
    this.onStats = onStats;
    this.onConnection = onConnection;
    this.onAuthError = onAuthError;
    this.stopped = false;
    this.controller = null;
    this.streaming = false;     // a stream is connected and delivering frames
    this.failures = 0;          // consecutive stream failures
    this.retryTimer = null;
    this.stallTimer = null;
    this.pollTimer = null;
    this.polling = false;
  }

  start() {
    this.onConnection("connecting", "Connecting...");
    this.openStream();
  }

  stop() {
    this.stopped = true;
    this.stopPolling();
    clearTimeout(this.retryTimer);
    clearTimeout(this.stallTimer);
    if (this.controller) this.controller.abort();
    this.controller = null;
  }

  async openStream() {
    if (this.stopped) return;
    const controller = new AbortController();
    this.controller = controller;
    let reader = null;
    this.armStallTimer(controller); // also bounds a server that never answers
    try {
      const response = await fetch(QUEUE + "/stats/stream?interval=1", {
        headers: { Accept: "text/event-stream", Authorization: "Bearer " + credentials.token },
        cache: "no-store",
        signal: controller.signal,
      });
      if (response.status === 401 || response.status === 403) {
        const data = await jsonOrNull(response);
        if (!this.stopped) this.onAuthError(errorFrom(response.status, data));
        return;
      }
      const type = response.headers.get("content-type") || "";
      if (!response.ok || !response.body || !type.startsWith("text/event-stream")) {
        throw new Error("the stream answered " + response.status);
      }
      reader = response.body.getReader();
      const decoder = new TextDecoder();
      let buffer = "";
      this.armStallTimer(controller);
      for (;;) {
        const { value, done } = await reader.read();
        if (done) break;
        buffer += decoder.decode(value, { stream: true }).replace(/\r\n?/g, "\n");
        let end;
        while ((end = buffer.indexOf("\n\n")) >= 0) {
          const block = buffer.slice(0, end);
          buffer = buffer.slice(end + 2);
          this.armStallTimer(controller); // comments (keep-alives) count as signs of life too
          this.frame(block);
        }
      }
      throw new Error("the stream ended");
    } catch (err) {
      if (this.stopped || controller !== this.controller) return;
      this.streamFailed();
    } finally {
      if (reader) reader.cancel().catch(() => {});
    }
  }

  frame(block) {
    const data = block
      .split("\n")
      .filter((line) => line.startsWith("data:"))
      .map((line) => line.slice(5).replace(/^ /, ""))
      .join("\n");
    if (!data) return;
    let stats;
    try {
      stats = JSON.parse(data);
    } catch (err) {
      return;
    }
    if (!stats || typeof stats !== "object" || !stats.updated_at) return;
    const wasDown = !this.streaming;
    this.streaming = true;
    this.failures = 0;
    this.stopPolling();
    if (wasDown) this.onConnection("live", "Live");
    this.onStats(stats, wasDown);
  }

  armStallTimer(controller) {
    clearTimeout(this.stallTimer);
    this.stallTimer = setTimeout(() => controller.abort(), STALL_MS);
  }

  streamFailed() {
    clearTimeout(this.stallTimer);
    if (this.controller) this.controller.abort();
    this.controller = null;
    this.streaming = false;
    this.failures += 1;
    const delay = STREAM_RETRY_MS[Math.min(this.failures, STREAM_RETRY_MS.length) - 1];
    this.onConnection("polling", "Polling (live stream unavailable)");
    this.startPolling();
    clearTimeout(this.retryTimer);
    this.retryTimer = setTimeout(() => this.openStream(), delay);
  }

  startPolling() {
    if (this.polling || this.stopped) return;
    this.polling = true;
    const poll = async () => {
      if (!this.polling || this.stopped) return;
      try {
        const stats = await api("GET", QUEUE + "/stats");
        if (!this.polling || this.stopped) return;
        this.onConnection("polling", "Polling (live stream unavailable)");
        this.onStats(stats, false);
      } catch (err) {
        if (this.stopped) return;
        if (err instanceof ApiError && (err.status === 401 || err.status === 403)) {
          this.onAuthError(err);
          return;
        }
        this.onConnection("offline", "Offline: retrying...");
      }
      if (this.polling && !this.stopped) this.pollTimer = setTimeout(poll, POLL_MS);
    };
    this.pollTimer = setTimeout(poll, 0);
  }

  stopPolling() {
    this.polling = false;
    clearTimeout(this.pollTimer);
    this.pollTimer = null;
  }
}
