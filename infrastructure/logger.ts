import pino from 'pino';

/** JSON lines: one per command batch or failure, with ids and durations. */
export const logger = pino({
  level: process.env.LOG_LEVEL ?? (process.env.NODE_ENV === 'test' ? 'silent' : 'info'),
});
