import { EventEmitter } from 'node:events';
import type { Database } from '../db/client';
import { processWide } from '../process-wide';

export const wakeupChannel = 'seatwise_events';
const coalesceMs = 20;

type WakeupState = { emitter: EventEmitter; notifyPending: boolean };
const state = processWide<WakeupState>('wakeup', () => ({ emitter: new EventEmitter().setMaxListeners(100), notifyPending: false }));

/**
 * Called after a commit that wrote events. Runners in this process hear it at once; other
 * processes through one NOTIFY per short interval, sent after commit: a NOTIFY inside each
 * append transaction would serialise commits (DESIGN §5).
 */
export function eventsAppended(db?: Pick<Database, 'query' | 'kind'>): void {
  state.emitter.emit('appended');
  if (!db || db.kind !== 'postgres' || state.notifyPending) return;
  state.notifyPending = true;
  setTimeout(() => {
    state.notifyPending = false;
    db.query(`SELECT pg_notify('${wakeupChannel}', '')`).catch(() => undefined);
  }, coalesceMs).unref?.();
}

export function onEventsAppended(listener: () => void): () => void {
  state.emitter.on('appended', listener);
  return () => state.emitter.off('appended', listener);
}
