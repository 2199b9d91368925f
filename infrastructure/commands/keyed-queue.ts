/**
 * Runs tasks one at a time per key, in arrival order. In front of the event store it keeps
 * commands for one stream from racing each other inside this process, so the optimistic
 * concurrency check only ever fires for writers in other processes.
 */
export function createKeyedQueue() {
  const tails = new Map<string, Promise<unknown>>();
  return function enqueue<T>(key: string, task: () => Promise<T>): Promise<T> {
    const previous = tails.get(key) ?? Promise.resolve();
    const current = previous.then(task, task);
    const settled = current.then(
      () => undefined,
      () => undefined,
    );
    tails.set(key, settled);
    void settled.then(() => {
      if (tails.get(key) === settled) tails.delete(key);
    });
    return current;
  };
}
