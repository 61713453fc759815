// Follows one job: Server-Sent Events first; when the stream drops, EventSource reconnects, and
// after repeated failures the watcher falls back to polling GET /api/v1/jobs/{id}. The job is never
// lost: its id is all the state there is.
import { eventsUrl, getJob, isTerminal } from "./api.js";

export function watchJob(id, { onUpdate, onConnection = () => {}, onError = () => {} }) {
  let source = null;
  let timer = null;
  let closed = false;
  let failures = 0;
  let lastSeen = Date.now();

  function handle(job) {
    lastSeen = Date.now();
    failures = 0;
    onUpdate(job);
    if (isTerminal(job)) stop();
  }

  function openStream() {
    if (!("EventSource" in window)) { poll(); return; }
    source = new EventSource(eventsUrl(id));
    source.addEventListener("job", (e) => {
      onConnection("live");
      try { handle(JSON.parse(e.data)); } catch { /* a malformed frame: the next one or a poll fixes it */ }
    });
    source.addEventListener("error", () => {
      if (closed) return;
      failures++;
      if (source.readyState === EventSource.CLOSED || failures >= 3) {
        source.close();
        source = null;
        onConnection("polling");
        poll();
      } else {
        onConnection("reconnecting");
      }
    });
  }

  async function poll() {
    if (closed) return;
    try {
      handle(await getJob(id));
    } catch (err) {
      if (err.code === "not_found") { onError(err); stop(); return; }
    }
    if (closed) return;
    // After a few quiet polls, try the live stream again.
    failures++;
    if (failures > 5) { failures = 0; openStream(); return; }
    timer = setTimeout(poll, 1500);
  }

  // A stream that stays open but silent (a proxy buffering it) is checked with a plain GET.
  const watchdog = setInterval(async () => {
    if (closed || !source || Date.now() - lastSeen < 15000) return;
    try { handle(await getJob(id)); } catch { /* the stream or the next check recovers */ }
  }, 5000);

  function stop() {
    closed = true;
    source?.close();
    clearTimeout(timer);
    clearInterval(watchdog);
  }

  openStream();
  return { stop };
}
