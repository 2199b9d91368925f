/** Next calls this once per server process: open the database and start the runner at boot. */
export async function register() {
  if (process.env.NEXT_RUNTIME !== 'nodejs') return;
  if (process.env.NEXT_PHASE === 'phase-production-build') return;
  const { startRuntime } = await import('./infrastructure/runtime');
  await startRuntime();
}
