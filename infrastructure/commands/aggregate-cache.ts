/** Folded aggregate states by stream id, newest used last; a hint only: loads read the tail. */
export function createAggregateCache(capacity: number) {
  const entries = new Map<string, { version: number; state: unknown }>();
  return {
    get(streamId: string) {
      const entry = entries.get(streamId);
      if (entry) {
        entries.delete(streamId);
        entries.set(streamId, entry);
      }
      return entry;
    },
    set(streamId: string, version: number, state: unknown) {
      const current = entries.get(streamId);
      if (current && current.version > version) return;
      entries.delete(streamId);
      entries.set(streamId, { version, state });
      if (entries.size > capacity) entries.delete(entries.keys().next().value as string);
    },
    delete(streamId: string) {
      entries.delete(streamId);
    },
    clear() {
      entries.clear();
    },
  };
}
