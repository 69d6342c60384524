import { sql } from 'drizzle-orm';
import { openDatabase } from '../src/db/client.js';
import { runMigrations } from '../src/db/migrate.js';

/** Migrates the PostgreSQL test database once per run, from an empty schema. */
export default async function setup() {
  const url = process.env.TEST_DATABASE_URL;
  if (!url) return;
  const database = await openDatabase({ kind: 'postgres', url, poolSize: 1 });
  try {
    await database.db.execute(sql`drop schema if exists public cascade`);
    await database.db.execute(sql`drop schema if exists drizzle cascade`);
    await database.db.execute(sql`create schema public`);
    await runMigrations(database);
  } finally {
    await database.close();
  }
}
