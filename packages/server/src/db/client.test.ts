import { sql } from 'drizzle-orm';
import { afterAll, describe, expect, it } from 'vitest';
import { testDatabase } from '../../test/helpers.js';
import { type Database, openDatabase, plannedOf, rowsOf } from './client.js';

const onPostgres = process.env.TEST_DB === 'postgres';

/** The statements prepared on the connection that answers this query (PostgreSQL only). */
const preparedOn = async (database: Database) =>
  rowsOf<{ statement: string }>(
    await database.db.execute(sql`select statement from pg_prepared_statements`),
  ).map((row) => row.statement);

describe('planned reads', () => {
  it.runIf(onPostgres)(
    'prepares each statement text once per connection and answers as the plain handle',
    async () => {
      // One connection, so the statements prepared are those of the connection asked.
      const database = await openDatabase({
        kind: 'postgres',
        url: process.env.TEST_DATABASE_URL!,
        poolSize: 1,
      });
      afterAll(() => database.close());
      const planned = plannedOf(database.db);
      expect(planned).not.toBe(database.db);

      const lookup = (n: number) => sql`select ${n}::int + 1 as next, 'planned' as kind`;
      const answers = [];
      for (const n of [1, 2, 3]) answers.push(rowsOf(await planned.execute(lookup(n))));
      expect(answers).toEqual([1, 2, 3].map((n) => [{ next: n + 1, kind: 'planned' }]));
      const plain = sql`select 41 + 1 as answer, 'plain' as kind`;
      expect(rowsOf(await database.db.execute(plain))).toEqual([{ answer: 42, kind: 'plain' }]);

      const statements = await preparedOn(database);
      // The same text with other values is the same statement; the plain handle names none.
      expect(statements.filter((s) => s.includes("'planned' as kind"))).toHaveLength(1);
      expect(statements.some((s) => s.includes("'plain' as kind"))).toBe(false);
    },
  );

  it('is the database itself on PGlite, and the transaction itself inside one', async () => {
    const database = await testDatabase();
    if (database.kind === 'pglite') expect(plannedOf(database.db)).toBe(database.db);
    await database.db.transaction(async (tx) => {
      expect(plannedOf(tx)).toBe(tx);
    });
  });
});

describe('the server’s connections', () => {
  const setting = async (database: Database) =>
    rowsOf<{ workers: string }>(
      await database.db.execute(
        sql`select current_setting('max_parallel_workers_per_gather') as workers`,
      ),
    )[0].workers;

  it.runIf(onPostgres)('plan without parallel workers unless the URL says otherwise', async () => {
    const url = new URL(process.env.TEST_DATABASE_URL!);
    const serial = await openDatabase({ kind: 'postgres', url: url.toString() });
    url.searchParams.set('options', '-c max_parallel_workers_per_gather=1');
    const parallel = await openDatabase({ kind: 'postgres', url: url.toString() });
    afterAll(() => Promise.all([serial.close(), parallel.close()]));
    expect(await setting(serial)).toBe('0');
    expect(await setting(parallel)).toBe('1');
  });
});
