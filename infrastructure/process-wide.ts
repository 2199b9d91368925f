/**
 * One value per process, whichever bundle asks: Next bundles instrumentation and route code
 * apart, so a module-level value would exist twice (two PGlite openers in one process lose
 * data; two command queues let a stream's commands race).
 */
export function processWide<T>(name: string, create: () => T): T {
  const holder = globalThis as unknown as Record<symbol, T | undefined>;
  const key = Symbol.for(`seatwise.${name}`);
  return (holder[key] ??= create());
}
