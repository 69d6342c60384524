import type { Ctx } from '../../platform/context.js';
import { transferOwnedRecords } from '../../platform/ownership.js';
import { opportunityObject } from './opportunities.service.js';

/** Every opportunity `fromUserId` owns (closed and trashed ones too) goes to `toUserId`. */
export const transferOpportunities = (ctx: Ctx, args: { fromUserId: string; toUserId: string }) =>
  transferOwnedRecords(ctx, opportunityObject, args);
