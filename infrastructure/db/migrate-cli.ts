import { openConfiguredDatabase } from './client';

/** `npm run db:migrate`: applies drizzle/ to the configured database. */
async function main() {
  const db = await openConfiguredDatabase();
  try {
    await db.migrate();
    console.log(`Migrations applied (${db.kind}).`);
  } finally {
    await db.close();
  }
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
