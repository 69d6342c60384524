import type { Faker } from '@faker-js/faker';
import type { Ctx } from '../platform/context.js';

// The demo tells a year of work. Writes go through the services with a copy of the actor's
// context whose clock shows the past moment, so created times, stage entries, completions and
// returns to the pool carry the times they would have had.

export const DAY = 86_400_000;
export const HOUR = 3_600_000;
export const MINUTE = 60_000;

/** Where a person works: the Chinese team on Shanghai time, the international one on London's. */
export type Zone = 'cn' | 'intl';

/** First working hour (UTC) of each zone: 09:00 in Shanghai, 09:00 in London (winter time). */
const WORK_START_UTC: Record<Zone, number> = { cn: 1, intl: 9 };
const WORK_HOURS = 9;

/** The same actor acting at `when`: what it writes gets that time. */
export const at = (ctx: Ctx, when: Date): Ctx => ({ ...ctx, now: () => when });

export const addMs = (d: Date, ms: number) => new Date(d.getTime() + ms);
export const isoDay = (d: Date) => d.toISOString().slice(0, 10);
export const daysBetween = (a: Date, b: Date) => (b.getTime() - a.getTime()) / DAY;

/** A time of day drawn for a working moment, and a share of a window for when none fits. */
type Draw = { hour: number; minute: number; share: number };

/**
 * Times of the demo, relative to the moment the seed runs (`now`), drawn from a seeded faker.
 * Each method draws the same amount of randomness whatever the clock shows, so every run of
 * the seed makes the same data (only shifted to its own today).
 */
export class SeedClock {
  constructor(
    readonly now: Date,
    private readonly f: Faker,
  ) {}

  /** A working moment `days` days before now in the zone; weekends move to Friday; never future. */
  workTime(days: number, zone: Zone): Date {
    return this.place(days, zone, this.draw());
  }

  /** A working moment between two times (kept inside them). */
  between(from: Date, to: Date, zone: Zone): Date {
    const span = Math.max(0, daysBetween(from, to));
    const offset = this.f.number.float({ min: 0, max: span });
    const pick = this.draw();
    const t = this.place(daysBetween(to, this.now) + offset, zone, pick);
    return t >= from && t <= to ? t : this.inside(from, to, pick);
  }

  /** `n` increasing moments between two times, at least a minute apart. */
  sequence(from: Date, to: Date, n: number, zone: Zone): Date[] {
    const times = Array.from({ length: n }, () => this.between(from, to, zone)).sort(
      (a, b) => a.getTime() - b.getTime(),
    );
    for (let i = 1; i < times.length; i++) {
      if (times[i] <= times[i - 1]) times[i] = addMs(times[i - 1], MINUTE);
    }
    return times;
  }

  /** A working moment shortly before `t` (that day or up to two days earlier), not before `earliest`. */
  workTimeBefore(t: Date, earliest: Date, zone: Zone): Date {
    const latest = addMs(t, -10 * MINUTE);
    const pick = this.draw();
    for (let back = 0; back <= 2; back++) {
      const candidate = this.place(daysBetween(t, this.now) + back, zone, pick);
      if (candidate <= latest && candidate >= earliest) return candidate;
    }
    return this.inside(earliest, latest > earliest ? latest : t, pick);
  }

  daysAgo(days: number): Date {
    return new Date(this.now.getTime() - days * DAY);
  }

  private draw(): Draw {
    return {
      hour: this.f.number.int({ min: 0, max: WORK_HOURS - 1 }),
      minute: this.f.number.int({ min: 0, max: 11 }) * 5,
      share: this.f.number.float({ min: 0.2, max: 0.8 }),
    };
  }

  private place(days: number, zone: Zone, pick: Draw): Date {
    const day = new Date(this.now.getTime() - Math.round(days) * DAY);
    day.setUTCHours(WORK_START_UTC[zone] + pick.hour, pick.minute, 0, 0);
    const weekday = day.getUTCDay();
    if (weekday === 6) day.setTime(day.getTime() - DAY);
    if (weekday === 0) day.setTime(day.getTime() - 2 * DAY);
    return day > this.now ? new Date(this.now.getTime() - 10 * MINUTE) : day;
  }

  /** A short window (or one ending on a weekend): somewhere inside it, working hours or not. */
  private inside(from: Date, to: Date, pick: Draw): Date {
    return addMs(from, Math.round((to.getTime() - from.getTime()) * pick.share));
  }
}
