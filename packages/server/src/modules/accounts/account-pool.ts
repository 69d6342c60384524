import type { Ctx } from '../../platform/context.js';
import { transferOwnedRecords } from '../../platform/ownership.js';
import { poolService } from '../../platform/pool-records.js';
import { accountObject } from './accounts.service.js';

/** Accounts in public pools: list, claim, return, reclaim (the pools module drives these). */
export const accountPool = poolService(accountObject);

/** Every account `fromUserId` owns goes to `toUserId`, or with null back into its pool. */
export const transferAccounts = (
  ctx: Ctx,
  args: { fromUserId: string; toUserId: string | null; poolIdFallback?: string },
) => transferOwnedRecords(ctx, accountObject, args);
