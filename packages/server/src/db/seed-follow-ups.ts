import type { Faker } from '@faker-js/faker';
import type { DemoAccount, Period } from './seed-accounts.js';
import { addMs, DAY, HOUR, type SeedClock } from './seed-clock.js';
import type { Journal } from './seed-journal.js';
import { FOLLOW_UPS } from './seed-words.js';

type Tools = { f: Faker; clock: SeedClock; journal: Journal };

/** One follow-up (跟进) on the account by whoever owned it at `when`. */
async function followUp(w: Tools, a: DemoAccount, period: Period, when: Date) {
  const [kind, subject] = w.f.helpers.arrayElement(FOLLOW_UPS[a.locale]);
  const contact = a.contacts.length > 0 ? w.f.helpers.arrayElement(a.contacts) : undefined;
  await w.journal.log(period.owner, when, {
    kind,
    subject,
    locale: a.locale,
    links: { accountId: a.id, contactId: contact?.id ?? null },
    location: a.location,
  });
}

/**
 * Follow-ups by an account's owner within the time they had it; the last one shortly before
 * they gave the account back to the pool.
 */
export async function followUpsBefore(w: Tools, a: DemoAccount, period: Period, n: number) {
  const lastTry = w.clock.workTimeBefore(
    addMs(period.to, -DAY),
    addMs(period.to, -14 * DAY),
    a.zone,
  );
  const times = w.clock.sequence(addMs(period.from, DAY), addMs(lastTry, -DAY), n, a.zone);
  for (const when of [...times, lastTry]) await followUp(w, a, period, when);
}

/**
 * Every owned account had a follow-up in the last three weeks, so the 30-day rule leaves the
 * books alone; the one set up for a warning was last followed up 26 days ago (and once before).
 */
export async function recentFollowUps(w: Tools, accounts: DemoAccount[]) {
  for (const a of accounts) {
    const period = a.periods[a.periods.length - 1];
    if (!a.owner || !period) continue;
    if (a.warning === 'no_activity') {
      await followUp(w, a, period, addMs(period.from, DAY));
      await followUp(w, a, period, w.clock.workTime(26, a.zone));
      continue;
    }
    const from = w.clock.daysAgo(20) > period.from ? w.clock.daysAgo(20) : period.from;
    await followUp(w, a, period, w.clock.between(from, addMs(w.clock.now, -HOUR), a.zone));
  }
}

/** More follow-ups across the owned accounts' time until the journal holds `target`. */
export async function fillFollowUps(w: Tools, accounts: DemoAccount[], target: number) {
  const owned = accounts.filter((a) => a.owner && a.warning !== 'no_activity');
  // Accounts held longer had more follow-ups: the year fills up, not only the last weeks.
  const weighted = owned.map((a) => {
    const period = a.periods[a.periods.length - 1];
    return { value: a, weight: Math.max(1, (w.clock.now.getTime() - period.from.getTime()) / DAY) };
  });
  while (w.journal.count < target && owned.length > 0) {
    const a = w.f.helpers.weightedArrayElement(weighted);
    const period = a.periods[a.periods.length - 1];
    const when = w.clock.between(period.from, addMs(w.clock.now, -2 * DAY), a.zone);
    await followUp(w, a, period, when);
  }
}
