import {
  ACCOUNT_INDUSTRIES,
  ACCOUNT_SIZES,
  ACCOUNT_SOURCES,
  ACCOUNT_STATUSES,
  ACCOUNT_TIERS,
  type Account,
  type CreateAccountInput,
  type MergeInput,
  RESTRICTABLE_FIELDS,
  type UpdateAccountInput,
} from '@guanxi/contract';
import type { Ctx } from '../../platform/context.js';
import { registerDuplicateCheck } from '../../platform/duplicates.js';
import { mergeRecords } from '../../platform/merge.js';
import { pooledFieldsToApi } from '../../platform/pool-records.js';
import { type NameSource, recordNames } from '../../platform/record-names.js';
import { recordService } from '../../platform/record-service.js';
import { getRecord, type ObjectDef, recordMetaToApi } from '../../platform/records.js';
import { accountMatchKeys } from './accounts.duplicates.js';
import { accounts } from './accounts.tables.js';

type AccountRow = typeof accounts.$inferSelect;

const toAccount = (row: AccountRow): Account =>
  Object.assign(recordMetaToApi(row), pooledFieldsToApi(row), {
    name: row.name,
    industry: row.industry as Account['industry'],
    size: row.size as Account['size'],
    country: row.country,
    province: row.province,
    city: row.city,
    address: row.address,
    website: row.website,
    phone: row.phone,
    creditCode: row.creditCode,
    tier: row.tier as Account['tier'],
    source: row.source as Account['source'],
    campaign: row.campaign,
    status: row.status as Account['status'],
    tags: row.tags,
    notes: row.notes,
    lastActivityAt: row.lastActivityAt?.toISOString() ?? null,
    mergedIntoId: row.mergedIntoId,
  });

const t = accounts;
export const accountObject: ObjectDef<AccountRow, Account> = {
  object: 'account',
  label: 'Account',
  table: t,
  defaultSort: '-updatedAt',
  searchColumns: [t.name, t.website, t.phone, t.city, t.creditCode],
  // Every writable field: the name, the restrictable ones, the owner and custom values.
  auditFields: ['name', ...RESTRICTABLE_FIELDS.account, 'ownerId', 'poolId', 'custom'],
  fields: {
    id: { column: t.id, type: 'uuid' },
    name: { column: t.name, type: 'text', sortable: true },
    industry: { column: t.industry, type: 'enum', values: ACCOUNT_INDUSTRIES, sortable: true },
    size: { column: t.size, type: 'enum', values: ACCOUNT_SIZES },
    tier: { column: t.tier, type: 'enum', values: ACCOUNT_TIERS, sortable: true },
    status: { column: t.status, type: 'enum', values: ACCOUNT_STATUSES, sortable: true },
    source: { column: t.source, type: 'enum', values: ACCOUNT_SOURCES },
    campaign: { column: t.campaign, type: 'text' },
    creditCode: { column: t.creditCode, type: 'text' },
    country: { column: t.country, type: 'text' },
    province: { column: t.province, type: 'text' },
    city: { column: t.city, type: 'text', sortable: true },
    website: { column: t.website, type: 'text' },
    phone: { column: t.phone, type: 'text' },
    tags: { column: t.tags, type: 'tags' },
    ownerId: { column: t.ownerId, type: 'uuid' },
    poolId: { column: t.poolId, type: 'uuid' },
    pooledAt: { column: t.pooledAt, type: 'datetime', sortable: true },
    createdAt: { column: t.createdAt, type: 'datetime', sortable: true },
    updatedAt: { column: t.updatedAt, type: 'datetime', sortable: true },
    lastActivityAt: { column: t.lastActivityAt, type: 'datetime', sortable: true },
  },
  toApi: toAccount,
  // Accounts can wait unowned in a public pool; these columns drive its reclaim rules.
  poolable: { lastActivityAt: t.lastActivityAt, lastWonAt: t.lastWonAt },
};

/** The account use cases (list, get, create, update, trash, restore, history). */
export const accountService = recordService<
  AccountRow,
  Account,
  CreateAccountInput,
  UpdateAccountInput
>(accountObject, {
  derive: registerDuplicateCheck('account', accountObject, {
    nameColumn: t.name,
    keysColumn: t.matchKeys,
    keysOf: accountMatchKeys,
  }),
});
export const {
  list: listAccounts,
  get: getAccount,
  create: createAccount,
  update: updateAccount,
  remove: deleteAccount,
  restore: restoreAccount,
  history: getAccountHistory,
} = accountService;

/** Merges one account into another (POST /accounts/merge). */
export const mergeAccounts = (ctx: Ctx, input: MergeInput) =>
  mergeRecords(ctx, accountObject, accountService, input);

/** Where account names are read, for pages that name several kinds of record at once. */
export const accountNameSource: NameSource = {
  object: 'account',
  table: t,
  column: t.name,
};

/** Names of the given accounts that the actor may see (trashed ones included). */
export const getAccountNames = (ctx: Ctx, ids: readonly string[]) =>
  recordNames(ctx, accountNameSource, ids);

/** Throws 404 unless the account exists in this workspace, is live and visible to the actor. */
export async function assertAccountLinkable(ctx: Ctx, id: string): Promise<void> {
  await getRecord(ctx, accountObject, id);
}
