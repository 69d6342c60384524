import type { Faker } from '@faker-js/faker';
import { claimRecord, listPools, returnRecord, updatePool } from '../modules/pools/index.js';
import type { DemoAccount } from './seed-accounts.js';
import { at } from './seed-clock.js';
import type { Team } from './seed-team.js';
import { ACCOUNT_RETURN_REASONS } from './seed-words.js';

/**
 * The account pool's rules (公海规则), set by the admin when the team adopted them: at most 50
 * accounts each, back to the pool after 30 days without a follow-up or 90 days without a won
 * deal, with a warning 5 days ahead.
 */
export async function seedPoolRules(team: Team, when: Date) {
  const admin = at(team.admin.ctx, when);
  const pools = await listPools(admin);
  const accountPool = pools.find((p) => p.objectType === 'account');
  if (!accountPool) throw new Error('the demo workspace has no account pool');
  await updatePool(admin, {
    id: accountPool.id,
    data: {
      holdingLimit: 50,
      noActivityDays: 30,
      noWonDays: 90,
      warnDaysBefore: 5,
      description: '30 天未跟进或 90 天未成交的客户自动回收；每人最多持有 50 个客户。',
    },
  });
}

/**
 * Accounts given back to the pool by their first owners, with a reason, at their time; the
 * recycled ones are claimed again later by a colleague. Returns how many went back.
 */
export async function returnAndClaimAccounts(f: Faker, accounts: DemoAccount[]) {
  let returned = 0;
  let claimed = 0;
  for (const a of accounts) {
    if (!a.returnedAt) continue;
    const first = a.periods[0].owner;
    const reason = f.helpers.arrayElement(ACCOUNT_RETURN_REASONS[a.locale]);
    await returnRecord(at(first.ctx, a.returnedAt), 'account', a.id, reason);
    returned++;
    if (a.owner && a.claimedAt) {
      await claimRecord(at(a.owner.ctx, a.claimedAt), 'account', a.id);
      claimed++;
    }
  }
  return { returned, claimed };
}
