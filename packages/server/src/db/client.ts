import { createHash } from 'node:crypto';
import { PGlite } from '@electric-sql/pglite';
import { pg_trgm } from '@electric-sql/pglite/contrib/pg_trgm';
import { drizzle as drizzlePg } from 'drizzle-orm/node-postgres';
import type { PgDatabase, PgQueryResultHKT } from 'drizzle-orm/pg-core';
import { drizzle as drizzlePglite } from 'drizzle-orm/pglite';
import pg from 'pg';
import * as schema from './schema.js';

export type Schema = typeof schema;
/** One database type for both drivers; services never know which one runs. */
export type Db = PgDatabase<PgQueryResultHKT, Schema>;
export type Tx = Parameters<Parameters<Db['transaction']>[0]>[0];
/** Anything that can run a query: the database or an open transaction. */
export type Executor = Db | Tx;

export type Database = {
  db: Db;
  kind: 'pglite' | 'postgres';
  /** Runs `fn` on one dedicated connection (advisory locks are per connection). */
  withConnection<T>(fn: (db: Db) => Promise<T>): Promise<T>;
  close(): Promise<void>;
};

export type DatabaseOptions =
  | { kind: 'pglite'; dataDir?: string }
  | { kind: 'postgres'; url: string; poolSize?: number };

/**
 * The server's connections plan without parallel workers. Its queries are short, and starting
 * workers costs more than they save: a two-character Chinese search over 1M contacts answers in
 * 8–17 ms with two workers and 1.1 ms without, and under load the workers take the cores that
 * other requests need. A URL's own `options` parameter replaces this one
 * (`?options=-c%20max_parallel_workers_per_gather%3D2`).
 */
const SERIAL_PLANS = '-c max_parallel_workers_per_gather=0';

export async function openDatabase(options: DatabaseOptions): Promise<Database> {
  if (options.kind === 'pglite') {
    // dataDir undefined = in-memory (tests); otherwise persisted on disk.
    const client = await PGlite.create(options.dataDir, { extensions: { pg_trgm } });
    const db = drizzlePglite(client, { schema }) as unknown as Db;
    return {
      db,
      kind: 'pglite',
      withConnection: (fn) => fn(db),
      close: () => client.close(),
    };
  }
  const pool = new pg.Pool({
    connectionString: options.url,
    max: options.poolSize ?? 10,
    options: SERIAL_PLANS,
  });
  // A connection error on an idle client must not crash the process; the pool replaces it.
  pool.on('error', () => {});
  const db = drizzlePg(pool, { schema }) as unknown as Db;
  plannedTwins.set(db, nameStatements(drizzlePg(pool, { schema }) as unknown as Db));
  return {
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
}

/** A value made once per database handle, such as the prepared statement of a hot query. */
export function perDatabase<T>(make: (db: Db) => T): (db: Db) => T {
  const made = new WeakMap<Db, T>();
  return (db) => {
    let value = made.get(db);
    if (value === undefined) {
      value = make(db);
      made.set(db, value);
    }
    return value;
  };
}

/** The database handle whose statements are planned once per connection (see `plannedOf`). */
const plannedTwins = new WeakMap<object, Db>();

/**
 * The twin of `db` whose every statement is a named one: PostgreSQL parses and plans it once
 * per connection and reuses the plan, so a read that costs more to plan than to run (a lookup
 * over large tables with many indexes) is answered for its execution alone. The name is the
 * text's digest, so the same text is the same statement whatever its parameters.
 *
 * Only for reads whose best plan does not depend on the values, such as lookups by id or by one
 * account; after five runs PostgreSQL may keep one plan for all values, which would be wrong for
 * a filter on a skewed column. PGlite, and an open transaction, answer `db` itself.
 */
export function plannedOf<T extends Executor>(db: T): T {
  return (plannedTwins.get(db) as T | undefined) ?? db;
}

/** Names every statement `db`'s session prepares by its text's digest. */
function nameStatements(db: Db): Db {
  type Prepare = (
    query: { sql: string },
    fields: unknown,
    name?: string,
    ...rest: unknown[]
  ) => unknown;
  const session = (db as unknown as { session: { prepareQuery: Prepare } }).session;
  const prepare = session.prepareQuery.bind(session);
  session.prepareQuery = (query, fields, name, ...rest) =>
    prepare(query, fields, name ?? statementName(query.sql), ...rest);
  return db;
}

const statementName = (text: string) =>
  `gx_${createHash('sha1').update(text).digest('hex').slice(0, 24)}`;

/** Rows of a raw `db.execute(sql...)` result; both drivers answer with `{ rows }`. */
export function rowsOf<T>(result: unknown): T[] {
  return (result as { rows: T[] }).rows;
}

/** The SQLSTATE of a failed query: on the error itself or on the driver error inside it. */
function sqlState(error: unknown): { code?: unknown; constraint?: unknown } | null | undefined {
  return [error, (error as { cause?: unknown } | null)?.cause]
    .map((e) => e as { code?: unknown; constraint?: unknown } | null)
    .find((e) => typeof e?.code === 'string' && /^[0-9A-Z]{5}$/.test(e.code));
}

/** Whether a failed query (or the driver error inside it) broke the given unique constraint. */
export function isUniqueViolation(error: unknown, constraint: string): boolean {
  const state = sqlState(error);
  return state?.code === '23505' && state.constraint === constraint;
}

/**
 * Whether a transaction failed only because a concurrent one held what it needed: a deadlock
 * (40P01) or a serialization failure (40001). PostgreSQL rolled it back whole; the same request
 * can simply be sent again.
 */
export function isConcurrencyFailure(error: unknown): boolean {
  const code = sqlState(error)?.code;
  return code === '40P01' || code === '40001';
}
