import { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import type { PGlite } from '@electric-sql/pglite';
import type pg from 'pg';
import { from as copyFrom } from 'pg-copy-streams';

export type BulkTarget = { kind: 'pglite'; client: PGlite } | { kind: 'postgres'; pool: pg.Pool };

/**
 * Loads CSV lines with COPY: one statement per chunk instead of one INSERT per row, the fastest
 * path into PostgreSQL on both drivers. On a server the lines stream while they are generated,
 * so the database parses one part while the next is being made.
 */
export async function copyLines(
  target: BulkTarget,
  table: string,
  columns: readonly string[],
  lines: Iterable<string>,
): Promise<number> {
  let count = 0;
  function* batches() {
    let batch: string[] = [];
    for (const line of lines) {
      batch.push(line);
      count++;
      if (batch.length === 2000) {
        yield `${batch.join('\n')}\n`;
        batch = [];
      }
    }
    if (batch.length > 0) yield `${batch.join('\n')}\n`;
  }
  const statement = `COPY "${table}" (${columns.map((c) => `"${c}"`).join(', ')})`;
  if (target.kind === 'pglite') {
    await target.client.query(`${statement} FROM '/dev/blob' WITH (FORMAT csv)`, [], {
      blob: new Blob([...batches()]),
    });
    return count;
  }
  const client = await target.pool.connect();
  try {
    // The generator writes consistent links; skipping per-row foreign-key triggers is what a
    // restore does too. Session-local: the app's own connections keep every check.
    await client.query(`set session_replication_role = replica`);
    await pipeline(
      Readable.from(batches()),
      client.query(copyFrom(`${statement} FROM STDIN WITH (FORMAT csv)`)),
    );
  } finally {
    await client.query(`set session_replication_role = origin`);
    client.release();
  }
  return count;
}

type Executor = { query(text: string): Promise<{ rows: unknown[] }> };
const executorOf = (target: BulkTarget): Executor =>
  target.kind === 'pglite' ? target.client : target.pool;

/**
 * Drops the table's secondary indexes and returns a function that builds them again: building
 * an index once over loaded rows is far cheaper than maintaining it row by row.
 */
export async function deferIndexes(target: BulkTarget, table: string) {
  const db = executorOf(target);
  const { rows } = await db.query(
    `select i.indexname as name, i.indexdef as def from pg_indexes i
      where i.schemaname = 'public' and i.tablename = '${table}'
        and i.indexname not in (select conname from pg_constraint where contype in ('p', 'u'))`,
  );
  const indexes = rows as { name: string; def: string }[];
  for (const index of indexes) await db.query(`drop index "${index.name}"`);
  return async () => {
    for (const index of indexes) await db.query(index.def);
  };
}

/** PGlite has one session: foreign-key triggers are skipped for the whole load, then restored. */
export async function setForeignKeyChecks(target: BulkTarget, on: boolean) {
  if (target.kind === 'pglite') {
    await target.client.query(`set session_replication_role = ${on ? 'origin' : 'replica'}`);
  }
}
