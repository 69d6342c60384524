import type { Random } from './random.js';

const hex = (n: number, width: number) => n.toString(16).padStart(width, '0');

/**
 * UUIDv7 for a given creation time, as the app would have made it then (time-ordered ids keep
 * inserts and keyset pages realistic). A random tail keeps ids unique.
 */
export function idAt(ms: number, r: Random): string {
  const t = hex(Math.floor(ms), 12);
  return `${t.slice(0, 8)}-${t.slice(8, 12)}-7${hex(r.int(0x1000), 3)}-${hex(0x8000 | r.int(0x4000), 4)}-${hex(r.int(0x1000000), 6)}${hex(r.int(0x1000000), 6)}`;
}
