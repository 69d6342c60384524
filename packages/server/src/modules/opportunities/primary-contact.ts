import { and, eq, sql } from 'drizzle-orm';
import type { Ctx } from '../../platform/context.js';
import { opportunityContacts } from './opportunities.tables.js';

/**
 * Keeps the contact roles in step with the opportunity's primary contact (its `contactId`): that
 * contact is among them and is the only one marked primary. Runs in the opportunity's write.
 */
export async function syncPrimaryContact(
  ctx: Ctx,
  opportunityId: string,
  contactId: string | null,
): Promise<void> {
  const ws = ctx.actor.workspaceId;
  await ctx.db
    .update(opportunityContacts)
    .set({
      isPrimary: contactId ? sql`${opportunityContacts.contactId} = ${contactId}` : false,
    })
    .where(
      and(
        eq(opportunityContacts.workspaceId, ws),
        eq(opportunityContacts.opportunityId, opportunityId),
      ),
    );
  if (!contactId) return;
  await ctx.db
    .insert(opportunityContacts)
    .values({ workspaceId: ws, opportunityId, contactId, isPrimary: true })
    .onConflictDoNothing();
}
