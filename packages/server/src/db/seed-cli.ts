// `npm run db:seed`: seeds the demo workspace into an empty database (migrating first).
import { loadConfig } from '../config.js';
import { openConfiguredDatabase } from './open.js';
import { seedDemoIfEmpty } from './seed.js';

const config = loadConfig();
const database = await openConfiguredDatabase(config);
try {
  const demo = await seedDemoIfEmpty(database.db);
  console.log(
    demo
      ? `demo workspace seeded: ${demo.accounts} accounts, ${demo.contacts} contacts; sign in as ${demo.email} / ${demo.password}`
      : 'the database already has a workspace; nothing seeded',
  );
} finally {
  await database.close();
}
