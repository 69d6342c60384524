import type { CreateOpportunityInput, Opportunity, Pipeline } from '@guanxi/contract';
import { textOrNull } from '../../lib/form-state';

/** What the opportunity form edits. `accountName` only labels the picked account. */
export type OpportunityFormValues = {
  name: string;
  accountId: string | null;
  accountName: string | null;
  contactId: string | null;
  pipelineId: string | null;
  stageId: string | null;
  amount: string;
  currency: string;
  /** Empty: the stage's probability. */
  probability: string;
  expectedCloseDate: string;
  forecastCategory: Opportunity['forecastCategory'];
  source: Opportunity['source'];
  campaign: string;
  competitors: string[];
  nextStep: string;
  lossReason: string;
  ownerId: string | null;
  notes: string;
};

/** Prefills of a new opportunity, e.g. from an account's page or a board column. */
export type OpportunityDefaults = {
  accountId?: string;
  accountName?: string;
  pipelineId?: string;
  stageId?: string;
};

export const opportunityToValues = (
  record: Opportunity | undefined,
  ownerId: string,
  context: { defaults?: OpportunityDefaults; pipelines: Pipeline[]; currency: string },
): OpportunityFormValues => {
  const { defaults = {}, pipelines } = context;
  const pipeline = pipelines.find((p) => p.id === defaults.pipelineId) ?? pipelines[0];
  const firstOpen = pipeline?.stages.find((s) => s.kind === 'open');
  return {
    name: record?.name ?? '',
    accountId: record ? record.accountId : (defaults.accountId ?? null),
    accountName: record ? (record.accountName ?? null) : (defaults.accountName ?? null),
    contactId: record?.contactId ?? null,
    pipelineId: record ? record.pipelineId : (pipeline?.id ?? null),
    stageId: record ? record.stageId : (defaults.stageId ?? firstOpen?.id ?? null),
    amount: record?.amount ?? '',
    currency: record?.currency ?? context.currency,
    probability: record ? String(record.probability) : '',
    expectedCloseDate: record?.expectedCloseDate ?? '',
    forecastCategory: record?.forecastCategory ?? null,
    source: record?.source ?? null,
    campaign: record?.campaign ?? '',
    competitors: record?.competitors ?? [],
    nextStep: record?.nextStep ?? '',
    lossReason: record?.lossReason ?? '',
    ownerId: record?.ownerId ?? ownerId,
    notes: record?.notes ?? '',
  };
};

export const valuesToInput = (v: OpportunityFormValues): CreateOpportunityInput => ({
  name: v.name.trim(),
  // Left out when not picked: the server then names the missing account in its answer.
  accountId: v.accountId ?? (undefined as unknown as string),
  contactId: v.contactId,
  pipelineId: v.pipelineId ?? undefined,
  stageId: v.stageId ?? undefined,
  amount: textOrNull(v.amount.replace(/[,\s]/g, '')),
  currency: v.currency,
  probability: v.probability.trim() === '' ? undefined : Number(v.probability),
  expectedCloseDate: textOrNull(v.expectedCloseDate),
  forecastCategory: v.forecastCategory === 'closed' ? undefined : (v.forecastCategory ?? undefined),
  source: v.source,
  campaign: textOrNull(v.campaign),
  competitors: v.competitors,
  nextStep: textOrNull(v.nextStep),
  lossReason: textOrNull(v.lossReason),
  ownerId: v.ownerId ?? undefined,
  notes: textOrNull(v.notes),
});
