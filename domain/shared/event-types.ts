import type { Message } from './decider';

/** `names` as given when it names every member of `All`; otherwise a type error that lists the missing ones. */
type Complete<All extends string, Names extends readonly string[]> =
  [Exclude<All, Names[number]>] extends [never] ? Names : readonly ['missing event types:', Exclude<All, Names[number]>];

export type EventTypes<E extends Message> = {
  readonly names: readonly E['type'][];
  /** Whether a message read from the feed is one of these events, typed as such. */
  is<M extends Message>(message: M): message is M & E;
};

/**
 * A module's event type names, said once and complete: leaving one out fails the type check,
 * so whoever reads the feed by these names cannot silently ignore a new event.
 *   export const orderEvents = eventTypes<OrderEvent>()('OrderPlaced', …)
 */
export function eventTypes<E extends Message>() {
  return <const Names extends readonly E['type'][]>(...names: Names & Complete<E['type'], Names>): EventTypes<E> => {
    const known = new Set<string>(names);
    return { names, is: <M extends Message>(message: M): message is M & E => known.has(message.type) };
  };
}
