// npm run bench:seed -- --scale S: fills one big workspace with realistic, reproducible data.
import { writeFileSync } from 'node:fs';
import { runMigrations } from '../packages/server/src/db/migrate.js';
import { createApiKey } from '../packages/server/src/modules/identity/api-keys.service.js';
import { rebuildBoardTotals } from '../packages/server/src/modules/opportunities/board-totals.js';
import { createPipeline } from '../packages/server/src/modules/opportunities/pipelines.service.js';
import { loadPipelines } from '../packages/server/src/modules/opportunities/stages.js';
import { loadPools } from '../packages/server/src/modules/pools/pools.service.js';
import {
  createTestDepartment,
  createTestUser,
  createTestWorkspace,
} from '../packages/server/test/factories/index.js';
import { copyTable, deferIndexes, setForeignKeyChecks, vacuumAnalyze } from './lib/bulk-load.js';
import { activityLoad } from './lib/gen-activities.js';
import { accountLoad, contactLoad } from './lib/gen-customers.js';
import { opportunityContactLoad, opportunityLoad, stageHistoryLoad } from './lib/gen-deals.js';
import { leadLoad } from './lib/gen-leads.js';
import { taskLoad } from './lib/gen-tasks.js';
import { countsFor, parseOptions } from './lib/options.js';
import { COMMON_ZH_NAMES, namePools } from './lib/random.js';
import { recordSeed } from './lib/results.js';
import { metaFile, openTarget, targetFromEnv } from './lib/target.js';
import { FIVE_YEARS, planAccounts, type SeedWorld, type TableLoad } from './lib/world.js';

const options = parseOptions();
const spec = targetFromEnv();
const counts = countsFor(options.scale);
const target = await openTarget(spec, { reset: true });
const { db } = target.database;
await runMigrations(target.database);

// The team: an admin, managers over four regional departments, reps with skewed books.
const ws = await createTestWorkspace(db, { name: 'Bench Co. 基准科技', locale: 'zh-CN' });
const ownerIds: string[] = [];
for (const region of ['华东', '华北', '华南', 'International']) {
  const departmentId = await createTestDepartment(db, ws, region, ws.rootDepartmentId);
  await createTestUser(db, ws, { role: 'sales_manager', departmentId });
  for (let i = 0; i < 10; i++) {
    const rep = await createTestUser(db, ws, { role: 'sales_rep', departmentId });
    ownerIds.push(rep.userId);
  }
}
const adminKey = await createApiKey(ws.admin.ctx, 'bench admin');
const busiestRep = await createTestUser(db, ws, { role: 'sales_rep' });
const repKey = await createApiKey(busiestRep.ctx, 'bench rep');
ownerIds.unshift(busiestRep.userId);

// A second business line next to the default pipeline; the workspace's own pools.
await createPipeline(ws.admin.ctx, {
  name: '续约',
  stages: [
    { name: '续约沟通', probability: 30, kind: 'open' },
    { name: '报价确认', probability: 60, kind: 'open' },
    { name: '合同审批', probability: 80, kind: 'open', requiredFields: ['amount'] },
    { name: '续约成功', probability: 100, kind: 'won', requiredFields: ['amount'] },
    { name: '流失', probability: 0, kind: 'lost' },
  ],
});
const pipelines = await loadPipelines(db, ws.workspaceId);
const pools = await loadPools(db, ws.workspaceId);
const poolOf = (object: 'account' | 'lead') => pools.find((p) => p.objectType === object)?.id;

const now = Date.UTC(2026, 10, 1);
const world: SeedWorld = {
  seed: options.seed,
  workspaceId: ws.workspaceId,
  ownerIds,
  accountPoolId: poolOf('account') as string,
  leadPoolId: poolOf('lead') as string,
  pipelines: pipelines.map((p) => ({ id: p.id, stages: p.stages })),
  now,
  start: now - FIVE_YEARS,
  names: namePools(options.seed),
  accounts: planAccounts(options.seed, counts.accounts, ownerIds.length, now - FIVE_YEARS),
};

// In dependency order (each needs the plans of those before it), and so that truncating a
// table for COPY FREEZE only cascades to tables still empty. Accounts go last: their derived
// columns summarize everything else, and truncating them would empty the rest.
const steps: [() => TableLoad, boolean][] = [
  [() => contactLoad(world, counts.contacts), true],
  [() => opportunityLoad(world, counts.opportunities), true],
  [() => stageHistoryLoad(world), true],
  [() => opportunityContactLoad(world), true],
  [() => leadLoad(world, counts.leads), true],
  [() => activityLoad(world, counts.activities), true],
  [() => taskLoad(world, counts.tasks), true],
  [() => accountLoad(world), false],
];

const started = performance.now();
let total = 0;
const perTable: Record<string, { rows: number; copySeconds: number; indexSeconds?: number }> = {};
const indexBuilds: Promise<void>[] = [];
await setForeignKeyChecks(target.bulk, false);
for (const [make, freeze] of steps) {
  const load = make();
  const t0 = performance.now();
  const rebuildIndexes = await deferIndexes(target.bulk, load.table);
  const rows = await copyTable(target.bulk, { ...load, freeze }, load.lines(0, load.count), (n) =>
    process.stderr.write(`\r${load.table}: ${n.toLocaleString()} rows   `),
  );
  total += rows;
  const t1 = performance.now();
  perTable[load.table] = { rows, copySeconds: Number(((t1 - t0) / 1000).toFixed(2)) };
  process.stderr.write(`\n`);
  // On a server the indexes build on their own connection while the next table loads.
  const build = rebuildIndexes().then(() => {
    perTable[load.table].indexSeconds = Number(((performance.now() - t1) / 1000).toFixed(2));
  });
  if (target.bulk.kind === 'pglite') await build;
  else indexBuilds.push(build);
}
await Promise.all(indexBuilds);
await setForeignKeyChecks(target.bulk, true);
// Data the app derives from the deals as they are written: the board's kept totals.
await rebuildBoardTotals(db, ws.workspaceId);
process.stderr.write('vacuum analyze…\n');
await vacuumAnalyze(target.bulk, [
  ...Object.keys(perTable),
  'opportunity_board_totals',
  'pipelines',
  'pipeline_stages',
]);
const loadSeconds = (performance.now() - started) / 1000;

// Accounts of realistic sizes for the 360 page: the median one, a big one, the biggest.
const plan = world.accounts;
const size = (a: number) => plan.contactCount[a] + plan.activityCount[a] + plan.opportunityCount[a];
const bySize = plan.ids.map((_, a) => a).sort((x, y) => size(x) - size(y));
const account360 = (
  [
    ['median', 0.5],
    ['p90', 0.9],
    ['p99', 0.99],
  ] as const
).map(([label, q]) => {
  const a = bySize[Math.min(bySize.length - 1, Math.floor(q * bySize.length))];
  return {
    label,
    id: plan.ids[a],
    contacts: plan.contactCount[a],
    activities: plan.activityCount[a],
    opportunities: plan.opportunityCount[a],
  };
});

const meta = {
  target: spec.kind,
  scale: options.scale,
  seed: options.seed,
  workspaceId: ws.workspaceId,
  adminKey: adminKey.key,
  repKey: repKey.key,
  repUserId: busiestRep.userId,
  pipelineId: pipelines[0].id,
  account360,
  // A three-character Chinese name of the data: a term trigram indexes can serve.
  chineseName: world.names.zhPeople.find((n) => n.length === 3 && !COMMON_ZH_NAMES.includes(n)),
  sampleAccountIds: plan.ids.filter(
    (_, i) => i % Math.max(1, Math.floor(plan.ids.length / 50)) === 0,
  ),
  counts,
};
writeFileSync(metaFile(spec), JSON.stringify(meta, null, 2));
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
if (options.record) recordSeed(result);
await target.close();
