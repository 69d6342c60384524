import { buildApp } from './app.js';
import { loadConfig } from './config.js';
import { DataDirLockedError } from './db/data-dir-lock.js';
import { openConfiguredDatabase } from './db/open.js';
import { seedDemoIfEmpty } from './db/seed.js';
import { startJobWorker } from './platform/jobs.js';

async function main() {
  const config = loadConfig();
  const database = await openConfiguredDatabase(config);
  const app = await buildApp({
    config,
    database,
    logger: {
      level: config.LOG_LEVEL,
      redact: ['req.headers.authorization', 'req.headers.cookie', 'res.headers["set-cookie"]'],
    },
  });
  let demo: Awaited<ReturnType<typeof seedDemoIfEmpty>> = null;
  if (config.SEED_DEMO) {
    demo = await seedDemoIfEmpty(database);
    if (demo) {
      app.log.info(
        { workspaceId: demo.workspaceId, accounts: demo.accounts, contacts: demo.contacts },
        'seeded the demo workspace',
      );
    }
  }

  let worker: ReturnType<typeof startJobWorker> | null = null;
  let closing = false;
  const shutdown = async (signal: string) => {
    if (closing) return;
    closing = true;
    app.log.info({ signal }, 'shutting down: finishing in-flight requests');
    const timer = setTimeout(() => {
      app.log.error('shutdown took longer than 10 s; exiting');
      process.exit(1);
    }, 10_000);
    timer.unref();
    try {
      await app.close();
      await worker?.stop();
      await database.close();
      app.log.info('stopped cleanly');
      process.exit(0);
    } catch (error) {
      app.log.error({ err: error }, 'error while shutting down');
      process.exit(1);
    }
  };
  process.on('SIGINT', () => void shutdown('SIGINT'));
  process.on('SIGTERM', () => void shutdown('SIGTERM'));

  await app.listen({ host: config.HOST, port: config.PORT });
  worker = startJobWorker(database, { pollMs: config.JOB_POLL_MS, logger: app.log });
  const url = `http://localhost:${(app.server.address() as { port: number }).port}`;
  const where =
    database.kind === 'pglite' ? `embedded PostgreSQL in ${config.DATA_DIR}` : 'PostgreSQL server';
  const lines = [
    ``,
    `  Guanxi CRM is running at ${url}  (${where})`,
    `  API docs: ${url}/api/docs`,
  ];
  if (demo) lines.push(`  Demo sign-in: ${demo.email} / ${demo.password}`);
  process.stdout.write(`${lines.join('\n')}\n\n`);
}

main().catch((error) => {
  if (error instanceof DataDirLockedError) {
    process.stderr.write(`\n${error.message}\n\n`);
    process.exit(2);
  }
  process.stderr.write(
    `Guanxi failed to start: ${error instanceof Error ? error.stack : String(error)}\n`,
  );
  process.exit(1);
});
