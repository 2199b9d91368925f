/** Turns the data of an event written at schema version v into the shape of version v + 1. */
export type Upcaster = (data: unknown) => unknown;

const upcasters = new Map<string, Upcaster[]>();

/**
 * Registers the next step of an event type's history: the first call upgrades version 1 to 2,
 * the second 2 to 3, and so on. New events are written at the latest version.
 */
export function registerUpcaster(type: string, upcaster: Upcaster): void {
  upcasters.set(type, [...(upcasters.get(type) ?? []), upcaster]);
}

export function currentSchemaVersion(type: string): number {
  return 1 + (upcasters.get(type)?.length ?? 0);
}

export function upcast(type: string, schemaVersion: number, data: unknown): unknown {
  const steps = upcasters.get(type) ?? [];
  return steps.slice(schemaVersion - 1).reduce((value, step) => step(value), data);
}
