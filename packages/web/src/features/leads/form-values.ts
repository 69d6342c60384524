import type { CreateLeadInput, Lead } from '@guanxi/contract';
import { textOrNull } from '../../lib/form-state';
import { newPhoneRow, PHONE_LABELS, type PhoneLabel, type PhoneRow } from '../contacts/form-values';

/** What the lead form edits. Status changes go through the status actions, not the form. */
export type LeadFormValues = {
  name: string;
  company: string;
  title: string;
  email: string;
  phones: PhoneRow[];
  wechat: string;
  source: Lead['source'];
  campaign: string;
  industry: Lead['industry'];
  region: string;
  lifecycleStage: Lead['lifecycleStage'];
  ownerId: string | null;
  notes: string;
};

const asPhoneLabel = (label: string): PhoneLabel =>
  (PHONE_LABELS as readonly string[]).includes(label) ? (label as PhoneLabel) : 'other';

export const leadToValues = (lead: Lead | undefined, ownerId: string): LeadFormValues => ({
  name: lead?.name ?? '',
  company: lead?.company ?? '',
  title: lead?.title ?? '',
  email: lead?.email ?? '',
  phones: (lead?.phones ?? []).map((p) => newPhoneRow(asPhoneLabel(p.label), p.number)),
  wechat: lead?.wechat ?? '',
  source: lead?.source ?? null,
  campaign: lead?.campaign ?? '',
  industry: lead?.industry ?? null,
  region: lead?.region ?? '',
  lifecycleStage: lead?.lifecycleStage ?? 'lead',
  ownerId: lead ? lead.ownerId : ownerId,
  notes: lead?.notes ?? '',
});

export const valuesToInput = (v: LeadFormValues): CreateLeadInput => ({
  name: v.name.trim(),
  company: textOrNull(v.company),
  title: textOrNull(v.title),
  email: textOrNull(v.email),
  phones: v.phones
    .filter((p) => p.number.trim() !== '')
    .map((p) => ({ label: p.label, number: p.number.trim() })),
  wechat: textOrNull(v.wechat),
  source: v.source,
  campaign: textOrNull(v.campaign),
  industry: v.industry,
  region: textOrNull(v.region),
  lifecycleStage: v.lifecycleStage,
  ownerId: v.ownerId ?? undefined,
  notes: textOrNull(v.notes),
});
