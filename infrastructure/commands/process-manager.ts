import type { Message } from '@/domain/shared/decider';
import { appendRequest, load, remember, write, type Folding } from './aggregate-store';
import type { CommandMetadata, UnitOfWork } from './handle';

/** A process manager: a pure reaction of (its state, an input) whose own events form its stream. */
export type ProcessManager<S, E extends Message, I, R extends { readonly events: readonly E[] }> = Folding<E, S> & {
  readonly react: (state: S, input: I) => R;
};

/**
 * The command pipeline's sibling for process managers, inside a subscription batch: load the
 * process's stream, react, and record its own events with the same guards as any command (the
 * loaded version expected, the id idempotent). Null when this input was recorded before: its
 * commands were sent then.
 */
export async function reactWithin<S, E extends Message, I, R extends { readonly events: readonly E[] }>(
  work: UnitOfWork,
  process: ProcessManager<S, E, I, R>,
  streamId: string,
  input: I,
  metadata: CommandMetadata,
): Promise<R | null> {
  const { state } = await load(work.db, process, streamId, work);
  const reaction = process.react(state, input);
  if (reaction.events.length === 0) return reaction;
  return (await recordWithin(work, process, streamId, reaction.events, metadata)) ? reaction : null;
}

/** Records more of a process's events; false when their id was recorded before (nothing written). */
export async function recordWithin<S, E extends Message>(
  work: UnitOfWork,
  process: Folding<E, S>,
  streamId: string,
  events: readonly E[],
  metadata: CommandMetadata,
): Promise<boolean> {
  const { state, version } = await load(work.db, process, streamId, work);
  const request = appendRequest(process, streamId, version, events, metadata);
  const next = events.reduce(process.evolve, state);
  if (work.pending) {
    await remember(work, process, request, version, work.pending.add(request), next);
    return true;
  }
  // A conflict (a timer fired on this stream meanwhile) fails the batch, which is then tried again.
  const result = await write(work.db, request);
  if (result.duplicate) return false;
  await remember(work, process, request, version, result.version, next);
  return true;
}
