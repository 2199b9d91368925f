/**
 * Reads of one key that meet on their way share one query. A read never joins a query already
 * on its way, which may not see what was committed just before the read was asked for: it waits
 * for that one, then goes with whoever came meanwhile. Alone, a read goes at once.
 */
export function readsTogether<A extends unknown[], V>(keyOf: (...args: A) => string, read: (...args: A) => Promise<V>): (...args: A) => Promise<V> {
  const onItsWay = new Map<string, Promise<unknown>>();
  const queued = new Map<string, Promise<V>>();
  const send = (key: string, args: A) => {
    const answer = read(...args);
    const settled: Promise<unknown> = answer.catch(() => undefined).finally(() => {
      if (onItsWay.get(key) === settled) onItsWay.delete(key);
    });
    onItsWay.set(key, settled);
    return answer;
  };
  return (...args) => {
    const key = keyOf(...args);
    const ahead = onItsWay.get(key);
    if (!ahead) return send(key, args);
    let next = queued.get(key);
    if (!next) {
      next = ahead.then(() => {
        queued.delete(key);
        return send(key, args);
      });
      queued.set(key, next);
    }
    return next;
  };
}
