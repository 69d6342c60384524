import {
  ACCOUNT_SOURCES,
  BUYING_ROLES,
  type Contact,
  type CreateContactInput,
  type MergeInput,
  RESTRICTABLE_FIELDS,
  type UpdateContactInput,
} from '@guanxi/contract';
import { and, eq, sql } from 'drizzle-orm';
import { recordChange } from '../../platform/audit.js';
import type { Ctx } from '../../platform/context.js';
import { registerDuplicateCheck } from '../../platform/duplicates.js';
import { AppError } from '../../platform/errors.js';
import { mergeRecords } from '../../platform/merge.js';
import { type NameSource, namesOf, recordNames } from '../../platform/record-names.js';
import { recordService } from '../../platform/record-service.js';
import { type ObjectDef, recordMetaToApi } from '../../platform/records.js';
import { accountNameSource, assertAccountLinkable } from '../accounts/index.js';
import { contactMatchKeys } from './contacts.duplicates.js';
import { contacts } from './contacts.tables.js';
import { assertValidManager, detachDirectReports, managerAfterAccountChange } from './org-chart.js';
import { withOrgChartLock } from './org-chart-lock.js';

type ContactRow = typeof contacts.$inferSelect;

type LinkedNames = { accounts?: Map<string, string>; contacts?: Map<string, string> };

const toContact = (row: ContactRow, names: LinkedNames = {}): Contact =>
  Object.assign(recordMetaToApi(row), {
    name: row.name,
    title: row.title,
    department: row.department,
    email: row.email,
    phones: row.phones,
    wechat: row.wechat,
    buyingRole: row.buyingRole as Contact['buyingRole'],
    source: row.source as Contact['source'],
    campaign: row.campaign,
    accountId: row.accountId,
    accountName: row.accountId ? (names.accounts?.get(row.accountId) ?? null) : null,
    reportsToId: row.reportsToId,
    reportsToName: row.reportsToId ? (names.contacts?.get(row.reportsToId) ?? null) : null,
    notes: row.notes,
    mergedIntoId: row.mergedIntoId,
  });

const t = contacts;
export const contactObject: ObjectDef<ContactRow, Contact> = {
  object: 'contact',
  label: 'Contact',
  table: t,
  defaultSort: '-updatedAt',
  searchColumns: [t.name, t.email, t.wechat, t.title],
  // Every writable field: the name, the restrictable ones, the owner and custom values.
  auditFields: ['name', ...RESTRICTABLE_FIELDS.contact, 'ownerId', 'custom'],
  fields: {
    id: { column: t.id, type: 'uuid' },
    name: { column: t.name, type: 'text', sortable: true },
    title: { column: t.title, type: 'text', sortable: true },
    department: { column: t.department, type: 'text' },
    email: { column: t.email, type: 'text', sortable: true },
    wechat: { column: t.wechat, type: 'text' },
    buyingRole: { column: t.buyingRole, type: 'enum', values: BUYING_ROLES },
    source: { column: t.source, type: 'enum', values: ACCOUNT_SOURCES },
    campaign: { column: t.campaign, type: 'text' },
    accountId: { column: t.accountId, type: 'uuid' },
    reportsToId: { column: t.reportsToId, type: 'uuid' },
    ownerId: { column: t.ownerId, type: 'uuid' },
    createdAt: { column: t.createdAt, type: 'datetime', sortable: true },
    updatedAt: { column: t.updatedAt, type: 'datetime', sortable: true },
  },
  toApi: (row) => toContact(row),
  derivedFields: { accountId: ['accountName'], reportsToId: ['reportsToName'] },
};

/** Where contact names are read, for pages that name several kinds of record at once. */
export const contactNameSource: NameSource = {
  object: 'contact',
  table: t,
  column: t.name,
};

/** Names of the given contacts that the actor may see (trashed ones included). */
export const getContactNames = (ctx: Ctx, ids: readonly string[]) =>
  recordNames(ctx, contactNameSource, ids);

const linkedIds = (rows: ContactRow[], link: (row: ContactRow) => string | null) => [
  ...new Set(rows.map(link).filter((id): id is string => !!id)),
];

/** Contacts with the names of their account and manager, where the actor may see those. */
async function withLinkedNames(ctx: Ctx, rows: ContactRow[]): Promise<Contact[]> {
  const [accounts, contacts] = await namesOf(ctx, [
    [accountNameSource, linkedIds(rows, (r) => r.accountId)],
    [contactNameSource, linkedIds(rows, (r) => r.reportsToId)],
  ]);
  return rows.map((r) => toContact(r, { accounts, contacts }));
}

/** A contact may only point at a live account the actor can see; otherwise 404 on accountId. */
async function assertLinkable(ctx: Ctx, accountId: string | null | undefined) {
  if (!accountId) return;
  try {
    await assertAccountLinkable(ctx, accountId);
  } catch (error) {
    if (error instanceof AppError && error.code === 'not_found') {
      throw new AppError('not_found', 'The linked account was not found.', {
        errors: [{ path: 'accountId', message: 'no such account', code: 'not_found' }],
      });
    }
    throw error;
  }
}

const duplicateKeys = registerDuplicateCheck('contact', contactObject, {
  nameColumn: t.name,
  keysColumn: t.matchKeys,
  keysOf: contactMatchKeys,
});

/** A contact moved to another account: its reports there now report to no one, each audited. */
async function leaveDirectReports(ctx: Ctx, contact: ContactRow) {
  for (const row of await detachDirectReports(ctx, contact)) {
    await recordChange(ctx, ctx.db, {
      objectType: 'contact',
      recordId: row.id,
      action: 'update',
      changes: [{ field: 'reportsToId', old: contact.id, new: null }],
      at: row.updatedAt,
      payload: toContact(row),
    });
  }
}

/**
 * The contact use cases; a contact shows its account's and its manager's names, may only link a
 * visible account and reports to someone at the same account (org-chart.ts).
 */
const rules = recordService<ContactRow, Contact, CreateContactInput, UpdateContactInput>(
  contactObject,
  {
    present: withLinkedNames,
    async validate(ctx, data, current) {
      await assertLinkable(ctx, data.accountId);
      await assertValidManager(ctx, data, current);
    },
    async derive(next, ctx, current) {
      return {
        ...(await duplicateKeys(next, ctx, current)),
        ...managerAfterAccountChange(next, current),
      };
    },
    afterWrite: async (ctx, { action, before, after }) => {
      if (action === 'update' && before && before.accountId !== after.accountId) {
        await leaveDirectReports(ctx, after);
      }
    },
  },
);

/** The contact use cases; an update that may change the org chart takes its lock first. */
export const contactService: typeof rules = {
  ...rules,
  update: (ctx, args) => withOrgChartLock(ctx, args.data, (locked) => rules.update(locked, args)),
};
export const {
  list: listContacts,
  get: getContact,
  create: createContact,
  update: updateContact,
  remove: deleteContact,
  restore: restoreContact,
  history: getContactHistory,
} = contactService;

/** Merges one contact into another (POST /contacts/merge). */
export const mergeContacts = (ctx: Ctx, input: MergeInput) =>
  mergeRecords(ctx, contactObject, contactService, input);

/** Merging two accounts: their contacts (trashed ones too) move to the account kept. */
export async function relinkAccountContacts(
  ctx: Ctx,
  { from, to }: { from: string; to: string },
): Promise<number> {
  const moved = await ctx.db
    .update(t)
    .set({
      accountId: to,
      version: sql`${t.version} + 1`,
      updatedAt: ctx.now(),
      updatedBy: ctx.actor.userId,
    })
    .where(and(eq(t.workspaceId, ctx.actor.workspaceId), eq(t.accountId, from)))
    .returning({ id: t.id });
  return moved.length;
}
