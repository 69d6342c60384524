import type { Ctx } from '../../platform/context.js';
import { transferOwnedRecords } from '../../platform/ownership.js';
import { poolService } from '../../platform/pool-records.js';
import { leadObject } from './leads.service.js';

/** Leads in public pools: list, claim, return, reclaim (the pools module drives these). */
export const leadPool = poolService(leadObject);

/** Every lead `fromUserId` owns goes to `toUserId`, or with null back into its pool. */
export const transferLeads = (
  ctx: Ctx,
  args: { fromUserId: string; toUserId: string | null; poolIdFallback?: string },
) => transferOwnedRecords(ctx, leadObject, args);
