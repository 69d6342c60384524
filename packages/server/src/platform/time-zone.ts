import { eq } from 'drizzle-orm';
import type { Executor } from '../db/client.js';
import { identityTables } from '../modules/identity/index.js';

// Calendar arithmetic in IANA time zones with the platform's Intl data (no library): what day
// it is somewhere, and the instant of a wall-clock time there.

export type WallTime = {
  year: number;
  month: number;
  day: number;
  hour: number;
  minute: number;
  second: number;
};

const formatters = new Map<string, Intl.DateTimeFormat>();
function formatter(timeZone: string): Intl.DateTimeFormat {
  let f = formatters.get(timeZone);
  if (!f) {
    f = new Intl.DateTimeFormat('en-US', {
      timeZone,
      hourCycle: 'h23',
      year: 'numeric',
      month: 'numeric',
      day: 'numeric',
      hour: 'numeric',
      minute: 'numeric',
      second: 'numeric',
    });
    formatters.set(timeZone, f);
  }
  return f;
}

/** Whether `name` is an IANA time zone this runtime knows (e.g. Asia/Shanghai). */
export function isTimeZone(name: string): boolean {
  if (!name || name.length > 64) return false;
  try {
    formatter(name);
    return true;
  } catch {
    return false;
  }
}

/** The wall-clock time of an instant in a zone. */
export function wallTime(instant: Date, timeZone: string): WallTime {
  const parts: Record<string, number> = {};
  for (const p of formatter(timeZone).formatToParts(instant)) {
    if (p.type !== 'literal') parts[p.type] = Number(p.value);
  }
  return {
    year: parts.year,
    month: parts.month,
    day: parts.day,
    hour: parts.hour,
    minute: parts.minute,
    second: parts.second,
  };
}

const asUtc = (w: WallTime) => Date.UTC(w.year, w.month - 1, w.day, w.hour, w.minute, w.second);

/** The instant at which the zone's clocks show `w` (the later one when a DST gap skips it). */
export function fromWallTime(w: WallTime, timeZone: string): Date {
  const guess = asUtc(w);
  let offset = asUtc(wallTime(new Date(guess), timeZone)) - guess;
  let instant = guess - offset;
  // Near a DST change the offset at the result can differ from the guess's; one more step.
  offset = asUtc(wallTime(new Date(instant), timeZone)) - instant;
  instant = guess - offset;
  return new Date(instant);
}

const pad = (n: number, width = 2) => String(n).padStart(width, '0');

/** 'YYYY-MM-DD' of an instant in a zone. */
export function dateIn(instant: Date, timeZone: string): string {
  const w = wallTime(instant, timeZone);
  return `${pad(w.year, 4)}-${pad(w.month)}-${pad(w.day)}`;
}

const parseDate = (date: string) => {
  const [year, month, day] = date.split('-').map(Number);
  return { year, month, day };
};

/** The instant a day starts in a zone, at `hour` o'clock (default midnight). */
export function startOfDate(date: string, timeZone: string, hour = 0): Date {
  return fromWallTime({ ...parseDate(date), hour, minute: 0, second: 0 }, timeZone);
}

const daysInMonth = (year: number, month: number) =>
  new Date(Date.UTC(year, month, 0)).getUTCDate();

/**
 * A calendar date moved by whole days or months; a month step keeps the day where the month
 * has it and otherwise takes the month's last day (31 January + 1 month = 28/29 February).
 */
export function addToDate(
  d: { year: number; month: number; day: number },
  amount: { days?: number; months?: number },
): { year: number; month: number; day: number } {
  let { year, month, day } = d;
  if (amount.months) {
    const index = year * 12 + (month - 1) + amount.months;
    year = Math.floor(index / 12);
    month = (index % 12) + 1;
    day = Math.min(day, daysInMonth(year, month));
  }
  if (amount.days) {
    const moved = new Date(Date.UTC(year, month - 1, day + amount.days));
    return {
      year: moved.getUTCFullYear(),
      month: moved.getUTCMonth() + 1,
      day: moved.getUTCDate(),
    };
  }
  return { year, month, day };
}

export const formatDate = (d: { year: number; month: number; day: number }) =>
  `${pad(d.year, 4)}-${pad(d.month)}-${pad(d.day)}`;

export const addDaysToDate = (date: string, days: number) =>
  formatDate(addToDate(parseDate(date), { days }));

export const shiftDate = (date: string, amount: { days?: number; months?: number }) =>
  formatDate(addToDate(parseDate(date), amount));

/** An instant moved by calendar days or months in a zone, keeping its wall-clock time. */
export function shiftInstant(
  instant: Date,
  timeZone: string,
  amount: { days?: number; months?: number },
): Date {
  const w = wallTime(instant, timeZone);
  return fromWallTime({ ...w, ...addToDate(w, amount) }, timeZone);
}

/** The workspace's time zone (reports, "today", all-day reminders). */
export async function getWorkspaceTimeZone(db: Executor, workspaceId: string): Promise<string> {
  const { workspaces } = identityTables;
  const [row] = await db
    .select({ timeZone: workspaces.timeZone })
    .from(workspaces)
    .where(eq(workspaces.id, workspaceId));
  return row && isTimeZone(row.timeZone) ? row.timeZone : 'UTC';
}
