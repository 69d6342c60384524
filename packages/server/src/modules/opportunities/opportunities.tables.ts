import { sql } from 'drizzle-orm';
import {
  bigint,
  boolean,
  date,
  foreignKey,
  index,
  integer,
  numeric,
  pgTable,
  primaryKey,
  text,
  unique,
  uuid,
} from 'drizzle-orm/pg-core';
import { ownerIndex, recordColumns, ts } from '../../db/columns.js';
import { accounts } from '../accounts/accounts.tables.js';
import { contacts } from '../contacts/contacts.tables.js';
import { memberForeignKey, members } from '../identity/identity.tables.js';

/** A workspace's sales processes (per business line); the lowest position is the default. */
export const pipelines = pgTable(
  'pipelines',
  {
    workspaceId: uuid('workspace_id').notNull(),
    id: uuid('id').notNull(),
    name: text('name').notNull(),
    position: integer('position').notNull(),
    createdAt: ts('created_at').notNull().defaultNow(),
    updatedAt: ts('updated_at').notNull().defaultNow(),
  },
  (t) => [
    primaryKey({ columns: [t.workspaceId, t.id] }),
    unique('pipelines_name_key').on(t.workspaceId, t.name),
  ],
);

export const pipelineStages = pgTable(
  'pipeline_stages',
  {
    workspaceId: uuid('workspace_id').notNull(),
    id: uuid('id').notNull(),
    pipelineId: uuid('pipeline_id').notNull(),
    name: text('name').notNull(),
    probability: integer('probability').notNull(),
    kind: text('kind').$type<'open' | 'won' | 'lost'>().notNull(),
    requiredFields: text('required_fields').array().notNull().default(sql`'{}'::text[]`),
    position: integer('position').notNull(),
    createdAt: ts('created_at').notNull().defaultNow(),
  },
  (t) => [
    primaryKey({ columns: [t.workspaceId, t.id] }),
    // Lets opportunities reference (pipeline, stage) together: a stage of another pipeline fails.
    unique('pipeline_stages_pipeline_stage_key').on(t.workspaceId, t.pipelineId, t.id),
    unique('pipeline_stages_name_key').on(t.workspaceId, t.pipelineId, t.name),
    foreignKey({
      columns: [t.workspaceId, t.pipelineId],
      foreignColumns: [pipelines.workspaceId, pipelines.id],
    }).onDelete('cascade'),
  ],
);

export const opportunities = pgTable(
  'opportunities',
  {
    ...recordColumns(),
    name: text('name').notNull(),
    accountId: uuid('account_id').notNull(),
    /** The primary contact. */
    contactId: uuid('contact_id'),
    pipelineId: uuid('pipeline_id').notNull(),
    stageId: uuid('stage_id').notNull(),
    amount: numeric('amount', { precision: 18, scale: 2 }),
    currency: text('currency').notNull(),
    probability: integer('probability').notNull(),
    expectedCloseDate: date('expected_close_date', { mode: 'string' }),
    forecastCategory: text('forecast_category').notNull(),
    source: text('source'),
    campaign: text('campaign'),
    competitors: text('competitors').array().notNull().default(sql`'{}'::text[]`),
    nextStep: text('next_step'),
    lossReason: text('loss_reason'),
    closedAt: ts('closed_at'),
    /** When the opportunity entered its current stage: the time spent there is measured from it. */
    stageEnteredAt: ts('stage_entered_at').notNull(),
    ownerId: uuid('owner_id').notNull(),
    notes: text('notes'),
  },
  (t) => [
    primaryKey({ columns: [t.workspaceId, t.id] }),
    memberForeignKey(t.workspaceId, t.ownerId),
    foreignKey({
      columns: [t.workspaceId, t.accountId],
      foreignColumns: [accounts.workspaceId, accounts.id],
    }),
    foreignKey({
      columns: [t.workspaceId, t.contactId],
      foreignColumns: [contacts.workspaceId, contacts.id],
    }),
    foreignKey({
      columns: [t.workspaceId, t.pipelineId, t.stageId],
      foreignColumns: [pipelineStages.workspaceId, pipelineStages.pipelineId, pipelineStages.id],
    }),
    // Lists sort by -updatedAt unless told otherwise (nulls last, then id): these two serve the
    // first page and every cursor page of the whole list and of one owner's records.
    ownerIndex('opportunities_owner_idx', t),
    index('opportunities_account_idx').on(t.workspaceId, t.accountId),
    index('opportunities_contact_idx').on(t.workspaceId, t.contactId),
    index('opportunities_name_idx').on(t.workspaceId, t.name, t.id),
    index('opportunities_updated_idx').on(t.workspaceId, t.updatedAt.desc().nullsLast(), t.id),
    index('opportunities_close_idx').on(t.workspaceId, t.expectedCloseDate, t.id),
    // The working list: open deals by recency. Most of a CRM's deals are closed (won or lost over
    // the years), so the whole-list index walks thousands of them to fill a page of open ones;
    // any filter that implies "not closed" (forecast category commit, best case) uses this one.
    index('opportunities_open_updated_idx')
      .on(t.workspaceId, t.updatedAt.desc().nullsLast(), t.id)
      .where(sql`${t.deletedAt} is null and ${t.forecastCategory} <> 'closed'`),
    // A pipeline's or a stage's deals, the trash included: what the stage foreign key checks when
    // a stage is deleted, and what "still holds n opportunities" counts (the board's are partial).
    index('opportunities_stage_idx').on(t.workspaceId, t.pipelineId, t.stageId),
    // Board: totals per stage of a pipeline, and each column's cards in either board order.
    index('opportunities_board_totals_idx')
      .on(t.workspaceId, t.pipelineId, t.stageId, t.currency)
      .where(sql`${t.deletedAt} is null`),
    index('opportunities_board_close_idx')
      .on(t.workspaceId, t.stageId, t.expectedCloseDate, t.id)
      .where(sql`${t.deletedAt} is null`),
    index('opportunities_board_updated_idx')
      .on(t.workspaceId, t.stageId, t.updatedAt.desc().nullsLast(), t.id)
      .where(sql`${t.deletedAt} is null`),
    // Search (`q`) matches any of name, next step and campaign: one trigram index per column
    // lets the OR run as a union of index scans instead of reading every opportunity.
    index('opportunities_name_trgm_idx').using('gin', sql`${t.name} gin_trgm_ops`),
    index('opportunities_next_step_trgm_idx').using('gin', sql`${t.nextStep} gin_trgm_ops`),
    index('opportunities_campaign_trgm_idx').using('gin', sql`${t.campaign} gin_trgm_ops`),
    // Two-character Chinese terms have no trigram: their character pairs (migration 0008).
    index('opportunities_search_bigrams_idx').using(
      'gin',
      sql`gx_cjk_bigrams(${t.name})`,
      sql`gx_cjk_bigrams(${t.nextStep})`,
      sql`gx_cjk_bigrams(${t.campaign})`,
    ),
  ],
);

/** Every stage change of an opportunity, the first stage at create included. */
export const opportunityStageHistory = pgTable(
  'opportunity_stage_history',
  {
    workspaceId: uuid('workspace_id').notNull(),
    id: uuid('id').notNull(),
    opportunityId: uuid('opportunity_id').notNull(),
    // No foreign keys to stages: history outlives a stage that is later deleted.
    fromStageId: uuid('from_stage_id'),
    toStageId: uuid('to_stage_id').notNull(),
    at: ts('at').notNull(),
    actorId: uuid('actor_id'),
    /** Seconds spent in the stage that was left (null for the first stage). */
    durationSeconds: bigint('duration_seconds', { mode: 'number' }),
  },
  (t) => [
    primaryKey({ columns: [t.workspaceId, t.id] }),
    foreignKey({
      columns: [t.workspaceId, t.opportunityId],
      foreignColumns: [opportunities.workspaceId, opportunities.id],
    }),
    index('opportunity_stage_history_opportunity_idx').on(t.workspaceId, t.opportunityId, t.at),
  ],
);

/** The people involved in a deal with their buying roles; one of them may be the primary. */
export const opportunityContacts = pgTable(
  'opportunity_contacts',
  {
    workspaceId: uuid('workspace_id').notNull(),
    opportunityId: uuid('opportunity_id').notNull(),
    contactId: uuid('contact_id').notNull(),
    buyingRole: text('buying_role'),
    isPrimary: boolean('is_primary').notNull().default(false),
  },
  (t) => [
    primaryKey({ columns: [t.workspaceId, t.opportunityId, t.contactId] }),
    foreignKey({
      columns: [t.workspaceId, t.opportunityId],
      foreignColumns: [opportunities.workspaceId, opportunities.id],
    }).onDelete('cascade'),
    foreignKey({
      columns: [t.workspaceId, t.contactId],
      foreignColumns: [contacts.workspaceId, contacts.id],
    }),
    index('opportunity_contacts_contact_idx').on(t.workspaceId, t.contactId),
  ],
);

/**
 * The board's totals kept as the opportunities change: per pipeline stage, owner and currency,
 * how many live opportunities there are and their amounts (summed exactly; `amountCount` of them
 * have one) and probability-weighted amounts (sum of amount × probability, not yet divided by
 * 100). The opportunities' write hooks keep it exact in the write's transaction, so the board
 * reads a few rows instead of aggregating every deal of the pipeline on each view.
 */
export const opportunityBoardTotals = pgTable(
  'opportunity_board_totals',
  {
    workspaceId: uuid('workspace_id').notNull(),
    pipelineId: uuid('pipeline_id').notNull(),
    stageId: uuid('stage_id').notNull(),
    ownerId: uuid('owner_id').notNull(),
    currency: text('currency').notNull(),
    count: integer('count').notNull(),
    amountCount: integer('amount_count').notNull(),
    amount: numeric('amount').notNull(),
    weighted: numeric('weighted').notNull(),
  },
  (t) => [
    primaryKey({
      name: 'opportunity_board_totals_pk',
      columns: [t.workspaceId, t.pipelineId, t.stageId, t.ownerId, t.currency],
    }),
    foreignKey({
      name: 'opportunity_board_totals_owner_fk',
      columns: [t.workspaceId, t.ownerId],
      foreignColumns: [members.workspaceId, members.userId],
    }),
    // A stage can only be deleted once no opportunity is in it: its (zero) totals go with it.
    foreignKey({
      name: 'opportunity_board_totals_stage_fk',
      columns: [t.workspaceId, t.pipelineId, t.stageId],
      foreignColumns: [pipelineStages.workspaceId, pipelineStages.pipelineId, pipelineStages.id],
    }).onDelete('cascade'),
  ],
);
