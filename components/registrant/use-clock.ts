import { useEffect, useState, useSyncExternalStore } from 'react';

const subscribe = (tick: () => void) => {
  const id = setInterval(tick, 250);
  return () => clearInterval(id);
};
const nowInSeconds = () => Math.floor(Date.now() / 1000);
// The server renders no clock: the browser's clock decides what is left, after hydration.
const noClock = () => null;

/** Whole seconds until `isoTime`, ticking every second; `null` while rendered on the server. */
export function useSecondsUntil(isoTime: string): number | null {
  const now = useSyncExternalStore(subscribe, nowInSeconds, noClock);
  if (now === null) return null;
  return Math.max(0, Math.ceil(Date.parse(isoTime) / 1000) - now);
}

/** True once `waiting` has lasted `ms` without a break: the moment to offer a retry. */
export function useTookLong(waiting: boolean, ms: number): boolean {
  const [late, setLate] = useState(false);
  useEffect(() => {
    if (!waiting) return;
    const id = setTimeout(() => setLate(true), ms);
    return () => {
      clearTimeout(id);
      setLate(false);
    };
  }, [waiting, ms]);
  return waiting && late;
}
