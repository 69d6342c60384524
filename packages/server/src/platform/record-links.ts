import { RECORD_LINK_FIELDS, type RecordLinkField } from '@guanxi/contract';
import { accountNameSource, assertAccountLinkable } from '../modules/accounts/index.js';
import { contactNameSource, getContact } from '../modules/contacts/index.js';
import { assertLeadLinkable, leadNameSource } from '../modules/leads/index.js';
import {
  assertOpportunityLinkable,
  opportunityNameSource,
} from '../modules/opportunities/index.js';
import type { Ctx } from './context.js';
import { AppError, type FieldError } from './errors.js';
import { namesOf } from './record-names.js';

// Links of activities and tasks to leads, accounts, contacts and opportunities: each link must
// be a live record the actor can see, at least one is required, and the account follows from a
// contact or an opportunity so an account's timeline shows everything that happened on it.

export type RecordLinks = Record<RecordLinkField, string | null>;
type LinkPatch = Partial<Record<RecordLinkField, string | null | undefined>>;

export const NO_LINKS: RecordLinks = {
  leadId: null,
  accountId: null,
  contactId: null,
  opportunityId: null,
};

const fieldError = (path: RecordLinkField, message: string, code: FieldError['code']) =>
  new AppError(code === 'not_found' ? 'not_found' : 'validation_failed', `${path}: ${message}`, {
    errors: [{ path, message, code }],
  });

/** Runs a visibility check; "not found" becomes a 404 naming the link field. */
async function checked<T>(path: RecordLinkField, what: string, check: () => Promise<T>) {
  try {
    return await check();
  } catch (error) {
    if (error instanceof AppError && error.code === 'not_found') {
      throw fieldError(path, `no such ${what}`, 'not_found');
    }
    throw error;
  }
}

/**
 * The links as they will be after a write of `patch` on `current` (undefined for a create):
 * new links are checked, and the account is filled in from the contact or opportunity when
 * the write does not set it. Throws a field error for an invisible link, a contact or
 * opportunity of another account, or no link at all.
 */
export async function resolveLinks(
  ctx: Ctx,
  patch: LinkPatch,
  current?: RecordLinks,
  opts: { required?: boolean } = {},
): Promise<RecordLinks> {
  const base: RecordLinks = current
    ? {
        leadId: current.leadId,
        accountId: current.accountId,
        contactId: current.contactId,
        opportunityId: current.opportunityId,
      }
    : NO_LINKS;
  const next: RecordLinks = { ...base };
  for (const field of RECORD_LINK_FIELDS) {
    if (patch[field] !== undefined) next[field] = patch[field];
  }
  const moved = (field: RecordLinkField) => next[field] !== base[field];
  const changed = (field: RecordLinkField) => next[field] !== null && moved(field);

  if (changed('leadId'))
    await checked('leadId', 'lead', () => assertLeadLinkable(ctx, next.leadId!));
  let contactAccount: string | null = null;
  if (next.contactId && (moved('contactId') || moved('accountId'))) {
    const contact = await checked('contactId', 'contact', () => getContact(ctx, next.contactId!));
    contactAccount = contact.accountId;
  }
  let opportunityAccount: string | null = null;
  if (next.opportunityId && (moved('opportunityId') || moved('accountId'))) {
    const opportunity = await checked('opportunityId', 'opportunity', () =>
      assertOpportunityLinkable(ctx, next.opportunityId!),
    );
    opportunityAccount = opportunity.accountId;
  }

  // The account of the linked contact or opportunity may be one the actor cannot open; it is
  // linked all the same (that is where the activity belongs). Any other account must be visible.
  const derived = opportunityAccount ?? contactAccount;
  if (
    changed('accountId') &&
    next.accountId !== contactAccount &&
    next.accountId !== opportunityAccount
  ) {
    await checked('accountId', 'account', () => assertAccountLinkable(ctx, next.accountId!));
  }
  // A contact's or opportunity's account is filled in when the write leaves the account empty
  // or changes the contact or opportunity without naming an account.
  const relinked = moved('contactId') || moved('opportunityId');
  if (derived && (next.accountId === null || (patch.accountId === undefined && relinked))) {
    next.accountId = derived;
  }
  if (opportunityAccount && contactAccount && opportunityAccount !== contactAccount) {
    throw fieldError(
      'contactId',
      'belongs to another account than the opportunity',
      'invalid_value',
    );
  }
  for (const [path, account] of [
    ['contactId', contactAccount],
    ['opportunityId', opportunityAccount],
  ] as const) {
    if (account && next.accountId && account !== next.accountId) {
      throw fieldError(path, 'belongs to another account than accountId', 'invalid_value');
    }
  }
  const none = !next.leadId && !next.accountId && !next.contactId && !next.opportunityId;
  if (none && opts.required !== false) {
    throw fieldError(
      'accountId',
      'link it to a lead, an account, a contact or an opportunity',
      'required',
    );
  }
  return next;
}

/**
 * The links a write sets, from the record as it will be (`next`, a create's values or an
 * update's row merged with the patch): those that differ from the stored row.
 */
export function linkPatch(next: Record<string, unknown>, current?: RecordLinks): LinkPatch {
  const patch: LinkPatch = {};
  for (const field of RECORD_LINK_FIELDS) {
    const value = (next[field] ?? null) as string | null;
    if (value !== (current?.[field] ?? null)) patch[field] = value;
  }
  return patch;
}

/** Linked records' names for a page of activities or tasks (one query for all four objects). */
export async function linkNames(ctx: Ctx, rows: RecordLinks[]) {
  const ids = (field: RecordLinkField) =>
    rows.map((r) => r[field]).filter((id): id is string => !!id);
  const [lead, account, contact, opportunity] = await namesOf(ctx, [
    [leadNameSource, ids('leadId')],
    [accountNameSource, ids('accountId')],
    [contactNameSource, ids('contactId')],
    [opportunityNameSource, ids('opportunityId')],
  ]);
  return { lead, account, contact, opportunity };
}
export type LinkNames = Awaited<ReturnType<typeof linkNames>>;

/** The API's link fields of one row, with the names the actor may see. */
export const linksToApi = (row: RecordLinks, names?: LinkNames) => ({
  leadId: row.leadId,
  accountId: row.accountId,
  contactId: row.contactId,
  opportunityId: row.opportunityId,
  leadName: row.leadId ? (names?.lead.get(row.leadId) ?? null) : null,
  accountName: row.accountId ? (names?.account.get(row.accountId) ?? null) : null,
  contactName: row.contactId ? (names?.contact.get(row.contactId) ?? null) : null,
  opportunityName: row.opportunityId ? (names?.opportunity.get(row.opportunityId) ?? null) : null,
});
