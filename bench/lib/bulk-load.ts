import { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import type { PGlite } from '@electric-sql/pglite';
import type pg from 'pg';
import { from as copyFrom } from 'pg-copy-streams';

export type BulkTarget = { kind: 'pglite'; client: PGlite } | { kind: 'postgres'; pool: pg.Pool };

/** PGlite takes a COPY as one in-memory blob: its lines go in blobs of this many. */
const PGLITE_CHUNK = 100_000;
/** Lines per write to the COPY stream. */
const BATCH = 2000;

/** CSV batches of `lines`, counting them and reporting progress every `every` lines. */
function* batches(lines: Iterable<string>, progress: (n: number) => void, every = 100_000) {
  let batch: string[] = [];
  let n = 0;
  for (const line of lines) {
    batch.push(line);
    if (++n % every === 0) progress(n);
    if (batch.length === BATCH) {
      yield `${batch.join('\n')}\n`;
      batch = [];
    }
  }
  if (batch.length > 0) yield `${batch.join('\n')}\n`;
  progress(n);
}

/**
 * Loads a table's CSV lines with COPY, the fastest path into PostgreSQL on both drivers. With
 * `freeze` the (empty) table is truncated in the same transaction first: COPY ... FREEZE then
 * writes the rows frozen and all-visible, so index-only scans work without a vacuum pass over
 * the new pages (PostgreSQL ≥ 14). Truncating cascades to the tables that reference it, so only
 * tables whose referencing tables are still empty may be frozen. On a server the lines stream
 * while they are generated, so the database parses one part while the next is made.
 * Foreign-key triggers are skipped, as a restore does: the generator writes consistent links.
 * Returns how many lines went in.
 */
export async function copyTable(
  target: BulkTarget,
  load: { table: string; columns: readonly string[]; freeze: boolean },
  lines: Iterable<string>,
  progress: (n: number) => void = () => {},
): Promise<number> {
  const { table, columns, freeze } = load;
  let count = 0;
  const counted = (n: number) => {
    count = n;
    progress(n);
  };
  const statement = `COPY "${table}" (${columns.map((c) => `"${c}"`).join(', ')})`;
  const truncate = freeze ? `truncate "${table}" cascade` : 'select 1';
  const options = freeze ? 'FORMAT csv, FREEZE' : 'FORMAT csv';
  if (target.kind === 'pglite') {
    const db = target.client;
    await db.query('begin');
    try {
      await db.query(truncate);
      let blob: string[] = [];
      const flush = async () => {
        if (blob.length === 0) return;
        await db.query(`${statement} FROM '/dev/blob' WITH (${options})`, [], {
          blob: new Blob(blob),
        });
        blob = [];
      };
      let pending = 0;
      for (const batch of batches(lines, counted)) {
        blob.push(batch);
        pending += BATCH;
        if (pending >= PGLITE_CHUNK) {
          await flush();
          pending = 0;
        }
      }
      await flush();
      await db.query('commit');
    } catch (error) {
      await db.query('rollback');
      throw error;
    }
    return count;
  }
  const client = await target.pool.connect();
  try {
    await client.query('set session_replication_role = replica');
    await client.query('begin');
    await client.query(truncate);
    await pipeline(
      Readable.from(batches(lines, counted)),
      client.query(copyFrom(`${statement} FROM STDIN WITH (${options})`)),
    );
    await client.query('commit');
  } catch (error) {
    await client.query('rollback').catch(() => {});
    throw error;
  } finally {
    await client.query('set session_replication_role = origin').catch(() => {});
    client.release();
  }
  return count;
}

type Executor = { query(text: string): Promise<{ rows: unknown[] }> };
const executorOf = (target: BulkTarget): Executor =>
  target.kind === 'pglite' ? target.client : target.pool;

/**
 * Drops the table's secondary indexes (and its primary key when nothing references it) and
 * returns a function that builds them again: building an index once over loaded rows is far
 * cheaper than maintaining it row by row. On a server the builds get the memory a restore gives
 * them and run on their own connection, so the next table can load meanwhile.
 */
export async function deferIndexes(target: BulkTarget, table: string) {
  const db = executorOf(target);
  const { rows } = await db.query(
    `select i.indexname as name, i.indexdef as def from pg_indexes i
      where i.schemaname = 'public' and i.tablename = '${table}'
        and i.indexname not in (select conname from pg_constraint where contype in ('p', 'u'))`,
  );
  const indexes = rows as { name: string; def: string }[];
  // The primary key too, when no foreign key needs it meanwhile (pg_restore adds it after the
  // data as well): then COPY only appends rows.
  const keys = (
    await db.query(
      `select c.conname as name, pg_get_constraintdef(c.oid) as def from pg_constraint c
        where c.conrelid = 'public."${table}"'::regclass and c.contype = 'p'
          and not exists (select 1 from pg_constraint f where f.confrelid = c.conrelid and f.contype = 'f')`,
    )
  ).rows as { name: string; def: string }[];
  for (const key of keys) {
    await db.query(`alter table "${table}" drop constraint "${key.name}"`);
    indexes.unshift({
      name: key.name,
      def: `alter table "${table}" add constraint "${key.name}" ${key.def}`,
    });
  }
  for (const index of indexes.slice(keys.length)) await db.query(`drop index "${index.name}"`);
  return async () => {
    if (target.kind === 'pglite') {
      for (const index of indexes) await target.client.query(index.def);
      return;
    }
    // Two builders: a GIN build runs on one core only, the b-trees go on next to it.
    const gin = indexes.filter((i) => /using gin/i.test(i.def));
    const other = indexes.filter((i) => !/using gin/i.test(i.def));
    const queues = [[...other.slice(0, 1), ...gin], other.slice(1)];
    await Promise.all(
      queues.map(async (queue) => {
        const client = await target.pool.connect();
        try {
          for (const index of queue) {
            // A b-tree sorts its keys: more memory keeps the sort off disk. A GIN index
            // builds fastest with the default (its in-memory lists grow slow when large).
            const memory = /using gin/i.test(index.def) ? '64MB' : '256MB';
            await client.query(`set maintenance_work_mem = '${memory}'`);
            await client.query(index.def);
          }
        } finally {
          client.release();
        }
      }),
    );
  };
}

/** PGlite has one session: foreign-key triggers are skipped for the whole load, then restored. */
export async function setForeignKeyChecks(target: BulkTarget, on: boolean) {
  if (target.kind === 'pglite') {
    await target.client.query(`set session_replication_role = ${on ? 'origin' : 'replica'}`);
  }
}

/** VACUUM ANALYZE of the loaded tables: visibility map set, planner statistics fresh. */
export async function vacuumAnalyze(target: BulkTarget, tables: string[]) {
  const db = executorOf(target);
  for (const table of tables) await db.query(`vacuum analyze "${table}"`);
}
