import { logger } from '../logger';
import { processWide } from '../process-wide';

/**
 * postgres.js 3.4.9 can write to a connection's socket after the socket closed (a write deferred
 * with setImmediate runs after `closed()` nulled it: porsager/postgres#1154, #1208; fixes
 * proposed upstream in #1168 and #1176). The TypeError is thrown from the immediate, outside any
 * query's promise, and would kill the process whenever PostgreSQL restarts under load. The query
 * it belonged to has already been rejected with CONNECTION_CLOSED, so the write is moot: that one
 * error is logged and survived; any other uncaught exception still ends the process, as Node would.
 */
const isWriteAfterClose = (error: unknown) =>
  error instanceof TypeError && /reading 'write'/.test(error.message) && /nextWrite[\s\S]*postgres[\\/]/.test(error.stack ?? '');

export function surviveWriteAfterClose(): void {
  processWide('postgres-write-after-close', () => {
    process.on('uncaughtException', (error) => {
      if (isWriteAfterClose(error)) {
        logger.warn({ err: error }, 'postgres.js wrote to a closed connection (porsager/postgres#1154): ignored');
        return;
      }
      logger.fatal({ err: error }, 'uncaught exception');
      process.exit(1);
    });
    return true;
  });
}
