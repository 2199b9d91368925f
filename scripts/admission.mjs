/**
 * Admission in front of Next: at most `inFlight` requests are handled at once, the rest wait
 * their turn in arrival order. A saturated process then does a few requests quickly instead of
 * hundreds slowly: its database pool pipelines fewer queries behind each other and nobody is
 * starved (unbounded, a few requests of a sale rush waited minutes while most took seconds).
 * A request that waited `maxWaitMs` is shed with a 503 and `retry-after`: a clear answer while
 * its client still listens, instead of a connection that times out.
 */
export function admissionGate({ inFlight, maxWaitMs, now = () => performance.now() }) {
  let running = 0;
  const waiting = [];

  function start(entry) {
    running++;
    let done = false;
    entry.run(() => {
      if (done) return;
      done = true;
      running--;
      next();
    });
  }

  function next() {
    shedOverdue();
    while (running < inFlight && waiting.length > 0) {
      const entry = waiting.shift();
      if (!entry.gone()) start(entry);
    }
  }

  function shedOverdue() {
    const oldest = now() - maxWaitMs;
    while (waiting.length > 0 && (waiting[0].gone() || waiting[0].since <= oldest)) {
      const entry = waiting.shift();
      if (!entry.gone()) entry.shed();
    }
  }

  return {
    /**
     * `run(release)` handles the request and calls `release` once it is answered or abandoned;
     * `shed()` answers it without handling; `gone()` says its client hung up while it waited.
     */
    admit(entry) {
      if (running < inFlight) return start(entry);
      waiting.push({ ...entry, since: now() });
    },
    /** Sheds whoever waited too long even while nothing finishes (every slot stuck on a slow request). */
    shedOverdue,
    get running() {
      return running;
    },
    get waiting() {
      return waiting.length;
    },
  };
}
