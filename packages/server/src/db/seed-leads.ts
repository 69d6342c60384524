import { type Faker, fakerEN_US, fakerZH_CN } from '@faker-js/faker';
import type { CreateLeadInput, LeadStatus, LifecycleStage, Locale } from '@guanxi/contract';
import { leadInput } from '../../test/factories/index.js';
import * as data from '../../test/factories/sample-data.js';
import { createLead, updateLead } from '../modules/leads/index.js';
import { returnRecord } from '../modules/pools/index.js';
import { addMs, at, DAY, type SeedClock, type Zone } from './seed-clock.js';
import type { Journal } from './seed-journal.js';
import type { Member, Team } from './seed-team.js';
import { DISQUALIFY_REASONS, LEAD_RETURN_REASONS, LEAD_WORK } from './seed-words.js';

/** What becomes of a demo lead: a status it keeps, the pool, or a conversion. */
export type LeadFate = LeadStatus | 'pooled';

export type DemoLead = {
  id: string;
  name: string;
  locale: Locale;
  zone: Zone;
  owner: Member;
  createdAt: Date;
  place: Place;
  /** When its owner qualified it (leads to convert). */
  qualifiedAt?: Date;
};

const FATES: [LeadFate, number][] = [
  ['new', 14],
  ['working', 14],
  ['nurturing', 10],
  ['qualified', 9],
  ['disqualified', 10],
  ['pooled', 15],
  ['converted', 8],
];

/** Days ago a lead of each fate was created, and its lifecycle stages to pick from. */
const STORY: Record<LeadFate, { created: [number, number]; stages: LifecycleStage[] }> = {
  new: { created: [0, 14], stages: ['subscriber', 'lead'] },
  working: { created: [5, 60], stages: ['lead', 'mql'] },
  nurturing: { created: [30, 240], stages: ['subscriber', 'mql'] },
  qualified: { created: [7, 45], stages: ['sql'] },
  disqualified: { created: [10, 300], stages: ['lead'] },
  pooled: { created: [20, 300], stages: ['subscriber', 'lead'] },
  converted: { created: [30, 100], stages: ['sql'] },
};

const INDUSTRIES = Object.keys(data.CN_INDUSTRY_WORDS) as (keyof typeof data.CN_INDUSTRY_WORDS)[];

/** Where a lead's company is; the account a conversion makes is there too. */
export type Place = { country: string; province: string | null; city: string };

/** A company that is not a customer yet, named like a real one (no serial numbers). */
function company(f: Faker, locale: Locale) {
  const industry = f.helpers.arrayElement(INDUSTRIES);
  if (locale === 'zh-CN') {
    const [city, province] = f.helpers.arrayElement(data.CN_CITIES);
    const word = f.helpers.arrayElement(data.CN_INDUSTRY_WORDS[industry]);
    const brand = f.helpers.arrayElement(data.CN_BRANDS);
    const place: Place = { country: '中国', province, city: `${city}市` };
    const name = `${city}${brand}${word}${f.helpers.arrayElement(data.CN_SUFFIXES)}`;
    return { industry, company: name, place };
  }
  const [city, province, country] = f.helpers.arrayElement(data.INTL_CITIES);
  const words = (data.INTL_INDUSTRY_WORDS as Record<string, readonly string[]>)[industry] ?? [
    'Group',
  ];
  const name = `${f.helpers.arrayElement(data.INTL_NAME_PARTS)} ${f.helpers.arrayElement(words)}`;
  const place: Place = { country, province, city };
  return { industry, company: `${name} ${f.helpers.arrayElement(data.INTL_SUFFIXES)}`, place };
}

/**
 * About 80 leads in every status and lifecycle stage, with sources and campaigns: worked by
 * their owners (status changes and calls at their own times), 15 given back to the lead pool.
 * The leads meant for conversion are returned qualified, for `convertLeads`.
 */
export async function seedLeads(team: Team, clock: SeedClock, journal: Journal) {
  const f = fakerZH_CN;
  const fates = f.helpers.shuffle(FATES.flatMap(([fate, n]) => Array<LeadFate>(n).fill(fate)));
  const companies = new Set<string>();
  const toConvert: DemoLead[] = [];
  /** Leads their owners still work on (tasks link to them). */
  const open: DemoLead[] = [];
  const counts: Partial<Record<LeadFate, number>> = {};
  let adminLeads = 0;
  for (const [i, fate] of fates.entries()) {
    const locale: Locale = i % 3 === 2 ? 'en' : 'zh-CN';
    const zone: Zone = locale === 'en' ? 'intl' : 'cn';
    const fk = locale === 'en' ? fakerEN_US : fakerZH_CN;
    const { east, intl } = team;
    const sellers =
      locale === 'en'
        ? [intl.reps[0], intl.manager, intl.reps[0]]
        : [...east.reps, east.manager, east.reps[0]];
    // New website leads wait with the admin until she hands them out.
    const toAdmin = fate === 'new' && locale === 'zh-CN' && adminLeads < 4;
    if (toAdmin) adminLeads++;
    const owner = toAdmin ? team.admin : f.helpers.arrayElement(sellers);
    const story = STORY[fate];
    const createdAt = clock.workTime(
      f.number.int({ min: story.created[0], max: story.created[1] }),
      zone,
    );
    let { place, ...named } = company(fk, locale);
    while (companies.has(named.company)) ({ place, ...named } = company(fk, locale));
    companies.add(named.company);
    const stage = f.helpers.arrayElement(story.stages);
    const initial: CreateLeadInput = {
      ...leadInput(fk, locale),
      ...named,
      status: fate === 'pooled' ? f.helpers.arrayElement(['new', 'nurturing'] as const) : 'new',
      lifecycleStage:
        fate === 'new' || fate === 'pooled'
          ? stage
          : f.helpers.arrayElement(['subscriber', 'lead'] as const),
      ownerId: owner.userId,
    };
    const lead = await createLead(at(owner.ctx, createdAt), initial);
    counts[fate] = (counts[fate] ?? 0) + 1;
    const demo = { id: lead.id, name: lead.name, locale, zone, owner, createdAt, place };
    if (fate === 'new' || fate === 'working' || fate === 'qualified') open.push(demo);
    if (fate === 'new') continue;

    const calls =
      { working: 1, nurturing: 1, qualified: 1, disqualified: 1, pooled: 1, converted: 2 }[fate] ??
      0;
    const until = fate === 'converted' ? addMs(createdAt, 20 * DAY) : clock.now;
    const times = clock.sequence(
      addMs(createdAt, DAY),
      until < clock.now ? until : clock.now,
      calls + 1,
      zone,
    );
    for (const [c, when] of times.slice(0, calls).entries()) {
      const [kind, subject] = LEAD_WORK[locale][Math.min(c, LEAD_WORK[locale].length - 1)];
      await journal.log(owner, when, { kind, subject, locale, links: { leadId: lead.id } });
    }
    const decided = times[times.length - 1];
    if (fate === 'pooled') {
      const reason = f.helpers.arrayElement(LEAD_RETURN_REASONS[locale]);
      await returnRecord(at(owner.ctx, decided), 'lead', lead.id, reason);
      continue;
    }
    const status = fate === 'converted' ? 'qualified' : fate;
    await updateLead(at(owner.ctx, decided), {
      id: lead.id,
      data: {
        status,
        lifecycleStage: stage,
        ...(status === 'disqualified'
          ? { disqualifyReason: f.helpers.arrayElement(DISQUALIFY_REASONS[locale]) }
          : {}),
      },
    });
    if (fate === 'converted') toConvert.push({ ...demo, qualifiedAt: decided });
  }
  return { toConvert, open, counts };
}
