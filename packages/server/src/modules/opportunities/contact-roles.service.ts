import type { OpportunityContact, SetOpportunityContactsInput } from '@guanxi/contract';
import { and, asc, eq } from 'drizzle-orm';
import { recordChange } from '../../platform/audit.js';
import type { Ctx } from '../../platform/context.js';
import { AppError, notFound } from '../../platform/errors.js';
import { objectPermission, requirePermission } from '../../platform/permissions.js';
import { onTransaction } from '../../platform/record-writes.js';
import { findVisible, getRecord } from '../../platform/records.js';
import { getContact, listContacts } from '../contacts/index.js';
import { opportunityObject, updateOpportunity } from './opportunities.service.js';
import { opportunityContacts } from './opportunities.tables.js';

// Contact roles: who is involved in a deal and how (decision maker, influencer, …). The primary
// one is the opportunity's `contactId`; both always agree.

type RoleRow = typeof opportunityContacts.$inferSelect;

const rolesOf = (ctx: Ctx, opportunityId: string) =>
  ctx.db
    .select()
    .from(opportunityContacts)
    .where(
      and(
        eq(opportunityContacts.workspaceId, ctx.actor.workspaceId),
        eq(opportunityContacts.opportunityId, opportunityId),
      ),
    )
    .orderBy(asc(opportunityContacts.contactId));

/** Names and titles of the contacts the actor may see; others stay anonymous. */
async function present(ctx: Ctx, rows: RoleRow[]): Promise<OpportunityContact[]> {
  const seen = new Map<string, { name: string; title: string | null }>();
  if (rows.length > 0 && objectPermission(ctx, 'contact').read) {
    const filter = JSON.stringify({ id: { in: rows.map((r) => r.contactId) } });
    const { data } = await listContacts(ctx, { filter, limit: 200 });
    for (const c of data) seen.set(c.id, { name: c.name, title: c.title });
  }
  return rows
    .map((r) => ({
      contactId: r.contactId,
      contactName: seen.get(r.contactId)?.name ?? null,
      title: seen.get(r.contactId)?.title ?? null,
      buyingRole: r.buyingRole as OpportunityContact['buyingRole'],
      isPrimary: r.isPrimary,
    }))
    .sort((a, b) => Number(b.isPrimary) - Number(a.isPrimary));
}

export async function listOpportunityContacts(
  ctx: Ctx,
  opportunityId: string,
): Promise<OpportunityContact[]> {
  await getRecord(ctx, opportunityObject, opportunityId, { includeDeleted: true });
  return present(ctx, await rolesOf(ctx, opportunityId));
}

const refuse = (path: string, message: string, code: 'invalid' | 'not_found' = 'invalid') =>
  new AppError(code === 'not_found' ? 'not_found' : 'validation_failed', `${path}: ${message}`, {
    errors: [{ path, message, code }],
  });

/**
 * Replaces the opportunity's contact roles. Every contact must be live, visible to the actor and
 * at the opportunity's account; the one marked primary becomes its `contactId` (none: cleared).
 */
export async function setOpportunityContacts(
  ctx: Ctx,
  opportunityId: string,
  input: SetOpportunityContactsInput,
): Promise<OpportunityContact[]> {
  requirePermission(ctx, 'opportunity', 'update');
  const ids = input.contacts.map((c) => c.contactId);
  const dup = ids.findIndex((id, i) => ids.indexOf(id) !== i);
  if (dup >= 0) throw refuse(`contacts.${dup}.contactId`, 'appears twice');
  const primaries = input.contacts.filter((c) => c.isPrimary);
  if (primaries.length > 1) {
    const second = input.contacts.indexOf(primaries[1]);
    throw refuse(`contacts.${second}.isPrimary`, 'only one contact can be the primary one');
  }
  return ctx.db.transaction(async (tx) => {
    const c = onTransaction(ctx, tx);
    const opportunity = await findVisible(c, tx, opportunityObject, opportunityId, {
      deleted: false,
      forUpdate: true,
    });
    if (!opportunity) throw notFound('Opportunity');
    for (const [i, role] of input.contacts.entries()) {
      const path = `contacts.${i}.contactId`;
      const contact = await getContact(c, role.contactId).catch((error: unknown) => {
        if (error instanceof AppError && error.code === 'not_found') {
          throw refuse(path, 'no such contact', 'not_found');
        }
        throw error;
      });
      if (contact.accountId !== opportunity.accountId) {
        throw refuse(path, "must be a contact of the opportunity's account");
      }
    }
    const before = await present(c, await rolesOf(c, opportunityId));
    const where = and(
      eq(opportunityContacts.workspaceId, ctx.actor.workspaceId),
      eq(opportunityContacts.opportunityId, opportunityId),
    );
    await tx.delete(opportunityContacts).where(where);
    if (input.contacts.length > 0) {
      await tx.insert(opportunityContacts).values(
        input.contacts.map((role) => ({
          workspaceId: ctx.actor.workspaceId,
          opportunityId,
          contactId: role.contactId,
          buyingRole: role.buyingRole ?? null,
          isPrimary: role.isPrimary === true,
        })),
      );
    }
    const primary = primaries[0]?.contactId ?? null;
    // The primary contact is a field of the opportunity: changed through its own rules
    // (a stage may require it), audited and versioned there.
    if (primary !== opportunity.contactId) {
      await updateOpportunity(c, { id: opportunityId, data: { contactId: primary } });
    }
    const after = await present(c, await rolesOf(c, opportunityId));
    const brief = (roles: OpportunityContact[]) =>
      roles.map((r) => ({
        contactId: r.contactId,
        buyingRole: r.buyingRole,
        isPrimary: r.isPrimary,
      }));
    if (JSON.stringify(brief(before)) !== JSON.stringify(brief(after))) {
      await recordChange(c, tx, {
        objectType: 'opportunity',
        recordId: opportunityId,
        action: 'update',
        changes: [{ field: 'contactRoles', old: brief(before), new: brief(after) }],
        at: ctx.now(),
        payload: { id: opportunityId, contactRoles: brief(after) },
      });
    }
    return after;
  });
}
