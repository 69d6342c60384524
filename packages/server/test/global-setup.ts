import { rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { sql } from 'drizzle-orm';
import type { TestProject } from 'vitest/node';
import { openDatabase } from '../src/db/client.js';
import { runMigrations } from '../src/db/migrate.js';
import { openTestPglite } from './pglite.js';

declare module 'vitest' {
  export interface ProvidedContext {
    /** File holding a migrated PGlite data directory that each test file starts from. */
    pgliteSnapshot: string;
  }
}

/**
 * Migrates once per run: a PGlite database whose snapshot every test file loads, and the
 * PostgreSQL test database (from an empty schema) when TEST_DATABASE_URL is set.
 */
export default async function setup(project: TestProject) {
  const snapshot = path.join(tmpdir(), `guanxi-test-pglite-${process.pid}.tar`);
  const pglite = await openTestPglite();
  try {
    await runMigrations(pglite);
    const dump = await pglite.client.dumpDataDir('none');
    writeFileSync(snapshot, Buffer.from(await dump.arrayBuffer()));
  } finally {
    await pglite.close();
  }
  project.provide('pgliteSnapshot', snapshot);

  const url = process.env.TEST_DATABASE_URL;
  if (url) {
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
  return () => rmSync(snapshot, { force: true });
}
