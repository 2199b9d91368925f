/** Next calls this once per server process: open the database and start the runner at boot. */
export async function register() {
  if (process.env.NEXT_RUNTIME !== 'nodejs') return;
  if (process.env.NEXT_PHASE === 'phase-production-build') return;
  const { runtime } = await import('./infrastructure/runtime');
  const { ConfigurationError } = await import('./infrastructure/auth/secret');
  const { logger } = await import('./infrastructure/logger');
  await runtime().catch((error: unknown) => {
    if (!(error instanceof ConfigurationError)) throw error;
    // Serving requests that would all fail is worse than not starting: say why, and stop.
    logger.fatal(error.message);
    process.exit(1);
  });
}
