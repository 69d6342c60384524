import { eq, sql } from 'drizzle-orm';
import type { Executor } from '../../db/client.js';
import { AppError } from '../../platform/errors.js';
import { loginThrottle } from './identity.tables.js';

const WINDOW_MS = 15 * 60_000;
const BLOCK_MS = 15 * 60_000;
/** Failed sign-ins allowed per window before the key is blocked. */
export const LOGIN_LIMITS = { email: 5, ip: 50 } as const;

export type ThrottleKey = { key: string; limit: number };

export const loginThrottleKeys = (email: string, ip: string): ThrottleKey[] => [
  { key: `email:${email.toLowerCase()}`, limit: LOGIN_LIMITS.email },
  { key: `ip:${ip}`, limit: LOGIN_LIMITS.ip },
];

/** Refuses with 429 + Retry-After while any key is blocked. */
export async function assertNotThrottled(db: Executor, keys: ThrottleKey[], now: Date) {
  for (const { key } of keys) {
    const [row] = await db.select().from(loginThrottle).where(eq(loginThrottle.key, key)).limit(1);
    if (row?.blockedUntil && row.blockedUntil > now) {
      const seconds = Math.ceil((row.blockedUntil.getTime() - now.getTime()) / 1000);
      throw new AppError(
        'rate_limited',
        `Too many failed sign-in attempts. Try again in ${Math.ceil(seconds / 60)} minute(s).`,
        { retryAfterSeconds: seconds },
      );
    }
  }
}

export async function recordLoginFailure(db: Executor, keys: ThrottleKey[], now: Date) {
  const windowStart = new Date(now.getTime() - WINDOW_MS).toISOString();
  const blockUntil = new Date(now.getTime() + BLOCK_MS);
  const blockUntilIso = blockUntil.toISOString();
  const nowIso = now.toISOString();
  for (const { key, limit } of keys) {
    // One statement: concurrent failures from several app nodes still count exactly.
    await db
      .insert(loginThrottle)
      .values({
        key,
        failures: 1,
        windowStartedAt: now,
        blockedUntil: limit <= 1 ? blockUntil : null,
      })
      .onConflictDoUpdate({
        target: loginThrottle.key,
        set: {
          failures: sql`case when ${loginThrottle.windowStartedAt} < ${windowStart}::timestamptz then 1 else ${loginThrottle.failures} + 1 end`,
          windowStartedAt: sql`case when ${loginThrottle.windowStartedAt} < ${windowStart}::timestamptz then ${nowIso}::timestamptz else ${loginThrottle.windowStartedAt} end`,
          blockedUntil: sql`case when ${loginThrottle.windowStartedAt} >= ${windowStart}::timestamptz and ${loginThrottle.failures} + 1 >= ${limit}::int then ${blockUntilIso}::timestamptz else null end`,
        },
      });
  }
}

export async function clearLoginFailures(db: Executor, key: string) {
  await db.delete(loginThrottle).where(eq(loginThrottle.key, key));
}
