import { and, eq, isNull } from 'drizzle-orm';
import type { Ctx } from '../../platform/context.js';
import { transferOwnedRecords } from '../../platform/ownership.js';
import { taskObject } from './tasks.service.js';
import { tasks } from './tasks.tables.js';

/** The open tasks of `fromUserId` go to `toUserId`; finished ones stay theirs, as history. */
export const transferOpenTasks = (ctx: Ctx, args: { fromUserId: string; toUserId: string }) =>
  transferOwnedRecords(ctx, taskObject, {
    ...args,
    where: and(eq(tasks.status, 'open'), isNull(tasks.deletedAt)),
  });
