import { execSync } from 'node:child_process';
import { appendFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { LoadResult } from './load.js';

type Row = LoadResult & { bench: string; connections: number; ratio?: number };

/** Where a run was measured: the commit (flagged when the tree differs) and the machine. */
function provenance() {
  const commit = execSync('git rev-parse --short HEAD').toString().trim();
  const dirty = execSync('git status --porcelain').toString().trim()
    ? ' (uncommitted changes)'
    : '';
  const load = os
    .loadavg()
    .map((l) => l.toFixed(2))
    .join(' ');
  return {
    heading: `${new Date().toISOString().slice(0, 16).replace('T', ' ')} UTC`,
    commit: `commit ${commit}${dirty}`,
    machine: `${os.cpus().length} cores, load average ${load}`,
  };
}

const RESULTS_FILE = path.resolve(import.meta.dirname, '../RESULTS.md');

/** Appends a seed's figures (total and per table) to bench/RESULTS.md. */
export function recordSeed(seed: {
  target: string;
  scale: number;
  rows: number;
  seconds: number;
  rowsPerSecond: number;
  perTable: Record<string, { rows: number; copySeconds: number; indexSeconds?: number }>;
}) {
  const p = provenance();
  const lines = [
    '',
    `## ${p.heading} · seed · ${seed.target} · scale ${seed.scale} · ${p.commit}`,
    '',
    `Machine: ${p.machine}. **${seed.rows.toLocaleString('en')} rows in ${seed.seconds} s: ${seed.rowsPerSecond.toLocaleString('en')} rows/s** (COPY, index builds and VACUUM ANALYZE included).`,
    '',
    '| table | rows | COPY s | index build s |',
    '|---|---:|---:|---:|',
    ...Object.entries(seed.perTable).map(
      ([table, t]) =>
        `| ${table} | ${t.rows.toLocaleString('en')} | ${t.copySeconds} | ${t.indexSeconds ?? ''} |`,
    ),
    '',
  ];
  appendFileSync(RESULTS_FILE, lines.join('\n'));
}

/** Prints the run as a table and, with `record`, appends it to bench/RESULTS.md. */
export function recordResults(
  results: Row[],
  run: { target: string; scale: number; connections: number; seconds: number; record: boolean },
) {
  const table = results.map((r) => ({
    bench: r.bench,
    conns: r.connections || '',
    'req/s': r.rps,
    'p50 ms': r.p50,
    'p95 ms': r.p95,
    'p99 ms': r.p99,
    'vs ceiling': r.ratio ?? '',
    errors: r.errors + r.non2xx,
  }));
  console.table(table);
  if (!run.record) return;
  const p = provenance();
  const lines = [
    '',
    `## ${p.heading} · ${run.target} · scale ${run.scale} · ${p.commit}`,
    '',
    `Machine: ${p.machine}; ${run.seconds} s per benchmark under load (\`name@1\`: the same alone, one connection, held against the ceiling alone).`,
    '',
    '| benchmark | connections | req/s | p50 ms | p95 ms | p99 ms | throughput ÷ ceiling | errors |',
    '|---|---:|---:|---:|---:|---:|---:|---:|',
    ...table.map(
      (r) =>
        `| ${r.bench} | ${r.conns} | ${r['req/s']} | ${r['p50 ms']} | ${r['p95 ms']} | ${r['p99 ms']} | ${r['vs ceiling']} | ${r.errors} |`,
    ),
    '',
  ];
  appendFileSync(RESULTS_FILE, lines.join('\n'));
}
