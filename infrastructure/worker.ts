import { startRuntime } from './runtime';

/** `npm run worker`: subscriptions and timers without a web server (server mode). */
process.env.RUN_WORKERS = '1';
void startRuntime();
