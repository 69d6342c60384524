import { PGlite } from '@electric-sql/pglite';
import { pg_trgm } from '@electric-sql/pglite/contrib/pg_trgm';
import { drizzle } from 'drizzle-orm/pglite';
import type { Database, Db } from '../src/db/client.js';
import * as schema from '../src/db/schema.js';

/**
 * An in-memory PGlite database, optionally started from a snapshot of a migrated one. Starting
 * from the snapshot skips initdb and the migrations, which is most of a test file's setup time.
 */
export async function openTestPglite(snapshot?: Blob): Promise<Database & { client: PGlite }> {
  const client = await PGlite.create({ extensions: { pg_trgm }, loadDataDir: snapshot });
  const db = drizzle(client, { schema }) as unknown as Db;
  return {
    db,
    client,
    kind: 'pglite',
    withConnection: (fn) => fn(db),
    close: () => client.close(),
  };
}
