import 'server-only';
import { database } from '../runtime';
import { sessionSecret } from './secret';

let cached: Promise<string> | null = null;

/** The process's one secret for cookies and caller-scoped command ids (read once, then kept). */
export function serverSecret(): Promise<string> {
  cached ??= database()
    .then((db) => sessionSecret(db))
    .catch((error: unknown) => {
      cached = null;
      throw error;
    });
  return cached;
}
