import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vitest/config';

export default defineConfig({
  resolve: { alias: { '@': fileURLToPath(new URL('.', import.meta.url)) } },
  test: {
    include: ['domain/**/*.spec.ts', 'infrastructure/**/*.spec.ts', 'infrastructure/**/*.test.ts', 'e2e/**/*.test.ts'],
    environment: 'node',
    testTimeout: 60_000,
    hookTimeout: 60_000,
    // Integration files share one Postgres database; each file works in its own schema,
    // but two cores are all there is, so keep file parallelism modest.
    maxWorkers: 2,
  },
});
