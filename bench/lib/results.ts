import { execSync } from 'node:child_process';
import { appendFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { LoadResult } from './load.js';

type Row = LoadResult & { bench: string; ratio?: number };

/** Prints the run as a table and, with `record`, appends it to bench/RESULTS.md. */
export function recordResults(
  results: Row[],
  run: { target: string; scale: number; connections: number; seconds: number; record: boolean },
) {
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
  if (!run.record) return;
  const commit = execSync('git rev-parse --short HEAD').toString().trim();
  const dirty = execSync('git status --porcelain').toString().trim()
    ? ' (uncommitted changes)'
    : '';
  const lines = [
    '',
    `## ${new Date().toISOString().slice(0, 16).replace('T', ' ')} UTC · ${run.target} · scale ${run.scale} · commit ${commit}${dirty}`,
    '',
    `Machine: ${os.cpus().length} cores, load average ${os
      .loadavg()
      .map((l) => l.toFixed(2))
      .join(
        ' ',
      )}; ${run.connections} connections, ${run.seconds} s per benchmark (the board: one connection).`,
    '',
    '| benchmark | req/s | p50 ms | p95 ms | p99 ms | throughput ÷ ceiling | errors |',
    '|---|---:|---:|---:|---:|---:|---:|',
    ...table.map(
      (r) =>
        `| ${r.bench} | ${r['req/s']} | ${r['p50 ms']} | ${r['p95 ms']} | ${r['p99 ms']} | ${r['vs ceiling']} | ${r.errors} |`,
    ),
    '',
  ];
  appendFileSync(path.resolve(import.meta.dirname, '../RESULTS.md'), lines.join('\n'));
}
