import type { Contact, CreateContactInput } from '@guanxi/contract';
import { textOrNull } from '../../lib/form-state';

export const PHONE_LABELS = ['mobile', 'work', 'home', 'other'] as const;
export type PhoneLabel = (typeof PHONE_LABELS)[number];
export type PhoneRow = { key: string; label: PhoneLabel; number: string };

/** What the contact form edits. `accountName` and `reportsToName` only label the picked ones. */
export type ContactFormValues = {
  name: string;
  title: string;
  department: string;
  email: string;
  phones: PhoneRow[];
  wechat: string;
  buyingRole: Contact['buyingRole'];
  source: Contact['source'];
  campaign: string;
  accountId: string | null;
  accountName: string | null;
  reportsToId: string | null;
  reportsToName: string | null;
  ownerId: string | null;
  notes: string;
};

let rowSeq = 0;
export const newPhoneRow = (label: PhoneLabel = 'mobile', number = ''): PhoneRow => {
  rowSeq += 1;
  return { key: `phone-${rowSeq}`, label, number };
};

const asPhoneLabel = (label: string): PhoneLabel =>
  (PHONE_LABELS as readonly string[]).includes(label) ? (label as PhoneLabel) : 'other';

/** `phones.2.number` → the row the third sent phone came from. */
export const phoneRowErrors = (errors: Record<string, string>, sent: PhoneRow[]) => {
  const rows: Record<string, string> = {};
  for (const [path, message] of Object.entries(errors)) {
    const match = /^phones\.(\d+)/.exec(path);
    const row = match ? sent[Number(match[1])] : undefined;
    if (row) rows[row.key] = message;
  }
  return rows;
};

/** Prefills of a new contact: its account, and whom it reports to there. */
export type ContactDefaults = {
  accountId?: string;
  accountName?: string;
  reportsToId?: string;
  reportsToName?: string;
};

export const contactToValues = (
  contact: Contact | undefined,
  ownerId: string,
  defaults: ContactDefaults = {},
): ContactFormValues => ({
  name: contact?.name ?? '',
  title: contact?.title ?? '',
  department: contact?.department ?? '',
  email: contact?.email ?? '',
  phones: (contact?.phones ?? []).map((p) => newPhoneRow(asPhoneLabel(p.label), p.number)),
  wechat: contact?.wechat ?? '',
  buyingRole: contact?.buyingRole ?? null,
  source: contact?.source ?? null,
  campaign: contact?.campaign ?? '',
  accountId: contact ? contact.accountId : (defaults.accountId ?? null),
  accountName: contact ? (contact.accountName ?? null) : (defaults.accountName ?? null),
  reportsToId: contact ? contact.reportsToId : (defaults.reportsToId ?? null),
  reportsToName: contact ? (contact.reportsToName ?? null) : (defaults.reportsToName ?? null),
  ownerId: contact?.ownerId ?? ownerId,
  notes: contact?.notes ?? '',
});

export const valuesToInput = (v: ContactFormValues): CreateContactInput => ({
  name: v.name.trim(),
  title: textOrNull(v.title),
  department: textOrNull(v.department),
  email: textOrNull(v.email),
  phones: v.phones
    .filter((p) => p.number.trim() !== '')
    .map((p) => ({ label: p.label, number: p.number.trim() })),
  wechat: textOrNull(v.wechat),
  buyingRole: v.buyingRole,
  source: v.source,
  campaign: textOrNull(v.campaign),
  accountId: v.accountId,
  reportsToId: v.reportsToId,
  ownerId: v.ownerId ?? undefined,
  notes: textOrNull(v.notes),
});
