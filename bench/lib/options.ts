import { parseArgs } from 'node:util';

/**
 * `--scale 1` ≈ 100k accounts, 1M contacts, 300k opportunities (with their stage history and
 * contact roles), 3M activities, 200k leads, 500k tasks.
 */
export const BASE_COUNTS = {
  accounts: 100_000,
  contacts: 1_000_000,
  opportunities: 300_000,
  activities: 3_000_000,
  leads: 200_000,
  tasks: 500_000,
};

export function parseOptions(argv = process.argv.slice(2)) {
  const { values } = parseArgs({
    args: argv,
    options: {
      scale: { type: 'string', default: '0.01' },
      seed: { type: 'string', default: '20261125' },
      duration: { type: 'string', default: '10' },
      connections: { type: 'string', default: '50' },
      only: { type: 'string' },
      record: { type: 'boolean', default: false },
    },
    allowPositionals: false,
  });
  const scale = Number(values.scale);
  if (!(scale > 0 && scale <= 10)) throw new Error('--scale must be a number in (0, 10]');
  return {
    scale,
    seed: Number(values.seed),
    duration: Number(values.duration),
    connections: Number(values.connections),
    only: values.only?.split(',') ?? null,
    record: values.record ?? false,
  };
}

export const countsFor = (scale: number) =>
  Object.fromEntries(
    Object.entries(BASE_COUNTS).map(([k, v]) => [k, Math.max(1, Math.round(v * scale))]),
  ) as typeof BASE_COUNTS;
