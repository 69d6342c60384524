// npm run bench: the API benchmarks against the seeded workspace, each also as a ratio to the
// bare-Fastify ceiling measured in the same run. One JSON line per result, then a table.
// Every benchmark must answer 2xx throughout: a refused request stops the run with its answer,
// requests left unanswered make the run fail at the end.
import { existsSync, readFileSync } from 'node:fs';
import { BENCH_EMAIL_DOMAIN, removeBenchWrites } from './lib/cleanup.js';
import { type LoadResult, load } from './lib/load.js';
import { parseOptions } from './lib/options.js';
import { recordResults } from './lib/results.js';
import { startServer } from './lib/server-process.js';
import { metaFile, serverEnv, targetFromEnv } from './lib/target.js';

type Meta = {
  target: string;
  scale: number;
  workspaceId: string;
  adminKey: string;
  repKey: string;
  sampleAccountIds: string[];
  account360?: { label: string; id: string }[];
  counts: Record<string, number>;
  pipelineId?: string;
  chineseName?: string;
};

const options = parseOptions();
const spec = targetFromEnv();
const metaPath = metaFile(spec);
if (!existsSync(metaPath)) {
  console.error(`No seeded ${spec.kind} data: run \`npm run bench:seed -- --scale 0.1\` first.`);
  process.exit(2);
}
const meta = JSON.parse(readFileSync(metaPath, 'utf8')) as Meta;
const wanted = (name: string) => !options.only || options.only.some((o) => name.startsWith(o));
const run = { connections: options.connections, seconds: options.duration };

type Row = LoadResult & {
  bench: string;
  target: string;
  scale: number;
  connections: number;
  ratio?: number;
};
const results: Row[] = [];
const failed: string[] = [];
const admin = { authorization: `Bearer ${meta.adminKey}` };
const rep = { authorization: `Bearer ${meta.repKey}` };

const LIST_FILTER = { buyingRole: { eq: 'decision_maker' } };
const query = (filter: unknown, sort: string, extra = '') =>
  `limit=50&sort=${sort}&filter=${encodeURIComponent(JSON.stringify(filter))}${extra}`;
const contactList = (extra = '') => `/api/v1/contacts?${query(LIST_FILTER, '-updatedAt', extra)}`;

const app = await startServer('packages/server/src/main.ts', {
  ...serverEnv(spec),
  SEED_DEMO: 'false',
  RATE_LIMIT_PER_MINUTE: '100000000',
});

/** One request, which must succeed: its answer, or the run stops with what the server said. */
async function probe(path: string, init: RequestInit = {}) {
  const res = await fetch(`${app.url}${path}`, { ...init, headers: { ...admin, ...init.headers } });
  if (!res.ok) throw new Error(`${path} answered ${res.status}: ${await res.text()}`);
  return res.json() as Promise<{ data: { id: string }[]; nextCursor: string | null }>;
}

/** Requests that a person waits for: also measured alone, the latency of an unloaded server. */
const ALONE = /^(list|record|search)\./;

/**
 * Measures one request shape under load and, for the pages a person waits for, again on one
 * connection (`name@1`); fails loudly when any answer was not 2xx.
 */
async function bench(
  name: string,
  path: string,
  opts: Partial<Parameters<typeof load>[0]> & { headers?: Record<string, string> } = {},
) {
  if (!wanted(name)) return;
  const headers = opts.headers ?? admin;
  const post = opts.bodyFor?.(99_999) ?? opts.body;
  await probe(path, { headers, method: opts.method, ...(post !== undefined && { body: post }) });
  await measure(name, path, { ...run, ...opts, headers });
  if (ALONE.test(name) && run.connections > 1) {
    // Requests of the load still in the server when it stops are answered first: one request
    // waits them out, so the figures alone are not of a queue.
    await probe(path, { headers });
    await measure(`${name}@1`, path, {
      ...opts,
      headers,
      connections: 1,
      seconds: Math.max(2, run.seconds / 2),
    });
  }
}

async function measure(name: string, path: string, opts: Omit<Parameters<typeof load>[0], 'url'>) {
  const result = await load({ url: `${app.url}${path}`, ...opts });
  const row: Row = {
    bench: name,
    target: spec.kind,
    scale: meta.scale,
    connections: opts.connections,
    ...result,
  };
  results.push(row);
  console.log(JSON.stringify(row));
  // A wrong answer makes every figure meaningless: stop. Requests that got no answer in time
  // (autocannon's 10 s timeout) are a result: reported, and the run ends failed.
  if (result.non2xx > 0) throw new Error(`${name}: ${result.non2xx} answers were not 2xx`);
  if (result.errors > 0) {
    failed.push(name);
    console.error(`!! ${name}: ${result.errors} requests failed or timed out`);
  }
}

try {
  // Warm up the app and the database's caches before measuring.
  await load({ url: `${app.url}${contactList()}`, headers: admin, connections: 10, seconds: 2 });

  await bench('list.firstPage', contactList());
  if (wanted('list.deepCursor')) {
    // A deep page: follow the cursor 100 pages in, then measure that page.
    let cursor: string | null = null;
    for (let page = 0; page < 100; page++) {
      const body = await probe(contactList(cursor ? `&cursor=${cursor}` : ''));
      if (!body.nextCursor) break;
      cursor = encodeURIComponent(body.nextCursor);
    }
    await bench('list.deepCursor', contactList(cursor ? `&cursor=${cursor}` : ''));
  }
  await bench('list.rep', contactList(), { headers: rep });
  await bench(
    'list.opportunities',
    `/api/v1/opportunities?${query({ forecastCategory: { in: ['commit', 'best_case'] } }, '-updatedAt')}`,
  );
  await bench('list.leads', `/api/v1/leads?${query({ status: { eq: 'working' } }, '-updatedAt')}`);
  await bench(
    'list.activities',
    `/api/v1/activities?${query({ kind: { eq: 'visit' } }, '-occurredAt')}`,
  );

  // A rep's pages: activities and open tasks (soonest due first) as a rep sees them, their own
  // and those on the accounts, leads and opportunities they own; then "my tasks", the rep's own
  // open tasks by overdue, today and upcoming.
  await bench('list.activities.rep', `/api/v1/activities?${query({}, '-occurredAt')}`, {
    headers: rep,
  });
  await bench('list.tasks.rep', `/api/v1/tasks?${query({ status: { eq: 'open' } }, 'dueAt')}`, {
    headers: rep,
  });
  await bench('list.tasks.mine', '/api/v1/tasks/mine', { headers: rep });

  for (const account of meta.account360 ?? []) {
    await bench(`record.account360.${account.label}`, `/api/v1/accounts/${account.id}/overview`);
  }

  // 张伟 (two characters, China's most common name) has no trigram an index could use; a
  // three-character name of the data has.
  for (const [name, object, q] of [
    ['search.chinese', 'contacts', '张伟'],
    ['search.chinese3', 'contacts', meta.chineseName ?? '张万佳'],
    ['search.latin', 'contacts', 'smith'],
    ['search.leads', 'leads', 'smith'],
  ] as const) {
    await bench(name, `/api/v1/${object}?limit=50&q=${encodeURIComponent(q)}`);
  }

  if (meta.pipelineId) {
    // The board is one person's page load: measured alone (one connection), as admin and as rep.
    const board = `/api/v1/opportunities/board?pipelineId=${meta.pipelineId}`;
    await bench('aggregate.board.admin', board, { connections: 1 });
    await bench('aggregate.board.rep', board, { connections: 1, headers: rep });
  }

  // Creates last: they add rows the reads above would otherwise see. Each contact is new (own
  // email and mobile), so it passes the duplicate check, which runs as for any create.
  // 199… numbers are outside the seeded ones (13x, 15x, 18x); the minute keeps runs apart.
  const stamp = Math.floor(Date.now() / 60_000) % 1000;
  await bench('write.createContact', '/api/v1/contacts', {
    method: 'POST',
    headers: { ...admin, 'content-type': 'application/json' },
    bodyFor: (n) =>
      JSON.stringify({
        name: `Bench Contact 基准 ${n}`,
        title: 'Buyer',
        email: `bench-${stamp}-${n}@${BENCH_EMAIL_DOMAIN}`,
        phones: [
          {
            label: 'mobile',
            number: `199${String(stamp).padStart(3, '0')}${String(n).padStart(5, '0')}`,
          },
        ],
        accountId: meta.sampleAccountIds[n % meta.sampleAccountIds.length],
      }),
  });

  const rss = app.rssMb();
  console.log(
    JSON.stringify({ bench: 'memory.serverRss', target: spec.kind, scale: meta.scale, rssMb: rss }),
  );
  results.push({
    bench: 'memory.serverRss',
    target: spec.kind,
    scale: meta.scale,
    connections: 0,
    requests: 0,
    errors: 0,
    non2xx: 0,
    rps: 0,
    p50: rss,
    p95: rss,
    p99: rss,
  });
} finally {
  await app.stop();
  await removeBenchWrites(spec, meta.workspaceId);
}

// The ceiling runs after the app has stopped: PGlite allows one process per data directory.
const ceiling = await startServer('bench/ceiling-server.ts', serverEnv(spec));
let ceilingResult: LoadResult;
let ceilingAlone: LoadResult | undefined;
try {
  const url = `${ceiling.url}/ceiling/contacts?workspaceId=${meta.workspaceId}&buyingRole=decision_maker`;
  await load({ url, connections: 10, seconds: 2 });
  ceilingResult = await load({ url, ...run });
  const base = { bench: 'ceiling.bareList', target: spec.kind, scale: meta.scale };
  results.push({ ...base, connections: run.connections, ...ceilingResult });
  console.log(JSON.stringify(results[results.length - 1]));
  if (run.connections > 1) {
    // Alone too, the yardstick of the `@1` rows (after the load's last answers, as they are).
    await fetch(url);
    ceilingAlone = await load({ url, connections: 1, seconds: Math.max(2, run.seconds / 2) });
    results.push({ ...base, bench: 'ceiling.bareList@1', connections: 1, ...ceilingAlone });
    console.log(JSON.stringify(results[results.length - 1]));
  }
} finally {
  await ceiling.stop();
}
// Under load the ratio is of throughput; alone, of requests answered one after the other, which
// is the ceiling's latency over ours.
for (const row of results) {
  if (!ALONE.test(row.bench)) continue;
  const yardstick =
    row.connections === run.connections ? ceilingResult : row.connections === 1 && ceilingAlone;
  if (yardstick) row.ratio = Math.round((row.rps / yardstick.rps) * 1000) / 1000;
}
recordResults(results, { target: spec.kind, scale: meta.scale, ...run, record: options.record });
if (failed.length > 0) {
  console.error(`Requests failed or timed out in: ${failed.join(', ')}`);
  process.exit(1);
}
