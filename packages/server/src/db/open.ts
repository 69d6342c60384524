import type { Config } from '../config.js';
import { type Database, openDatabase } from './client.js';
import { lockDataDir } from './data-dir-lock.js';
import { runMigrations } from './migrate.js';

/** Opens the configured database (locking PGlite's directory) and brings its schema up to date. */
export async function openConfiguredDatabase(config: Config): Promise<Database> {
  if (config.DATABASE_URL) {
    const database = await openDatabase({ kind: 'postgres', url: config.DATABASE_URL });
    await runMigrations(database);
    return database;
  }
  const release = lockDataDir(config.DATA_DIR);
  try {
    const database = await openDatabase({ kind: 'pglite', dataDir: config.DATA_DIR });
    await runMigrations(database);
    return {
      ...database,
      close: async () => {
        try {
          await database.close();
        } finally {
          release();
        }
      },
    };
  } catch (error) {
    release();
    throw error;
  }
}
