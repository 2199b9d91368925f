import type { StoredEvent } from '../event-store/types';

/**
 * Finds the event a failed batch choked on. After a failure, events are taken one at a time
 * until every event of that batch is past: the poison one is reached in as many steps as it had
 * predecessors, and is then retried alone, so that it alone is dead-lettered.
 */
export function createPoisonFinder(batchSize: number) {
  let failures = 0;
  let oneByOne = 0;
  const narrowing = () => failures > 0 || oneByOne > 0;
  return {
    get failures() {
      return failures;
    },
    /** Taking one event at a time, to find the one a batch failed on. */
    get narrowing() {
      return narrowing();
    },
    /** How many events to take next. */
    nextBatchSize: () => (narrowing() ? 1 : batchSize),
    succeeded(count: number) {
      if (count === 0) return;
      failures = 0;
      oneByOne = Math.max(0, oneByOne - count);
    },
    /** Records a failed batch; the event to blame once the batch was down to one event. */
    failed(events: readonly StoredEvent[]): StoredEvent | null {
      failures++;
      if (events.length > 1) oneByOne = events.length;
      return events.length === 1 ? events[0]! : null;
    },
  };
}
