import { type Faker, fakerEN_US, fakerZH_CN } from '@faker-js/faker';
import type { Pipeline, UpdateOpportunityInput } from '@guanxi/contract';
import { opportunityInput } from '../../test/factories/index.js';
import {
  createOpportunity,
  setOpportunityContacts,
  updateOpportunity,
} from '../modules/opportunities/index.js';
import type { DemoAccount } from './seed-accounts.js';
import { addMs, at, DAY, HOUR, isoDay, MINUTE, type SeedClock } from './seed-clock.js';
import { type DealPlan, LOST, type PipelineKey, WON } from './seed-deals.js';
import type { Journal } from './seed-journal.js';
import { CHURN_REASONS, LOSS_REASONS, RENEWAL_NAMES, STAGE_WORK } from './seed-words.js';

export type DemoPipelines = Record<PipelineKey, Pipeline>;
export type Walker = { f: Faker; clock: SeedClock; journal: Journal; pipelines: DemoPipelines };

/** Stage positions a deal goes through to end in `final`; a middle stage is skipped now and then. */
function pathTo(f: Faker, final: number): number[] {
  const open = final === WON ? 3 : final === LOST ? f.number.int({ min: 0, max: 3 }) : final;
  const path = Array.from({ length: open + 1 }, (_, i) => i);
  if (open >= 2 && f.datatype.boolean(0.2)) path.splice(1, 1);
  return final >= WON ? [...path, final] : path;
}

const AMOUNTS: Record<PipelineKey, Record<'zh-CN' | 'en', [number, number]>> = {
  new: { 'zh-CN': [80, 1500], en: [15, 400] },
  renewal: { 'zh-CN': [30, 500], en: [8, 150] },
};

/** Days from now to the expected close of an open deal in the stage at this position. */
const CLOSE_IN: [number, number][] = [
  [60, 150],
  [30, 120],
  [15, 90],
  [-10, 45],
];

/** When an open deal in the stage at this position is expected to close. */
export const expectedCloseOf = (w: Walker, stage: number) =>
  addMs(w.clock.now, w.f.number.int({ min: CLOSE_IN[stage][0], max: CLOSE_IN[stage][1] }) * DAY);

/** A new-business deal name in the account's language, with the year it should close. */
export function newDealName(fk: Faker, locale: 'zh-CN' | 'en', close: Date): string {
  let name = opportunityInput(fk, locale, '').name;
  // Renewals have their own pipeline.
  while (/续约|renewal/i.test(name)) name = opportunityInput(fk, locale, '').name;
  return name.replace(/\d{4}$/, String(close.getUTCFullYear()));
}

/** When the deal starts and enters each stage of its path (the last one is its close). */
function stageTimes(w: Walker, plan: DealPlan, steps: number, start?: Date): Date[] {
  const { f, clock } = w;
  const zone = plan.account.zone;
  if (plan.closeAt) {
    const days = plan.pipeline === 'new' ? [30, 150] : [15, 60];
    const latest = addMs(plan.closeAt, -DAY);
    const back =
      f.number.int({ min: days[0], max: days[1] }) +
      (clock.now.getTime() - plan.closeAt.getTime()) / DAY;
    const wanted = clock.workTime(back, zone);
    const s = start ?? (wanted < plan.from ? (plan.from < latest ? plan.from : latest) : wanted);
    const mids = clock.sequence(addMs(s, HOUR), addMs(plan.closeAt, -HOUR), steps - 2, zone);
    return [s, ...mids, plan.closeAt];
  }
  // An open deal started a few weeks per stage ago (never before its account's window).
  const window = Math.min(clock.now.getTime() - plan.from.getTime(), (steps * 25 + 15) * DAY);
  const s = start ?? addMs(clock.now, -window * f.number.float({ min: 0.5, max: 1 }));
  return [s, ...clock.sequence(addMs(s, HOUR), addMs(clock.now, -6 * HOUR), steps - 1, zone)];
}

const primaryContactOf = (a: DemoAccount) =>
  a.contacts.find((c) => c.buyingRole === 'decision_maker') ?? a.contacts[0];

/** The fields of a new deal in the account's language and currency. */
function dealInput(w: Walker, plan: DealPlan) {
  const { f } = w;
  const a = plan.account;
  const fk = a.locale === 'en' ? fakerEN_US : fakerZH_CN;
  const base = opportunityInput(fk, a.locale, a.id);
  const [min, max] = AMOUNTS[plan.pipeline][a.locale];
  const close = plan.closeAt
    ? addMs(plan.closeAt, f.number.int({ min: -20, max: 30 }) * DAY)
    : expectedCloseOf(w, plan.final);
  return {
    ...base,
    name:
      plan.pipeline === 'new'
        ? newDealName(fk, a.locale, close)
        : `${f.helpers.arrayElement(RENEWAL_NAMES[a.locale])} ${close.getUTCFullYear()}`,
    amount: `${f.number.int({ min, max }) * 1000}.00`,
    currency: a.locale === 'en' ? 'USD' : 'CNY',
    expectedCloseDate: isoDay(close),
    contactId: primaryContactOf(a)?.id ?? null,
  };
}

/** Names 2–3 people of the account with their buying roles, the primary contact among them. */
async function setContactRoles(w: Walker, plan: DealPlan, id: string, when: Date) {
  const a = plan.account;
  const primary = primaryContactOf(a);
  if (!primary || a.contacts.length < 2 || !w.f.datatype.boolean(0.6)) return;
  const others = w.f.helpers.arrayElements(
    a.contacts.filter((c) => c !== primary),
    { min: 1, max: 2 },
  );
  await setOpportunityContacts(at(plan.period.owner.ctx, when), id, {
    contacts: [primary, ...others].map((c) => ({
      contactId: c.id,
      buyingRole: c.buyingRole,
      isPrimary: c === primary,
    })),
  });
}

/**
 * Plays one deal through its stages as its owner, each move at its own past time (so stage
 * durations and won dates mean something), with the call, visit or meeting that moved it.
 * `existing` is a deal another flow opened (a converted lead's) in the first stage at `at`.
 */
export async function walkDeal(
  w: Walker,
  plan: DealPlan,
  existing?: { id: string; at: Date },
): Promise<string> {
  const { f } = w;
  const a = plan.account;
  const owner = plan.period.owner;
  const pipeline = w.pipelines[plan.pipeline];
  const path = pathTo(f, plan.final);
  const times = stageTimes(w, plan, path.length, existing?.at);
  const work = STAGE_WORK[plan.pipeline];
  let id = existing?.id;
  if (!id) {
    const created = await createOpportunity(at(owner.ctx, times[0]), {
      ...dealInput(w, plan),
      pipelineId: pipeline.id,
      stageId: pipeline.stages[path[0]].id,
      ownerId: owner.userId,
    });
    id = created.id;
    await setContactRoles(w, plan, id, addMs(times[0], 20 * MINUTE));
  }
  const contactId = primaryContactOf(a)?.id ?? null;
  for (const [i, stage] of path.entries()) {
    const t = times[i];
    if (f.datatype.boolean(0.75)) {
      const earliest = i === 0 ? addMs(t, -2 * DAY) : addMs(times[i - 1], MINUTE);
      const occurred = w.clock.workTimeBefore(t, earliest, a.zone);
      const [kind, subjects] = work[stage];
      await w.journal.log(owner, occurred, {
        kind,
        subject: f.helpers.arrayElement(subjects[a.locale]),
        locale: a.locale,
        links: { opportunityId: id, contactId },
        location: a.location,
      });
    }
    if (i === 0) continue;
    const data: UpdateOpportunityInput = { stageId: pipeline.stages[stage].id };
    if (stage === 2 && f.datatype.boolean(0.5)) data.forecastCategory = 'best_case';
    if (stage === 3) data.forecastCategory = 'commit';
    if (stage >= WON) data.nextStep = null;
    if (stage === WON && plan.closeAt) data.expectedCloseDate = isoDay(plan.closeAt);
    if (stage === LOST) {
      const reasons = plan.pipeline === 'renewal' ? CHURN_REASONS : LOSS_REASONS;
      data.lossReason = f.helpers.arrayElement(reasons[a.locale]);
    }
    await updateOpportunity(at(owner.ctx, t), { id, data });
  }
  return id;
}
