import type { Ctx } from '../../platform/context.js';
import { transferOwnedRecords } from '../../platform/ownership.js';
import { moveBoardTotals } from './board-totals.js';
import { opportunityObject } from './opportunities.service.js';

/**
 * Every opportunity `fromUserId` owns (closed and trashed ones too) goes to `toUserId`; the
 * board totals move with each batch, in its transaction.
 */
export const transferOpportunities = (ctx: Ctx, args: { fromUserId: string; toUserId: string }) =>
  transferOwnedRecords(ctx, opportunityObject, {
    ...args,
    afterBatch: (tx, ids) => moveBoardTotals(tx, ctx.actor.workspaceId, args.fromUserId, ids),
  });
