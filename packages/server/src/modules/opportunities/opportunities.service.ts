import {
  type CreateOpportunityInput,
  FORECAST_CATEGORIES,
  OPPORTUNITY_SOURCES,
  type Opportunity,
  RESTRICTABLE_FIELDS,
  type UpdateOpportunityInput,
} from '@guanxi/contract';
import type { Ctx } from '../../platform/context.js';
import { type NameSource, recordNames } from '../../platform/record-names.js';
import { recordService } from '../../platform/record-service.js';
import { getRecord, type ObjectDef, recordMetaToApi } from '../../platform/records.js';
import { getAccountNames } from '../accounts/index.js';
import { opportunities } from './opportunities.tables.js';
import {
  afterOpportunityWrite,
  deriveOpportunity,
  validateOpportunity,
} from './opportunity-rules.js';

export type OpportunityRow = typeof opportunities.$inferSelect;

export const toOpportunity = (
  row: OpportunityRow,
  accountNames?: Map<string, string>,
): Opportunity =>
  Object.assign(recordMetaToApi(row), {
    name: row.name,
    accountId: row.accountId,
    accountName: accountNames?.get(row.accountId) ?? null,
    contactId: row.contactId,
    pipelineId: row.pipelineId,
    stageId: row.stageId,
    amount: row.amount,
    currency: row.currency,
    probability: row.probability,
    expectedCloseDate: row.expectedCloseDate,
    forecastCategory: row.forecastCategory as Opportunity['forecastCategory'],
    source: row.source as Opportunity['source'],
    campaign: row.campaign,
    competitors: row.competitors,
    nextStep: row.nextStep,
    lossReason: row.lossReason,
    closedAt: row.closedAt?.toISOString() ?? null,
    stageEnteredAt: row.stageEnteredAt.toISOString(),
    ownerId: row.ownerId,
    notes: row.notes,
  });

const t = opportunities;
export const opportunityObject: ObjectDef<OpportunityRow, Opportunity> = {
  object: 'opportunity',
  label: 'Opportunity',
  table: t,
  defaultSort: '-updatedAt',
  searchColumns: [t.name, t.nextStep, t.campaign],
  // Every writable field, and those the stage sets (probability, forecast, close time).
  auditFields: [
    'name',
    'accountId',
    'contactId',
    'pipelineId',
    'stageId',
    'currency',
    'probability',
    'closedAt',
    'campaign',
    ...RESTRICTABLE_FIELDS.opportunity,
    'ownerId',
    'custom',
  ],
  fields: {
    id: { column: t.id, type: 'uuid' },
    name: { column: t.name, type: 'text', sortable: true },
    accountId: { column: t.accountId, type: 'uuid' },
    contactId: { column: t.contactId, type: 'uuid' },
    pipelineId: { column: t.pipelineId, type: 'uuid' },
    stageId: { column: t.stageId, type: 'uuid' },
    amount: { column: t.amount, type: 'number', sortable: true },
    currency: { column: t.currency, type: 'text' },
    probability: { column: t.probability, type: 'number', sortable: true },
    expectedCloseDate: { column: t.expectedCloseDate, type: 'date', sortable: true },
    forecastCategory: { column: t.forecastCategory, type: 'enum', values: FORECAST_CATEGORIES },
    source: { column: t.source, type: 'enum', values: OPPORTUNITY_SOURCES },
    campaign: { column: t.campaign, type: 'text' },
    competitors: { column: t.competitors, type: 'tags' },
    nextStep: { column: t.nextStep, type: 'text' },
    closedAt: { column: t.closedAt, type: 'datetime', sortable: true },
    ownerId: { column: t.ownerId, type: 'uuid' },
    createdAt: { column: t.createdAt, type: 'datetime', sortable: true },
    updatedAt: { column: t.updatedAt, type: 'datetime', sortable: true },
  },
  toApi: (row) => toOpportunity(row),
  derivedFields: { accountId: ['accountName'] },
};

/** Where opportunity names are read, for pages that name several kinds of record at once. */
export const opportunityNameSource: NameSource = {
  object: 'opportunity',
  table: t,
  column: t.name,
};

/** Names of the given opportunities that the actor may see (trashed ones included). */
export const getOpportunityNames = (ctx: Ctx, ids: readonly string[]) =>
  recordNames(ctx, opportunityNameSource, ids);

/** Opportunities with the names of their accounts the actor can see. */
export async function presentOpportunities(
  ctx: Ctx,
  rows: OpportunityRow[],
): Promise<Opportunity[]> {
  const names = await getAccountNames(ctx, [...new Set(rows.map((r) => r.accountId))]);
  return rows.map((r) => toOpportunity(r, names));
}

/**
 * The opportunity use cases: the shared data layer plus the stage rules (required fields, loss
 * reason, probability, forecast, close time), the stage history and the account's last win.
 */
export const opportunityService = recordService<
  OpportunityRow,
  Opportunity,
  CreateOpportunityInput,
  UpdateOpportunityInput
>(opportunityObject, {
  present: presentOpportunities,
  validate: validateOpportunity,
  derive: deriveOpportunity,
  afterWrite: afterOpportunityWrite,
});

export const {
  list: listOpportunities,
  get: getOpportunity,
  create: createOpportunity,
  update: updateOpportunity,
  remove: deleteOpportunity,
  restore: restoreOpportunity,
  history: getOpportunityHistory,
} = opportunityService;

/** Throws 404 unless the opportunity is live and visible to the actor; answers its account. */
export async function assertOpportunityLinkable(
  ctx: Ctx,
  id: string,
): Promise<{ accountId: string }> {
  const row = await getRecord(ctx, opportunityObject, id);
  return { accountId: row.accountId };
}
