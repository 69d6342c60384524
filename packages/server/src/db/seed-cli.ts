// `npm run db:seed`: seeds the demo workspace into an empty database (migrating first).
import { loadConfig } from '../config.js';
import { openConfiguredDatabase } from './open.js';
import { seedDemoIfEmpty } from './seed.js';

const config = loadConfig();
const database = await openConfiguredDatabase(config);
try {
  const started = Date.now();
  const demo = await seedDemoIfEmpty(database);
  const seconds = ((Date.now() - started) / 1000).toFixed(1);
  console.log(
    demo
      ? [
          `demo workspace seeded in ${seconds} s: ${demo.accounts} accounts, ${demo.contacts} contacts,`,
          `${demo.opportunities} opportunities, ${demo.leads} leads (${demo.convertedLeads} converted),`,
          `${demo.activities} activities, ${demo.tasks} tasks, ${demo.accountsInPool} accounts in the pool,`,
          `${demo.reclaimWarnings} reclaim warnings; sign in as ${demo.email} / ${demo.password}`,
        ].join('\n  ')
      : 'the database already has a workspace; nothing seeded',
  );
} finally {
  await database.close();
}
