// npm run bench:seed -- --scale S: fills one big workspace with realistic, reproducible data.
import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { sql } from 'drizzle-orm';
import { runMigrations } from '../packages/server/src/db/migrate.js';
import { createApiKey } from '../packages/server/src/modules/identity/api-keys.service.js';
import {
  createTestDepartment,
  createTestUser,
  createTestWorkspace,
} from '../packages/server/test/factories/index.js';
import { copyLines, deferIndexes, setForeignKeyChecks } from './lib/bulk-load.js';
import { accountLoad, contactLoad, type SeedWorld, type TableLoad } from './lib/generate.js';
import { countsFor, parseOptions } from './lib/options.js';
import { namePools, seededRandom } from './lib/random.js';
import { OUT_DIR, openTarget, targetFromEnv } from './lib/target.js';

const CHUNK = 100_000;
const options = parseOptions();
const spec = targetFromEnv();
const counts = countsFor(options.scale);
const target = await openTarget(spec, { reset: true });
const { db } = target.database;
await runMigrations(target.database);

// The team: an admin, managers over four regional departments, reps with skewed books.
const ws = await createTestWorkspace(db, { name: 'Bench Co. 基准科技', locale: 'zh-CN' });
const ownerIds: string[] = [];
const reps: { userId: string; departmentId: string }[] = [];
for (const region of ['华东', '华北', '华南', 'International']) {
  const departmentId = await createTestDepartment(db, ws, region, ws.rootDepartmentId);
  await createTestUser(db, ws, { role: 'sales_manager', departmentId });
  for (let i = 0; i < 10; i++) {
    const rep = await createTestUser(db, ws, { role: 'sales_rep', departmentId });
    ownerIds.push(rep.userId);
    reps.push({ userId: rep.userId, departmentId });
  }
}
const adminKey = await createApiKey(ws.admin.ctx, 'bench admin');
const busiestRep = await createTestUser(db, ws, { role: 'sales_rep' });
const repKey = await createApiKey(busiestRep.ctx, 'bench rep');
ownerIds.unshift(busiestRep.userId);

const world: SeedWorld = {
  workspaceId: ws.workspaceId,
  ownerIds,
  now: Date.UTC(2026, 10, 1),
  random: seededRandom(options.seed),
  names: namePools(options.seed),
};
const accountIds: string[] = [];
const accountOwners: string[] = [];
const loads: [TableLoad, number][] = [
  [accountLoad(world, accountIds, accountOwners), counts.accounts],
  [contactLoad(world, accountIds, accountOwners), counts.contacts],
];

const started = performance.now();
let total = 0;
const perTable: Record<string, { rows: number; seconds: number; rowsPerSecond: number }> = {};
await setForeignKeyChecks(target.bulk, false);
for (const [load, count] of loads) {
  const t0 = performance.now();
  const rebuildIndexes = await deferIndexes(target.bulk, load.table);
  for (let from = 0; from < count; from += CHUNK) {
    const to = Math.min(count, from + CHUNK);
    total += await copyLines(target.bulk, load.table, load.columns, load.lines(from, to));
    process.stderr.write(`\r${load.table}: ${to.toLocaleString()} / ${count.toLocaleString()}   `);
  }
  process.stderr.write(`  building ${load.table} indexes…`);
  await rebuildIndexes();
  const seconds = (performance.now() - t0) / 1000;
  perTable[load.table] = { rows: count, seconds, rowsPerSecond: Math.round(count / seconds) };
  process.stderr.write('\n');
}
await setForeignKeyChecks(target.bulk, true);
const loadSeconds = (performance.now() - started) / 1000;
await db.execute(sql`analyze`);

const meta = {
  target: spec.kind,
  scale: options.scale,
  seed: options.seed,
  workspaceId: ws.workspaceId,
  adminKey: adminKey.key,
  repKey: repKey.key,
  repUserId: busiestRep.userId,
  sampleAccountIds: accountIds.filter(
    (_, i) => i % Math.max(1, Math.floor(accountIds.length / 50)) === 0,
  ),
  counts,
};
writeFileSync(path.join(OUT_DIR, `${spec.kind}-meta.json`), JSON.stringify(meta, null, 2));
const result = {
  bench: 'seed',
  target: spec.kind,
  scale: options.scale,
  rows: total,
  seconds: Number(loadSeconds.toFixed(2)),
  rowsPerSecond: Math.round(total / loadSeconds),
  perTable,
};
console.log(JSON.stringify(result));
await target.close();
