// `npm run db:migrate`: applies pending migrations to the configured database and exits.
import { loadConfig } from '../config.js';
import { openConfiguredDatabase } from './open.js';

const config = loadConfig();
const database = await openConfiguredDatabase(config);
await database.close();
console.log(
  `migrations applied (${database.kind === 'pglite' ? config.DATA_DIR : 'PostgreSQL server'})`,
);
