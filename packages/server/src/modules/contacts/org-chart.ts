import { and, eq, isNull, ne, or, sql } from 'drizzle-orm';
import type { Ctx } from '../../platform/context.js';
import { AppError, invalid } from '../../platform/errors.js';
import { scopeCondition } from '../../platform/permissions.js';
import { contacts } from './contacts.tables.js';
import { lockOrgChart } from './org-chart-lock.js';

// The org chart of an account: each contact may report to one other contact at the same account.
// Invariant kept here: a contact's manager is at the contact's own account, and following the
// managers from any contact never comes back to it.

type ContactRow = typeof contacts.$inferSelect;
type ManagerInput = { accountId?: string | null; reportsToId?: string | null };

const t = contacts;
/** Far deeper than any real org chart; stops the walk should bad data ever hold a loop. */
const MAX_DEPTH = 1000;

/** A live contact the actor may see, with what the checks need. */
async function findManager(ctx: Ctx, id: string) {
  const [row] = await ctx.db
    .select({ id: t.id, accountId: t.accountId })
    .from(t)
    .where(
      and(
        eq(t.workspaceId, ctx.actor.workspaceId),
        eq(t.id, id),
        isNull(t.deletedAt),
        await scopeCondition(ctx, 'contact', t.ownerId),
      ),
    )
    .limit(1);
  return row;
}

/** Whether `contactId` is `managerId` or above it (so making it report to `managerId` loops). */
async function isAtOrAbove(ctx: Ctx, contactId: string, managerId: string): Promise<boolean> {
  // Every contact counts here, whoever owns it: a loop through an invisible one is still a loop.
  let current: string | null = managerId;
  for (let depth = 0; current && depth < MAX_DEPTH; depth++) {
    if (current === contactId) return true;
    const [row]: { reportsToId: string | null }[] = await ctx.db
      .select({ reportsToId: t.reportsToId })
      .from(t)
      .where(and(eq(t.workspaceId, ctx.actor.workspaceId), eq(t.id, current)));
    current = row?.reportsToId ?? null;
  }
  return current !== null;
}

/**
 * Checks a new or changed manager (`reportsToId`): a live contact the actor can see (404 on
 * reportsToId), at the same account as the contact will be (400 `invalid`), and no loop
 * (400 `cycle`). A manager the contact already had, at an unchanged account, is not checked
 * again: re-sending a form must not fail because that manager was trashed since.
 */
export async function assertValidManager(ctx: Ctx, data: ManagerInput, current?: ContactRow) {
  const managerId = data.reportsToId;
  if (managerId === undefined || managerId === null) return;
  const accountId = data.accountId !== undefined ? data.accountId : (current?.accountId ?? null);
  if (current && managerId === current.reportsToId && accountId === current.accountId) return;
  if (current && managerId === current.id) {
    throw invalid('reportsToId', 'a contact cannot report to itself', 'cycle');
  }
  // Held already when the change came through contactService.update (withOrgChartLock).
  await lockOrgChart(ctx);
  const manager = await findManager(ctx, managerId);
  if (!manager) {
    throw new AppError('not_found', 'The contact it reports to was not found.', {
      errors: [{ path: 'reportsToId', message: 'no such contact', code: 'not_found' }],
    });
  }
  if (accountId === null) {
    throw new AppError(
      'validation_failed',
      'reportsToId: a contact without an account reports to no one',
      {
        errors: [
          {
            path: 'reportsToId',
            message: 'only a contact at an account can report to someone: set accountId too',
            code: 'invalid',
            params: { reason: 'no_account' },
          },
        ],
      },
    );
  }
  if (manager.accountId !== accountId) {
    throw new AppError('validation_failed', 'reportsToId: must be a contact at the same account', {
      errors: [
        {
          path: 'reportsToId',
          message: 'must be a contact at the same account',
          code: 'invalid',
          params: { reason: 'other_account' },
        },
      ],
    });
  }
  if (current && (await isAtOrAbove(ctx, current.id, manager.id))) {
    throw invalid(
      'reportsToId',
      'would make a loop: a contact cannot report to someone who reports to it',
      'cycle',
    );
  }
}

/**
 * A contact leaving its account (moved to another one or unlinked) leaves its manager behind,
 * unless the same change names a manager at the new account (checked by assertValidManager).
 */
export function managerAfterAccountChange(
  next: Record<string, unknown>,
  current?: ContactRow,
): Record<string, unknown> {
  if (!current || next.accountId === current.accountId) return {};
  if (next.reportsToId !== current.reportsToId) return {};
  return current.reportsToId === null ? {} : { reportsToId: null };
}

/**
 * The contacts that reported to `contactId` but are no longer at its account (it moved away)
 * now report to no one. Returns the rows changed, for their audit entries.
 */
export async function detachDirectReports(
  ctx: Ctx,
  contact: { id: string; accountId: string | null },
): Promise<ContactRow[]> {
  return (await ctx.db
    .update(t)
    .set({
      reportsToId: null,
      version: sql`${t.version} + 1`,
      updatedAt: ctx.now(),
      updatedBy: ctx.actor.userId,
    })
    .where(
      and(
        eq(t.workspaceId, ctx.actor.workspaceId),
        eq(t.reportsToId, contact.id),
        contact.accountId === null
          ? undefined
          : or(isNull(t.accountId), ne(t.accountId, contact.accountId)),
      ),
    )
    .returning()) as ContactRow[];
}

/**
 * Merging contact `from` into `to`: whoever reported to `from` reports to `to`. Should `from` have
 * been above `to` in the chart, `to` takes its place (its manager), so no loop appears and the
 * people between them stay under the merged person. Reports at another account than the
 * survivor's (the two were at different accounts) report to no one. Returns how many moved.
 */
export async function relinkDirectReports(
  ctx: Ctx,
  { from, to }: { from: string; to: string },
): Promise<number> {
  await lockOrgChart(ctx);
  const ws = ctx.actor.workspaceId;
  const one = (id: string) =>
    ctx.db
      .select({ accountId: t.accountId, reportsToId: t.reportsToId })
      .from(t)
      .where(and(eq(t.workspaceId, ws), eq(t.id, id)))
      .then((rows) => rows[0]);
  const merged = await one(from);
  const survivor = await one(to);
  if (!merged || !survivor) return 0;
  const bump = {
    version: sql`${t.version} + 1`,
    updatedAt: ctx.now(),
    updatedBy: ctx.actor.userId,
  };
  if (await isAtOrAbove(ctx, from, to)) {
    await ctx.db
      .update(t)
      .set({ reportsToId: merged.reportsToId, ...bump })
      .where(and(eq(t.workspaceId, ws), eq(t.id, to)));
  }
  const reportsOfMerged = and(eq(t.workspaceId, ws), eq(t.reportsToId, from), ne(t.id, to));
  const moved =
    survivor.accountId === null
      ? []
      : await ctx.db
          .update(t)
          .set({ reportsToId: to, ...bump })
          .where(and(reportsOfMerged, eq(t.accountId, survivor.accountId)))
          .returning({ id: t.id });
  await ctx.db
    .update(t)
    .set({ reportsToId: null, ...bump })
    .where(reportsOfMerged);
  return moved.length;
}
