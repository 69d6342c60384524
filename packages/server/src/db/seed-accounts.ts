import { type Faker, fakerEN_US, fakerZH_CN } from '@faker-js/faker';
import type { ActivityLocation, BuyingRole, Locale } from '@guanxi/contract';
import { accountInput, contactInput } from '../../test/factories/index.js';
import { createAccount } from '../modules/accounts/index.js';
import { createContact } from '../modules/contacts/index.js';
import { addMs, at, MINUTE, type SeedClock, type Zone } from './seed-clock.js';
import type { Member, Team } from './seed-team.js';

/**
 * How an account lives in the demo. customer: an old account with won deals (and a recent one,
 * or the 90-day rule would reclaim it); recycled: given back to the pool months ago and claimed
 * again lately by someone else; pooled: waiting in the pool; prospect: found in the last months.
 */
export type Cohort = 'customer' | 'recycled' | 'pooled' | 'prospect';

/** Who worked an account from when to when. */
export type Period = { owner: Member; from: Date; to: Date };

export type DemoAccount = {
  id: string;
  name: string;
  locale: Locale;
  zone: Zone;
  cohort: Cohort;
  createdAt: Date;
  /** Owners in turn; the pooled account's only period ends when it was given back. */
  periods: Period[];
  /** Owner now; null while in the pool. */
  owner: Member | null;
  returnedAt?: Date;
  claimedAt?: Date;
  contacts: { id: string; buyingRole: BuyingRole | null }[];
  location: ActivityLocation;
  /** The reclaim warning this account is set up to get (its deadline is a few days away). */
  warning?: 'no_won' | 'no_activity';
};

const COORDINATES: Record<string, [number, number]> = {
  上海市: [31.2304, 121.4737],
  北京市: [39.9042, 116.4074],
  深圳市: [22.5431, 114.0579],
  广州市: [23.1291, 113.2644],
  杭州市: [30.2741, 120.1551],
  苏州市: [31.2989, 120.5853],
  南京市: [32.0603, 118.7969],
  成都市: [30.5728, 104.0668],
  武汉市: [30.5928, 114.3055],
  西安市: [34.3416, 108.9398],
  宁波市: [29.8683, 121.544],
  青岛市: [36.0671, 120.3826],
  厦门市: [24.4798, 118.0894],
  合肥市: [31.8206, 117.2272],
  长沙市: [28.2282, 112.9388],
  Singapore: [1.3521, 103.8198],
  London: [51.5072, -0.1276],
  Munich: [48.1351, 11.582],
  Austin: [30.2672, -97.7431],
  Toronto: [43.6532, -79.3832],
  Sydney: [-33.8688, 151.2093],
  Tokyo: [35.6762, 139.6503],
  Amsterdam: [52.3676, 4.9041],
  'San Francisco': [37.7749, -122.4194],
  Dubai: [25.2048, 55.2708],
};

export function locationOf(
  f: Faker,
  city: string | null | undefined,
  address: string | null | undefined,
) {
  const [lat, lon] = COORDINATES[city ?? ''] ?? [31.2304, 121.4737];
  const jitter = () => Math.round(f.number.float({ min: -0.04, max: 0.04 }) * 10_000) / 10_000;
  return { address: address ?? city ?? null, latitude: lat + jitter(), longitude: lon + jitter() };
}

/** 40 Chinese and 20 international accounts, in each cohort; fixed shares, shuffled. */
function cohortsOf(f: Faker, locale: Locale): Cohort[] {
  const counts: Record<Cohort, number> =
    locale === 'zh-CN'
      ? { customer: 9, recycled: 4, pooled: 7, prospect: 20 }
      : { customer: 4, recycled: 2, pooled: 3, prospect: 11 };
  const list = (Object.entries(counts) as [Cohort, number][]).flatMap(([c, n]) =>
    Array<Cohort>(n).fill(c),
  );
  return f.helpers.shuffle(list);
}

const daysRange = (f: Faker, min: number, max: number) => f.number.int({ min, max });

/**
 * The demo's accounts and their people: about 60 companies, Chinese and international, each
 * created by its first owner at the start of its story, with 2–6 contacts.
 */
export async function seedAccounts(team: Team, clock: SeedClock): Promise<DemoAccount[]> {
  const f = fakerZH_CN;
  const cohorts = { 'zh-CN': cohortsOf(f, 'zh-CN'), en: cohortsOf(f, 'en') };
  const names = new Set<string>();
  const result: DemoAccount[] = [];
  const warned = new Set<string>();
  for (let i = 0; i < 60; i++) {
    const locale: Locale = i % 3 === 2 ? 'en' : 'zh-CN';
    const zone: Zone = locale === 'en' ? 'intl' : 'cn';
    const cohort = cohorts[locale].pop() as Cohort;
    const { manager, reps } = locale === 'en' ? team.intl : team.east;
    const sellers =
      locale === 'en' ? [reps[0], reps[0], manager] : [reps[0], reps[0], reps[1], manager];
    const first = f.helpers.arrayElement(sellers);
    const others = [manager, ...reps].filter((m) => m !== first);
    // One account of each kind is set up to be warned before the reclaim (deadline in 3–4 days).
    const warning =
      cohort === 'customer' && !warned.has('no_won')
        ? 'no_won'
        : cohort === 'prospect' && !warned.has('no_activity')
          ? 'no_activity'
          : cohort === 'recycled' && !warned.has('claimed')
            ? 'claimed'
            : undefined;
    if (warning) warned.add(warning);
    const created = {
      customer: () => daysRange(f, 200, 400),
      recycled: () => daysRange(f, 200, 380),
      pooled: () => daysRange(f, 130, 380),
      prospect: () => (warning ? 45 : daysRange(f, 3, 80)),
    }[cohort]();
    const createdAt = clock.workTime(created, zone);
    let returnedAt: Date | undefined;
    let claimedAt: Date | undefined;
    let owner: Member | null = first;
    const periods: Period[] = [];
    if (cohort === 'recycled') {
      returnedAt = clock.workTime(daysRange(f, 100, Math.min(170, created - 30)), zone);
      claimedAt = clock.workTime(warning ? 86 : daysRange(f, 15, 70), zone);
      owner = f.helpers.arrayElement(others);
      periods.push({ owner: first, from: createdAt, to: returnedAt });
      periods.push({ owner, from: claimedAt, to: clock.now });
    } else if (cohort === 'pooled') {
      returnedAt = clock.workTime(daysRange(f, 3, Math.min(100, created - 30)), zone);
      owner = null;
      periods.push({ owner: first, from: createdAt, to: returnedAt });
    } else {
      periods.push({ owner: first, from: createdAt, to: clock.now });
    }

    const fk = locale === 'en' ? fakerEN_US : fakerZH_CN;
    let input = accountInput(fk, locale);
    while (names.has(input.name)) input = accountInput(fk, locale);
    names.add(input.name);
    const status =
      cohort === 'customer'
        ? 'active'
        : cohort === 'pooled'
          ? f.helpers.arrayElement(['dormant', 'churned', 'prospect'] as const)
          : 'prospect';
    const account = await createAccount(at(first.ctx, createdAt), {
      ...input,
      status,
      tier: cohort === 'customer' ? f.helpers.arrayElement(['A', 'B'] as const) : input.tier,
      ownerId: first.userId,
    });
    const n = { customer: 5, recycled: 3, pooled: 2, prospect: 3 }[cohort] + f.number.int(1);
    const contacts: DemoAccount['contacts'] = [];
    for (let c = 0; c < n; c++) {
      const contact = await createContact(at(first.ctx, addMs(createdAt, (c + 1) * 7 * MINUTE)), {
        ...contactInput(fk, locale, account.id),
        ownerId: first.userId,
      });
      contacts.push({ id: contact.id, buyingRole: contact.buyingRole });
    }
    result.push({
      id: account.id,
      name: account.name,
      locale,
      zone,
      cohort,
      createdAt,
      periods,
      owner,
      returnedAt,
      claimedAt,
      contacts,
      location: locationOf(f, input.city, input.address),
      warning: warning === 'claimed' ? 'no_won' : warning,
    });
  }
  return result;
}
