import type { Lead, LifecycleStage } from '@guanxi/contract';
import { sql } from 'drizzle-orm';
import { diffFields, recordChange } from '../../platform/audit.js';
import type { Ctx } from '../../platform/context.js';
import { AppError, notFound } from '../../platform/errors.js';
import { requirePermission } from '../../platform/permissions.js';
import { findVisible, maskHiddenFields, tenantRow } from '../../platform/records.js';
import { type LeadRow, leadObject, leadService } from './leads.service.js';

// The lead's side of a conversion (flows/convert-lead.ts); both run in its transaction.

/**
 * The lead to convert, locked until the conversion commits: 404 unless it is live, visible and
 * the actor may update leads; 409 when it was converted already. Fields the actor's role hides
 * come back empty, so a conversion never copies what the actor cannot see.
 */
export async function lockLeadForConversion(ctx: Ctx, id: string): Promise<Lead> {
  requirePermission(ctx, 'lead', 'update');
  const row = await findVisible(ctx, ctx.db, leadObject, id, { deleted: false, forUpdate: true });
  if (!row) throw notFound('Lead');
  if (row.status === 'converted') {
    throw new AppError(
      'conflict',
      'This lead was converted already; it cannot be converted again.',
    );
  }
  return maskHiddenFields(ctx, leadObject, leadObject.toApi(row));
}

export type ConversionLinks = {
  accountId: string;
  contactId: string;
  opportunityId: string | null;
  lifecycleStage: LifecycleStage;
};

/**
 * Marks a lead (locked by lockLeadForConversion) converted with its links, as one audited
 * update. Status, stage and links are set by the system, whatever the role may edit.
 */
export async function markLeadConverted(
  ctx: Ctx,
  id: string,
  links: ConversionLinks,
): Promise<Lead> {
  const t = leadObject.table;
  const now = ctx.now();
  const [before] = (await ctx.db
    .select()
    .from(t)
    .where(tenantRow(ctx, t, id))) as LeadRow[];
  const [row] = (await ctx.db
    .update(t)
    .set({
      status: 'converted',
      lifecycleStage: links.lifecycleStage,
      convertedAt: now,
      convertedAccountId: links.accountId,
      convertedContactId: links.contactId,
      convertedOpportunityId: links.opportunityId,
      version: sql`${t.version} + 1`,
      updatedAt: now,
      updatedBy: ctx.actor.userId,
    } as never)
    .where(tenantRow(ctx, t, id))
    .returning()) as unknown as LeadRow[];
  const fields = [
    ...leadObject.auditFields,
    'convertedAt',
    'convertedAccountId',
    'convertedContactId',
    'convertedOpportunityId',
  ];
  const after = leadObject.toApi(row);
  await recordChange(ctx, ctx.db, {
    objectType: 'lead',
    recordId: id,
    action: 'update',
    changes: diffFields(fields, leadObject.toApi(before), after),
    at: now,
    payload: after,
    eventType: 'lead.converted',
  });
  return leadService.get(ctx, id);
}
