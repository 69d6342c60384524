import type { Faker } from '@faker-js/faker';
import type { CreatePipelineInput } from '@guanxi/contract';
import type { DemoAccount, Period } from './seed-accounts.js';
import { addMs, DAY, type SeedClock } from './seed-clock.js';

/** The second pipeline, for existing customers: renewals and expansions. */
export const RENEWAL_PIPELINE: CreatePipelineInput = {
  name: '续约与增购',
  stages: [
    { name: '续约提醒', probability: 20, kind: 'open', requiredFields: [] },
    { name: '使用评估', probability: 40, kind: 'open', requiredFields: [] },
    { name: '报价确认', probability: 60, kind: 'open', requiredFields: ['amount'] },
    {
      name: '合同审批',
      probability: 85,
      kind: 'open',
      requiredFields: ['amount', 'expectedCloseDate'],
    },
    { name: '已续约', probability: 100, kind: 'won', requiredFields: ['amount'] },
    { name: '已流失', probability: 0, kind: 'lost', requiredFields: ['lossReason'] },
  ],
};

/** Stage positions shared by both demo pipelines: four open stages, then won, then lost. */
export const WON = 4;
export const LOST = 5;

export type PipelineKey = 'new' | 'renewal';

/** One deal of the demo: where it ends up and in which window of its account's story. */
export type DealPlan = {
  account: DemoAccount;
  period: Period;
  pipeline: PipelineKey;
  /** Stage position it ends in (0–3 open, WON, LOST). */
  final: number;
  /** When it was won or lost. */
  closeAt?: Date;
  /** It starts no earlier than this (after the deal it follows). */
  from: Date;
};

const repeat = (counts: number[]) => counts.flatMap((n, stage) => Array<number>(n).fill(stage));

/**
 * About 80 deals in every stage of both pipelines, fitted to the accounts' stories: customers
 * won a first deal and, lately, a renewal or expansion (so the 90-day rule keeps them with their
 * owners); pooled and recycled accounts lost deals before they went back to the pool; prospects
 * and reclaimed accounts have the open new business. Returns the plans, and the open stages
 * left for the deals that converted leads open.
 */
export function planDeals(f: Faker, clock: SeedClock, accounts: DemoAccount[]) {
  const plans: DealPlan[] = [];
  const newOpen = f.helpers.shuffle(repeat([8, 8, 7, 6]));
  const renewalOpen = f.helpers.shuffle(repeat([3, 3, 3, 3]));
  const forConversions = newOpen.splice(0, 4);
  const of = (cohort: DemoAccount['cohort']) => accounts.filter((a) => a.cohort === cohort);
  const daysAgo = (a: Date) => Math.floor((clock.now.getTime() - a.getTime()) / DAY);
  const lostBetween = (from: Date, to: Date, zone: DemoAccount['zone']) =>
    clock.between(addMs(from, 20 * DAY), addMs(to, -5 * DAY), zone);

  const customers = of('customer');
  const late = customers.findLast((a) => !a.warning);
  customers.forEach((a, i) => {
    const period = a.periods[0];
    const firstWin =
      a === late
        ? clock.workTime(f.number.int({ min: 20, max: 70 }), a.zone)
        : clock.workTime(f.number.int({ min: 100, max: daysAgo(a.createdAt) - 30 }), a.zone);
    plans.push({
      account: a,
      period,
      pipeline: 'new',
      final: WON,
      closeAt: firstWin,
      from: a.createdAt,
    });
    if (a === late) return;
    const after = addMs(firstWin, 7 * DAY);
    const renewedDays = a.warning === 'no_won' ? 86 : f.number.int({ min: 10, max: 80 });
    const renewed = clock.workTime(renewedDays, a.zone);
    plans.push({
      account: a,
      period,
      pipeline: 'renewal',
      final: WON,
      closeAt: renewed,
      from: after,
    });
    const open = renewalOpen.pop();
    if (open !== undefined)
      plans.push({ account: a, period, pipeline: 'renewal', final: open, from: after });
    if (i < 4) {
      const churned = clock.between(addMs(after, 10 * DAY), clock.daysAgo(10), a.zone);
      plans.push({
        account: a,
        period,
        pipeline: 'renewal',
        final: LOST,
        closeAt: churned,
        from: after,
      });
    } else if (i < 6) {
      const lost = lostBetween(a.createdAt, clock.now, a.zone);
      plans.push({
        account: a,
        period,
        pipeline: 'new',
        final: LOST,
        closeAt: lost,
        from: a.createdAt,
      });
    }
  });

  for (const a of of('pooled').slice(0, 5)) {
    const period = a.periods[0];
    const lost = lostBetween(period.from, period.to, a.zone);
    plans.push({
      account: a,
      period,
      pipeline: 'new',
      final: LOST,
      closeAt: lost,
      from: period.from,
    });
  }
  const recycled = of('recycled');
  for (const a of recycled.slice(0, 2)) {
    const period = a.periods[0];
    const lost = lostBetween(period.from, period.to, a.zone);
    plans.push({
      account: a,
      period,
      pipeline: 'new',
      final: LOST,
      closeAt: lost,
      from: period.from,
    });
  }

  // Open new business: every recycled account's new owner, then the prospects, one deal each.
  const prospects = of('prospect').filter((a) => !a.warning);
  const working = [...recycled, ...prospects];
  for (const a of working) {
    const final = newOpen.pop();
    if (final === undefined) break;
    const period = a.periods[a.periods.length - 1];
    plans.push({ account: a, period, pipeline: 'new', final, from: period.from });
  }
  const loser = prospects.find((a) => daysAgo(a.createdAt) >= 30);
  if (loser) {
    const period = loser.periods[0];
    const lost = clock.between(addMs(period.from, 10 * DAY), clock.daysAgo(3), loser.zone);
    plans.push({
      account: loser,
      period,
      pipeline: 'new',
      final: LOST,
      closeAt: lost,
      from: period.from,
    });
  }
  return { plans, conversionStages: forConversions };
}
