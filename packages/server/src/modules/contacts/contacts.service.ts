import {
  BUYING_ROLES,
  type Contact,
  type CreateContactInput,
  RESTRICTABLE_FIELDS,
  type UpdateContactInput,
} from '@guanxi/contract';
import type { Ctx } from '../../platform/context.js';
import { AppError } from '../../platform/errors.js';
import { recordService } from '../../platform/record-service.js';
import { type ObjectDef, recordMetaToApi } from '../../platform/records.js';
import { assertAccountLinkable, getAccountNames } from '../accounts/index.js';
import { contacts } from './contacts.tables.js';

type ContactRow = typeof contacts.$inferSelect;

const toContact = (row: ContactRow, accountNames?: Map<string, string>): Contact => ({
  ...recordMetaToApi(row),
  name: row.name,
  title: row.title,
  department: row.department,
  email: row.email,
  phones: row.phones,
  wechat: row.wechat,
  buyingRole: row.buyingRole as Contact['buyingRole'],
  accountId: row.accountId,
  accountName: row.accountId ? (accountNames?.get(row.accountId) ?? null) : null,
  notes: row.notes,
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
    accountId: { column: t.accountId, type: 'uuid' },
    ownerId: { column: t.ownerId, type: 'uuid' },
    createdAt: { column: t.createdAt, type: 'datetime', sortable: true },
    updatedAt: { column: t.updatedAt, type: 'datetime', sortable: true },
  },
  toApi: (row) => toContact(row),
  derivedFields: { accountId: ['accountName'] },
};

async function withAccountNames(ctx: Ctx, rows: ContactRow[]): Promise<Contact[]> {
  const ids = [...new Set(rows.map((r) => r.accountId).filter((id): id is string => !!id))];
  const names = await getAccountNames(ctx, ids);
  return rows.map((r) => toContact(r, names));
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

/** The contact use cases; a contact shows its account's name and may only link a visible one. */
export const contactService = recordService<
  ContactRow,
  Contact,
  CreateContactInput,
  UpdateContactInput
>(contactObject, {
  present: withAccountNames,
  validate: (ctx, data) => assertLinkable(ctx, data.accountId),
});
export const {
  list: listContacts,
  get: getContact,
  create: createContact,
  update: updateContact,
  remove: deleteContact,
  restore: restoreContact,
  history: getContactHistory,
} = contactService;
