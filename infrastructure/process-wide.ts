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

/** One value per database handle, in the process, made when first asked for (a test process opens many). */
export function perDatabase<D extends object, T>(name: string, create: (db: D) => T): (db: D) => T {
  const values = processWide(name, () => new WeakMap<D, T>());
  return (db) => {
    let value = values.get(db);
    if (value === undefined) values.set(db, (value = create(db)));
    return value;
  };
}
