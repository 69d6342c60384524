import {
  ACCOUNT_INDUSTRIES,
  type CreateLeadInput,
  LEAD_SOURCES,
  LEAD_STATUSES,
  type Lead,
  LIFECYCLE_STAGES,
  type MergeInput,
  RESTRICTABLE_FIELDS,
  type UpdateLeadInput,
} from '@guanxi/contract';
import { and, eq, sql } from 'drizzle-orm';
import type { Ctx } from '../../platform/context.js';
import { registerDuplicateCheck } from '../../platform/duplicates.js';
import { AppError } from '../../platform/errors.js';
import { mergeRecords } from '../../platform/merge.js';
import { pooledFieldsToApi } from '../../platform/pool-records.js';
import { type NameSource, recordNames } from '../../platform/record-names.js';
import { recordService } from '../../platform/record-service.js';
import { getRecord, type ObjectDef, recordMetaToApi } from '../../platform/records.js';
import { leadMatchKeys } from './leads.duplicates.js';
import { leads } from './leads.tables.js';

export type LeadRow = typeof leads.$inferSelect;

const iso = (d: Date | null) => d?.toISOString() ?? null;

export const toLead = (row: LeadRow): Lead =>
  Object.assign(recordMetaToApi(row), pooledFieldsToApi(row), {
    name: row.name,
    company: row.company,
    title: row.title,
    email: row.email,
    phones: row.phones,
    wechat: row.wechat,
    source: row.source as Lead['source'],
    campaign: row.campaign,
    industry: row.industry as Lead['industry'],
    region: row.region,
    status: row.status as Lead['status'],
    disqualifyReason: row.disqualifyReason,
    lifecycleStage: row.lifecycleStage as Lead['lifecycleStage'],
    notes: row.notes,
    lastActivityAt: iso(row.lastActivityAt),
    convertedAt: iso(row.convertedAt),
    convertedAccountId: row.convertedAccountId,
    convertedContactId: row.convertedContactId,
    convertedOpportunityId: row.convertedOpportunityId,
    mergedIntoId: row.mergedIntoId,
  });

const t = leads;
export const leadObject: ObjectDef<LeadRow, Lead> = {
  object: 'lead',
  label: 'Lead',
  table: t,
  defaultSort: '-updatedAt',
  searchColumns: [t.name, t.company, t.email, t.wechat],
  // Every writable field: the name, company, status, the restrictable ones, owner and custom values.
  auditFields: [
    'name',
    'company',
    'status',
    'disqualifyReason',
    ...RESTRICTABLE_FIELDS.lead,
    'ownerId',
    'poolId',
    'custom',
  ],
  fields: {
    id: { column: t.id, type: 'uuid' },
    name: { column: t.name, type: 'text', sortable: true },
    company: { column: t.company, type: 'text', sortable: true },
    title: { column: t.title, type: 'text' },
    email: { column: t.email, type: 'text', sortable: true },
    wechat: { column: t.wechat, type: 'text' },
    source: { column: t.source, type: 'enum', values: LEAD_SOURCES },
    campaign: { column: t.campaign, type: 'text', sortable: true },
    industry: { column: t.industry, type: 'enum', values: ACCOUNT_INDUSTRIES },
    region: { column: t.region, type: 'text', sortable: true },
    status: { column: t.status, type: 'enum', values: LEAD_STATUSES, sortable: true },
    lifecycleStage: { column: t.lifecycleStage, type: 'enum', values: LIFECYCLE_STAGES },
    ownerId: { column: t.ownerId, type: 'uuid' },
    poolId: { column: t.poolId, type: 'uuid' },
    pooledAt: { column: t.pooledAt, type: 'datetime', sortable: true },
    lastActivityAt: { column: t.lastActivityAt, type: 'datetime', sortable: true },
    convertedAt: { column: t.convertedAt, type: 'datetime', sortable: true },
    convertedAccountId: { column: t.convertedAccountId, type: 'uuid' },
    createdAt: { column: t.createdAt, type: 'datetime', sortable: true },
    updatedAt: { column: t.updatedAt, type: 'datetime', sortable: true },
  },
  toApi: toLead,
  // Leads can wait unowned in a public pool; the last activity drives its reclaim rule.
  poolable: { lastActivityAt: t.lastActivityAt },
};

/**
 * A disqualified lead says why; a converted lead keeps its status for good (converting sets
 * it, nothing sets it back).
 */
async function validateLead(
  _ctx: Ctx,
  data: CreateLeadInput | UpdateLeadInput,
  current?: LeadRow,
): Promise<void> {
  if (current?.status === 'converted' && data.status !== undefined) {
    throw new AppError('conflict', 'This lead is converted; its status cannot change.', {
      errors: [{ path: 'status', message: 'a converted lead keeps its status', code: 'read_only' }],
    });
  }
  const status = data.status ?? current?.status ?? 'new';
  const reason =
    data.disqualifyReason !== undefined ? data.disqualifyReason : current?.disqualifyReason;
  if (status === 'disqualified' && !reason) {
    throw new AppError('validation_failed', 'disqualifyReason: say why the lead is disqualified', {
      errors: [
        {
          path: 'disqualifyReason',
          message: 'is required when the status is disqualified',
          code: 'required',
        },
      ],
    });
  }
}

/** The lead use cases (list, get, create, update, trash, restore, history). */
export const leadService = recordService<LeadRow, Lead, CreateLeadInput, UpdateLeadInput>(
  leadObject,
  {
    validate: validateLead,
    derive: registerDuplicateCheck('lead', leadObject, {
      nameColumn: t.name,
      keysColumn: t.matchKeys,
      keysOf: leadMatchKeys,
    }),
  },
);
export const {
  list: listLeads,
  get: getLead,
  create: createLead,
  update: updateLead,
  remove: deleteLead,
  restore: restoreLead,
  history: getLeadHistory,
} = leadService;

/** Where lead names are read, for pages that name several kinds of record at once. */
export const leadNameSource: NameSource = {
  object: 'lead',
  table: t,
  column: t.name,
};

/** Names of the given leads that the actor may see (trashed ones included). */
export const getLeadNames = (ctx: Ctx, ids: readonly string[]) =>
  recordNames(ctx, leadNameSource, ids);

/** Throws 404 unless the lead exists in this workspace, is live and visible to the actor. */
export async function assertLeadLinkable(ctx: Ctx, id: string): Promise<void> {
  await getRecord(ctx, leadObject, id);
}

/**
 * Records that an activity happened on the lead at `at`: `lastActivityAt` becomes the later of
 * the stored value and `at`. A derived value, so neither version nor history changes.
 */
export async function noteLeadActivity(ctx: Ctx, leadId: string, at: Date): Promise<void> {
  await ctx.db
    .update(t)
    .set({ lastActivityAt: sql`greatest(${t.lastActivityAt}, ${at.toISOString()}::timestamptz)` })
    .where(and(eq(t.workspaceId, ctx.actor.workspaceId), eq(t.id, leadId)));
}

/** Merges one lead into another (POST /leads/merge); converted leads stay as they are. */
export const mergeLeads = (ctx: Ctx, input: MergeInput) =>
  mergeRecords(ctx, leadObject, leadService, input, {
    assertMergeable(survivor, merged) {
      if (survivor.status === 'converted' || merged.status === 'converted') {
        throw new AppError('conflict', 'A converted lead cannot be merged.');
      }
    },
  });

type LinkColumn = 'convertedAccountId' | 'convertedContactId' | 'convertedOpportunityId';

/** Merging accounts, contacts or opportunities: converted leads point at the record kept. */
export const relinkConvertedLeads =
  (column: LinkColumn) =>
  async (ctx: Ctx, { from, to }: { from: string; to: string }): Promise<number> => {
    const moved = await ctx.db
      .update(t)
      .set({ [column]: to })
      .where(and(eq(t.workspaceId, ctx.actor.workspaceId), eq(t[column], from)))
      .returning({ id: t.id });
    return moved.length;
  };
