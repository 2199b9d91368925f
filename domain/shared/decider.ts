/** A message is a plain, serialisable `{type, data}` record: commands and events alike. */
export type Message<Type extends string = string, Data = unknown> = {
  readonly type: Type;
  readonly data: Data;
};

/**
 * An aggregate as a decider: pure functions over plain data. Time, ids, access codes and
 * prices arrive inside commands, so `decide` can be replayed or retried safely.
 */
export type Decider<Command extends Message, Event extends Message, State> = {
  /** Kebab-case stream type, e.g. `order`; stream ids are `<streamType>-<id>`. */
  readonly streamType: string;
  readonly initialState: State;
  readonly evolve: (state: State, event: Event) => State;
  readonly decide: (command: Command, state: State) => readonly Event[];
  /**
   * Set on aggregates whose streams grow without bound: the store keeps a snapshot of the
   * folded state every `every` events; bump `schemaVersion` whenever State changes shape.
   */
  readonly snapshot?: { readonly every: number; readonly schemaVersion: number };
};

/** Folds events over a decider's initial state. */
export function fold<Event extends Message, State>(
  decider: Pick<Decider<Message, Event, State>, 'initialState' | 'evolve'>,
  events: readonly Event[],
  from: State = decider.initialState,
): State {
  return events.reduce(decider.evolve, from);
}

/** Exhaustiveness guard for `switch` over a discriminated union. */
export function unreachable(value: never): never {
  throw new Error(`Unhandled case: ${JSON.stringify(value)}`);
}
