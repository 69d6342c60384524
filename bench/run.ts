// npm run bench: the API benchmarks against the seeded workspace, each also as a ratio to the
// bare-Fastify ceiling measured in the same run. One JSON line per result, then a table.
import { execSync } from 'node:child_process';
import { appendFileSync, existsSync, readFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { type LoadResult, load } from './lib/load.js';
import { parseOptions } from './lib/options.js';
import { startServer } from './lib/server-process.js';
import { OUT_DIR, serverEnv, targetFromEnv } from './lib/target.js';

type Meta = {
  target: string;
  scale: number;
  workspaceId: string;
  adminKey: string;
  repKey: string;
  sampleAccountIds: string[];
  counts: Record<string, number>;
  pipelineId?: string;
};

const options = parseOptions();
const spec = targetFromEnv();
const metaFile = path.join(OUT_DIR, `${spec.kind}-meta.json`);
if (!existsSync(metaFile)) {
  console.error(`No seeded ${spec.kind} data: run \`npm run bench:seed -- --scale 0.1\` first.`);
  process.exit(2);
}
const meta = JSON.parse(readFileSync(metaFile, 'utf8')) as Meta;
const wanted = (name: string) => !options.only || options.only.some((o) => name.startsWith(o));
const run = { connections: options.connections, seconds: options.duration };

type Row = LoadResult & { bench: string; target: string; scale: number; ratio?: number };
const results: Row[] = [];
const report = (bench: string, result: LoadResult) => {
  const row: Row = { bench, target: spec.kind, scale: meta.scale, ...result };
  results.push(row);
  console.log(JSON.stringify(row));
};

const LIST_FILTER = { buyingRole: { eq: 'decision_maker' } };
const listUrl = (base: string, extra = '') =>
  `${base}/api/v1/contacts?limit=50&sort=-updatedAt&filter=${encodeURIComponent(JSON.stringify(LIST_FILTER))}${extra}`;

const app = await startServer('packages/server/src/main.ts', {
  ...serverEnv(spec),
  SEED_DEMO: 'false',
  RATE_LIMIT_PER_MINUTE: '100000000',
});
const admin = { authorization: `Bearer ${meta.adminKey}` };
const getJson = async (url: string) => {
  const res = await fetch(url, { headers: admin });
  if (!res.ok) throw new Error(`${url} answered ${res.status}: ${await res.text()}`);
  return res.json() as Promise<{ data: { id: string }[]; nextCursor: string | null }>;
};
try {
  // Warm up the app and the database's caches before measuring.
  await load({ url: listUrl(app.url), headers: admin, connections: 10, seconds: 2 });

  if (wanted('list')) {
    report('list.firstPage', await load({ url: listUrl(app.url), headers: admin, ...run }));
    // A deep page: follow the cursor 100 pages in, then measure that page.
    let cursor: string | null = null;
    for (let page = 0; page < 100; page++) {
      const body = await getJson(listUrl(app.url, cursor ? `&cursor=${cursor}` : ''));
      if (!body.nextCursor) break;
      cursor = encodeURIComponent(body.nextCursor);
    }
    report(
      'list.deepCursor',
      await load({
        url: listUrl(app.url, cursor ? `&cursor=${cursor}` : ''),
        headers: admin,
        ...run,
      }),
    );
    report(
      'list.rep',
      await load({
        url: listUrl(app.url),
        headers: { authorization: `Bearer ${meta.repKey}` },
        ...run,
      }),
    );
  }
  if (wanted('record')) {
    const id = meta.sampleAccountIds[Math.floor(meta.sampleAccountIds.length / 2)];
    const overview = `${app.url}/api/v1/accounts/${id}/overview`;
    const probe = await fetch(overview, { headers: admin });
    const url = probe.ok ? overview : `${app.url}/api/v1/accounts/${id}`;
    report(
      probe.ok ? 'record.account360' : 'record.account',
      await load({ url, headers: admin, ...run }),
    );
  }
  if (wanted('search')) {
    for (const [name, q] of [
      ['search.chinese', '张伟'],
      ['search.latin', 'smith'],
    ] as const) {
      const url = `${app.url}/api/v1/contacts?limit=50&q=${encodeURIComponent(q)}`;
      report(name, await load({ url, headers: admin, ...run }));
    }
  }
  if (wanted('write')) {
    const body = JSON.stringify({
      name: 'Bench Contact 基准',
      title: 'Buyer',
      accountId: meta.sampleAccountIds[0],
    });
    report(
      'write.createContact',
      await load({
        url: `${app.url}/api/v1/contacts?allowDuplicates=true`,
        method: 'POST',
        headers: { ...admin, 'content-type': 'application/json' },
        body,
        ...run,
      }),
    );
  }
  if (wanted('aggregate') && meta.pipelineId) {
    const url = `${app.url}/api/v1/opportunities/board?pipelineId=${meta.pipelineId}`;
    report('aggregate.pipelineBoard', await load({ url, headers: admin, ...run, connections: 1 }));
  }
  const rss = app.rssMb();
  console.log(
    JSON.stringify({ bench: 'memory.serverRss', target: spec.kind, scale: meta.scale, rssMb: rss }),
  );
  results.push({
    bench: 'memory.serverRss',
    target: spec.kind,
    scale: meta.scale,
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
}

// The ceiling runs after the app has stopped: PGlite allows one process per data directory.
const ceiling = await startServer('bench/ceiling-server.ts', serverEnv(spec));
let ceilingResult: LoadResult;
try {
  const url = `${ceiling.url}/ceiling/contacts?workspaceId=${meta.workspaceId}&buyingRole=decision_maker`;
  await load({ url, connections: 10, seconds: 2 });
  ceilingResult = await load({ url, ...run });
  report('ceiling.bareList', ceilingResult);
} finally {
  await ceiling.stop();
}
for (const row of results) {
  if (
    row.bench.startsWith('list.') ||
    row.bench.startsWith('record.') ||
    row.bench.startsWith('search.')
  ) {
    row.ratio = Math.round((row.rps / ceilingResult.rps) * 1000) / 1000;
  }
}

const table = results.map((r) => ({
  bench: r.bench,
  'req/s': r.rps,
  'p50 ms': r.p50,
  'p95 ms': r.p95,
  'p99 ms': r.p99,
  'vs ceiling': r.ratio ?? '',
  errors: r.errors + r.non2xx,
}));
console.table(table);

if (options.record) {
  const commit = execSync('git rev-parse --short HEAD').toString().trim();
  const dirty = execSync('git status --porcelain').toString().trim()
    ? ' (uncommitted changes)'
    : '';
  const lines = [
    '',
    `## ${new Date().toISOString().slice(0, 16).replace('T', ' ')} UTC · ${spec.kind} · scale ${meta.scale} · commit ${commit}${dirty}`,
    '',
    `Machine: ${os.cpus().length} cores, load average ${os
      .loadavg()
      .map((l) => l.toFixed(2))
      .join(' ')}; ${run.connections} connections, ${run.seconds} s per benchmark.`,
    '',
    '| benchmark | req/s | p50 ms | p95 ms | p99 ms | throughput ÷ ceiling | errors |',
    '|---|---:|---:|---:|---:|---:|---:|',
    ...table.map(
      (r) =>
        `| ${r.bench} | ${r['req/s']} | ${r['p50 ms']} | ${r['p95 ms']} | ${r['p99 ms']} | ${r['vs ceiling']} | ${r.errors} |`,
    ),
    '',
  ];
  appendFileSync(path.resolve(import.meta.dirname, 'RESULTS.md'), lines.join('\n'));
}
