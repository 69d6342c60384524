import { mkdirSync, rmSync } from 'node:fs';
import path from 'node:path';
import { PGlite } from '@electric-sql/pglite';
import { pg_trgm } from '@electric-sql/pglite/contrib/pg_trgm';
import { sql } from 'drizzle-orm';
import { drizzle as drizzlePg } from 'drizzle-orm/node-postgres';
import { drizzle as drizzlePglite } from 'drizzle-orm/pglite';
import pg from 'pg';
import type { Database, Db } from '../../packages/server/src/db/client.js';
import * as schema from '../../packages/server/src/db/schema.js';
import type { BulkTarget } from './bulk-load.js';

export const OUT_DIR = path.resolve(import.meta.dirname, '../out');

/** Which database a run uses: PostgreSQL when BENCH_DATABASE_URL is set, else PGlite on disk. */
export type TargetSpec = { kind: 'pglite'; dataDir: string } | { kind: 'postgres'; url: string };

export function targetFromEnv(): TargetSpec {
  const url = process.env.BENCH_DATABASE_URL;
  return url
    ? { kind: 'postgres', url }
    : { kind: 'pglite', dataDir: path.join(OUT_DIR, 'pglite-data') };
}

/** Where the seed leaves what the benchmarks need (keys, ids), one file per database. */
export const metaFile = (spec: TargetSpec) =>
  path.join(
    OUT_DIR,
    spec.kind === 'postgres'
      ? `postgres-${new URL(spec.url).pathname.replace(/^\//, '') || 'postgres'}-meta.json`
      : 'pglite-meta.json',
  );

/** Environment that points the app server (or the ceiling server) at the same database. */
export const serverEnv = (spec: TargetSpec): Record<string, string> =>
  spec.kind === 'postgres' ? { DATABASE_URL: spec.url } : { DATA_DIR: spec.dataDir };

export type OpenTarget = { database: Database; bulk: BulkTarget; close(): Promise<void> };

/** Creates the server database the URL names when it is not there yet (the seed may make it). */
async function ensureDatabase(url: string) {
  const name = decodeURIComponent(new URL(url).pathname.replace(/^\//, ''));
  if (!name) return;
  const server = new URL(url);
  server.pathname = '/postgres';
  const client = new pg.Client({ connectionString: server.toString() });
  await client.connect();
  try {
    const { rowCount } = await client.query('select 1 from pg_database where datname = $1', [name]);
    if (!rowCount) await client.query(`create database "${name.replace(/"/g, '""')}"`);
  } finally {
    await client.end();
  }
}

/** Opens the target; `reset` starts from an empty database (the bench database is disposable). */
export async function openTarget(spec: TargetSpec, opts: { reset: boolean }): Promise<OpenTarget> {
  if (spec.kind === 'pglite') {
    if (opts.reset) rmSync(spec.dataDir, { recursive: true, force: true });
    mkdirSync(path.dirname(spec.dataDir), { recursive: true });
    const client = await PGlite.create(spec.dataDir, { extensions: { pg_trgm } });
    const db = drizzlePglite(client, { schema }) as unknown as Db;
    return {
      database: { db, kind: 'pglite', withConnection: (fn) => fn(db), close: () => client.close() },
      bulk: { kind: 'pglite', client },
      close: () => client.close(),
    };
  }
  mkdirSync(OUT_DIR, { recursive: true });
  if (opts.reset) await ensureDatabase(spec.url);
  const pool = new pg.Pool({ connectionString: spec.url, max: 8 });
  const db = drizzlePg(pool, { schema }) as unknown as Db;
  if (opts.reset) {
    await db.execute(sql`drop schema if exists public cascade`);
    await db.execute(sql`drop schema if exists drizzle cascade`);
    await db.execute(sql`create schema public`);
  }
  const database: Database = {
    db,
    kind: 'postgres',
    async withConnection(fn) {
      const client = await pool.connect();
      try {
        return await fn(drizzlePg(client, { schema }) as unknown as Db);
      } finally {
        client.release();
      }
    },
    close: () => pool.end(),
  };
  return { database, bulk: { kind: 'postgres', pool }, close: () => pool.end() };
}
