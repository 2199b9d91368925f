import { EventEmitter } from 'node:events';
import type { Database } from '../db/client';
import { processWide } from '../process-wide';

export const wakeupChannel = 'seatwise_events';
const coalesceMs = 20;

/** The event types a commit wrote; null when not known (wake every subscription). */
export type AppendedTypes = ReadonlySet<string> | null;

type WakeupState = { emitter: EventEmitter; notifyPending: Set<string> | 'all' | null };
const state = processWide<WakeupState>('wakeup', () => ({ emitter: new EventEmitter().setMaxListeners(100), notifyPending: null }));

/**
 * Called after a commit that wrote events, with their types when known: only the subscriptions
 * that read one of them are woken, so an order placed does not send the conference list looking.
 * Runners in this process hear it at once; other processes through one NOTIFY per short interval,
 * sent after commit: a NOTIFY inside each append transaction would serialise commits (DESIGN §5).
 */
export function eventsAppended(db?: Pick<Database, 'notify' | 'kind'>, types?: Iterable<string>): void {
  const appended = types ? new Set(types) : null;
  if (appended?.size === 0) return;
  state.emitter.emit('appended', appended);
  if (!db || db.kind !== 'postgres') return;
  const pending = state.notifyPending;
  if (pending !== null) {
    if (pending !== 'all') appended?.forEach((type) => pending.add(type));
    if (!appended) state.notifyPending = 'all';
    return;
  }
  state.notifyPending = appended ? new Set(appended) : 'all';
  setTimeout(() => {
    const sent = state.notifyPending;
    state.notifyPending = null;
    db.notify(wakeupChannel, sent === 'all' || !sent ? '' : [...sent].join(',')).catch(() => undefined);
  }, coalesceMs).unref?.();
}

export function onEventsAppended(listener: (types: AppendedTypes) => void): () => void {
  state.emitter.on('appended', listener);
  return () => state.emitter.off('appended', listener);
}

/** A NOTIFY's payload as eventsAppended wrote it: the types, or empty for every one. */
export const typesInNotice = (payload: string): AppendedTypes => (payload === '' ? null : new Set(payload.split(',')));

/** Whether a subscription reading `eventTypes` (every type when unset) has news in `types`. */
export const wants = (eventTypes: readonly string[] | undefined, types: AppendedTypes) =>
  types === null || eventTypes === undefined || eventTypes.some((type) => types.has(type));
