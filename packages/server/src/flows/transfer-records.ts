import type { TransferRecordsInput, TransferResult } from '@guanxi/contract';
import { transferAccounts } from '../modules/accounts/index.js';
import { transferContacts } from '../modules/contacts/index.js';
import { isAssignableMember, isWorkspaceMember } from '../modules/identity/index.js';
import { transferLeads } from '../modules/leads/index.js';
import { transferOpportunities } from '../modules/opportunities/index.js';
import { transferOpenTasks } from '../modules/tasks/index.js';
import type { Ctx } from '../platform/context.js';
import { AppError, invalid, notFound } from '../platform/errors.js';
import { requireWorkspaceAdmin } from '../platform/permissions.js';
import { resolvePoolId } from '../platform/pool-directory.js';

/**
 * Employee leave (离职交接): every record a user owns — accounts, contacts, leads,
 * opportunities, open tasks — goes to another active member, or their accounts and leads go back
 * into their pools while the rest goes to that member. Administrators only. Each object moves in
 * batches of short transactions with an audit entry per record, so a large book does not block
 * the database; a run cut short is finished by running it again (only what the user still owns
 * moves).
 */
export async function transferUserRecords(
  ctx: Ctx,
  fromUserId: string,
  input: TransferRecordsInput,
): Promise<TransferResult> {
  requireWorkspaceAdmin(ctx);
  const { workspaceId } = ctx.actor;
  if (!(await isWorkspaceMember(ctx.db, workspaceId, fromUserId))) throw notFound('User');
  if (input.toUserId === fromUserId) {
    throw invalid('toUserId', 'must be someone other than the person whose records move');
  }
  if (!(await isAssignableMember(ctx.db, workspaceId, input.toUserId))) {
    throw invalid('toUserId', 'must be an active user of this workspace', 'inactive_user');
  }
  const to = input.toUserId;
  const moves = { fromUserId, toUserId: to };
  const moved: TransferResult['moved'] = {};
  const pooled: TransferResult['pooled'] = {};
  if (input.poolAccountsAndLeads) {
    // Records that belong to no pool yet go to the default one; without any pool they cannot go.
    const accountPoolId = await resolvePoolId(ctx, 'account', undefined, true);
    const leadPoolId = await resolvePoolId(ctx, 'lead', undefined, true);
    if (!accountPoolId || !leadPoolId) {
      throw new AppError(
        'conflict',
        'This workspace lacks an account or lead pool to put the records in. Add one under Settings → Pools, or transfer everything to the person.',
      );
    }
    pooled.account = await transferAccounts(ctx, {
      fromUserId,
      toUserId: null,
      poolIdFallback: accountPoolId,
    });
  } else {
    moved.account = await transferAccounts(ctx, moves);
  }
  moved.contact = await transferContacts(ctx, moves);
  if (input.poolAccountsAndLeads) {
    const leadPoolId = await resolvePoolId(ctx, 'lead', undefined, true);
    pooled.lead = await transferLeads(ctx, {
      fromUserId,
      toUserId: null,
      poolIdFallback: leadPoolId ?? undefined,
    });
  } else {
    moved.lead = await transferLeads(ctx, moves);
  }
  moved.opportunity = await transferOpportunities(ctx, moves);
  moved.task = await transferOpenTasks(ctx, moves);
  return { moved, pooled };
}
