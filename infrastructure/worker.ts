import { logger } from './logger';
import { runtime } from './runtime';

/** `npm run worker`: subscriptions and timers without a web server (server mode). */
process.env.RUN_WORKERS = '1';
runtime()
  .then(({ db }) => logger.info({ kind: db.kind }, 'worker running'))
  .catch((error: unknown) => {
    logger.error({ err: error }, 'worker failed to start');
    process.exit(1);
  });
