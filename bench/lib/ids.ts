import type { Random } from './random.js';

// Millions of ids and timestamps are formatted per seed: lookup tables instead of toString and
// padStart, arithmetic instead of Date objects (several times faster, same text).
const HEX2 = Array.from({ length: 256 }, (_, i) => i.toString(16).padStart(2, '0'));
const HEX3 = Array.from({ length: 4096 }, (_, i) => i.toString(16).padStart(3, '0'));
const DEC2 = Array.from({ length: 100 }, (_, i) => String(i).padStart(2, '0'));
const DEC3 = Array.from({ length: 1000 }, (_, i) => String(i).padStart(3, '0'));

/**
 * UUIDv7 for a given creation time, as the app would have made it then (time-ordered ids keep
 * inserts and keyset pages realistic). A random tail keeps ids unique.
 */
export function idAt(ms: number, r: Random): string {
  const t = Math.floor(ms);
  const hi = Math.floor(t / 0x1000000);
  const lo = t - hi * 0x1000000;
  const low = HEX3[lo >>> 12] + HEX3[lo & 0xfff];
  const v = r.int(0x1000);
  const x = 0x8000 | r.int(0x4000);
  const y = r.int(0x1000000);
  const z = r.int(0x1000000);
  return `${HEX3[hi >>> 12]}${HEX3[hi & 0xfff]}${low.slice(0, 2)}-${low.slice(2)}-7${HEX3[v]}-${HEX2[x >>> 8]}${HEX2[x & 255]}-${HEX3[y >>> 12]}${HEX3[y & 0xfff]}${HEX3[z >>> 12]}${HEX3[z & 0xfff]}`;
}

/** `new Date(ms).toISOString()` for years 1000–9999, without the Date (days to civil date). */
export function iso(ms: number): string {
  const t = Math.floor(ms);
  const day = Math.floor(t / 86_400_000);
  let rest = t - day * 86_400_000;
  const z = day + 719_468;
  const era = Math.floor(z / 146_097);
  const doe = z - era * 146_097;
  const yoe = Math.floor(
    (doe - Math.floor(doe / 1460) + Math.floor(doe / 36_524) - Math.floor(doe / 146_096)) / 365,
  );
  const doy = doe - (365 * yoe + Math.floor(yoe / 4) - Math.floor(yoe / 100));
  const mp = Math.floor((5 * doy + 2) / 153);
  const d = doy - Math.floor((153 * mp + 2) / 5) + 1;
  const month = mp < 10 ? mp + 3 : mp - 9;
  const year = yoe + era * 400 + (month <= 2 ? 1 : 0);
  const h = Math.floor(rest / 3_600_000);
  rest -= h * 3_600_000;
  const m = Math.floor(rest / 60_000);
  rest -= m * 60_000;
  const s = Math.floor(rest / 1000);
  return `${year}-${DEC2[month]}-${DEC2[d]}T${DEC2[h]}:${DEC2[m]}:${DEC2[s]}.${DEC3[rest - s * 1000]}Z`;
}
