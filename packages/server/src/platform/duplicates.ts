import {
  DEFAULT_DUPLICATE_RULES,
  DUPLICATE_OBJECTS,
  DUPLICATE_RULE_KEYS,
  type DuplicateMatch,
  type DuplicateObject,
  type DuplicateRules,
  type UpdateDuplicateRulesInput,
} from '@guanxi/contract';
import { and, arrayOverlaps, eq, isNull, ne, sql } from 'drizzle-orm';
import type { PgColumn } from 'drizzle-orm/pg-core';
import { type Executor, rowsOf } from '../db/client.js';
import { getUserNames } from '../modules/identity/index.js';
import { auditedWrite } from './audit.js';
import type { Ctx } from './context.js';
import { kindOf, type MatchKind } from './duplicate-keys.js';
import { duplicateRules } from './duplicates.tables.js';
import { AppError } from './errors.js';
import { registerJobHandler } from './jobs.js';
import { objectPermission, requireWorkspaceAdmin, scopeOwnerIds } from './permissions.js';
import type { ObjectDef, StoredRecord } from './records.js';

// The duplicate check (查重): objects declare how their records turn into match keys; rules per
// workspace say which keys count; creates and updates that add a matching key answer 409
// `duplicate` unless the caller confirmed (ctx.allowDuplicates).

type RuleKey<O extends DuplicateObject> = (typeof DUPLICATE_RULE_KEYS)[O][number];

/** Which stored key kind each rule compares. */
const RULE_KIND: { [O in DuplicateObject]: Record<RuleKey<O>, MatchKind> } = {
  account: { name: 'company', creditCode: 'credit', domain: 'domain', phone: 'phone' },
  contact: { email: 'email', phone: 'phone' },
  lead: { email: 'email', phone: 'phone', company: 'company', domain: 'domain' },
};

/** Where a record of each object looks for duplicates, and on which key kinds. */
const TARGETS: Record<DuplicateObject, Partial<Record<DuplicateObject, MatchKind[]>>> = {
  account: { account: ['company', 'credit', 'domain', 'phone'] },
  contact: { contact: ['email', 'phone'] },
  lead: {
    lead: ['email', 'phone', 'company', 'domain'],
    contact: ['email', 'phone'],
    account: ['company', 'domain'],
  },
};

/** Turns a record (stored row, or a row as it will be) into its match keys. */
export type KeysOf = (record: Record<string, unknown>) => string[];

type Source = {
  def: ObjectDef<StoredRecord, Record<string, unknown>>;
  nameColumn: PgColumn;
  keysColumn: PgColumn;
  keysOf: KeysOf;
};
const sources = new Map<DuplicateObject, Source>();

const MAX_PER_OBJECT = 20;

/** The workspace's rules: what an administrator saved, else the defaults. */
export async function getDuplicateRules(ctx: Ctx): Promise<DuplicateRules> {
  const rows = await ctx.db
    .select({ object: duplicateRules.object, keys: duplicateRules.keys })
    .from(duplicateRules)
    .where(eq(duplicateRules.workspaceId, ctx.actor.workspaceId));
  const rules: Record<string, string[]> = {};
  for (const object of DUPLICATE_OBJECTS) {
    const allowed: readonly string[] = DUPLICATE_RULE_KEYS[object];
    const saved = rows.find((r) => r.object === object)?.keys;
    rules[object] = saved
      ? saved.filter((k) => allowed.includes(k))
      : [...DEFAULT_DUPLICATE_RULES[object]];
  }
  return rules as DuplicateRules;
}

/** Replaces the workspace's rules (administrators only), audited as one change. */
export async function updateDuplicateRules(
  ctx: Ctx,
  input: UpdateDuplicateRulesInput,
): Promise<DuplicateRules> {
  requireWorkspaceAdmin(ctx);
  const before = await getDuplicateRules(ctx);
  return auditedWrite(ctx, 'duplicateRules', async (tx) => {
    const now = ctx.now();
    for (const object of DUPLICATE_OBJECTS) {
      const values = {
        workspaceId: ctx.actor.workspaceId,
        object,
        keys: input[object],
        updatedAt: now,
        updatedBy: ctx.actor.userId,
      };
      await tx
        .insert(duplicateRules)
        .values(values)
        .onConflictDoUpdate({
          target: [duplicateRules.workspaceId, duplicateRules.object],
          set: { keys: values.keys, updatedAt: now, updatedBy: ctx.actor.userId },
        });
    }
    const after: DuplicateRules = { ...input };
    return {
      recordId: ctx.actor.workspaceId,
      action: 'update',
      before,
      after,
      fields: DUPLICATE_OBJECTS,
      result: after,
    };
  });
}

/** Is the record of `object` owned by `ownerId` one the actor may open? */
async function canOpen(ctx: Ctx, object: DuplicateObject, ownerId: string | null) {
  if (!objectPermission(ctx, object).read) return false;
  const ids = await scopeOwnerIds(ctx, object);
  return ids === null || (ownerId !== null && ids.includes(ownerId));
}

/**
 * Live records of the workspace that share an enabled key with `keys` (a record of `object`),
 * across the objects it is compared with. Only names and owners are revealed.
 */
export async function findDuplicatesByKeys(
  ctx: Ctx,
  object: DuplicateObject,
  keys: string[],
  opts: { excludeId?: string } = {},
): Promise<DuplicateMatch[]> {
  const rules = (await getDuplicateRules(ctx))[object] as RuleKey<typeof object>[];
  const kindRules = RULE_KIND[object] as Record<string, MatchKind>;
  const ruleOfKind = new Map(rules.map((rule) => [kindRules[rule], rule]));
  const enabled = keys.filter((k) => ruleOfKind.has(kindOf(k)));
  const found: (Omit<DuplicateMatch, 'ownerName' | 'visible'> & { ownerId: string | null })[] = [];
  for (const [target, kinds] of Object.entries(TARGETS[object]) as [
    DuplicateObject,
    MatchKind[],
  ][]) {
    const source = sources.get(target);
    const targetKeys = enabled.filter((k) => kinds.includes(kindOf(k)));
    if (!source || targetKeys.length === 0) continue;
    const { table } = source.def;
    // Keys are nearly unique, so the planner cannot estimate the overlap and, with a LIMIT,
    // would rather read the whole table hoping to find matches early (seconds at a million
    // contacts). Materialized, the candidates are found on their own: through the GIN index.
    const matching = and(
      eq(table.workspaceId, ctx.actor.workspaceId),
      isNull(table.deletedAt),
      arrayOverlaps(source.keysColumn, targetKeys),
      opts.excludeId && target === object ? ne(table.id, opts.excludeId) : undefined,
    );
    const rows = rowsOf<{ id: string; name: string; owner_id: string | null; keys: string[] }>(
      await ctx.db.execute(sql`
        with candidates as materialized (
          select ${table.id} as id, ${source.nameColumn} as name, ${table.ownerId} as owner_id,
            ${source.keysColumn} as keys
          from ${table} where ${matching})
        select * from candidates limit ${MAX_PER_OBJECT}`),
    ).map((r) => ({ id: r.id, name: r.name, ownerId: r.owner_id, keys: r.keys }));
    for (const row of rows) {
      const shared = targetKeys.filter((k) => row.keys.includes(k));
      const matchedOn = [...new Set(shared.map((k) => ruleOfKind.get(kindOf(k)) as string))];
      found.push({ object: target, id: row.id, name: row.name, ownerId: row.ownerId, matchedOn });
    }
  }
  const owners = [...new Set(found.map((f) => f.ownerId).filter((id): id is string => !!id))];
  const names = await getUserNames(ctx.db, owners);
  const matches: DuplicateMatch[] = [];
  for (const f of found.sort((a, b) => b.matchedOn.length - a.matchedOn.length)) {
    matches.push({
      ...f,
      ownerName: f.ownerId ? (names.get(f.ownerId) ?? null) : null,
      visible: await canOpen(ctx, f.object, f.ownerId),
    });
  }
  return matches;
}

/** Duplicates of a record as typed (fields of `object`, e.g. { name, website }). */
export async function findDuplicates(
  ctx: Ctx,
  object: DuplicateObject,
  record: Record<string, unknown>,
  opts: { excludeId?: string } = {},
): Promise<DuplicateMatch[]> {
  const source = sources.get(object);
  if (!source) return [];
  return findDuplicatesByKeys(ctx, object, source.keysOf(record), opts);
}

export function duplicateError(object: DuplicateObject, duplicates: DuplicateMatch[]): AppError {
  return new AppError(
    'duplicate',
    `This ${object} looks like ${duplicates.length === 1 ? 'an existing record' : `${duplicates.length} existing records`} (see duplicates). Resend with allowDuplicates=true to save it anyway.`,
    { duplicates },
  );
}

/** Refuses (409 `duplicate`) unless the caller allowed duplicates or nothing matches. */
export async function assertNoDuplicates(
  ctx: Ctx,
  object: DuplicateObject,
  record: Record<string, unknown>,
  opts: { excludeId?: string } = {},
): Promise<void> {
  if (ctx.allowDuplicates) return;
  const found = await findDuplicates(ctx, object, record, opts);
  if (found.length > 0) throw duplicateError(object, found);
}

/**
 * Declares the duplicate check of an object and returns its `derive` write hook: it stores the
 * record's match keys and, when a create or update adds keys that enabled rules match in other
 * live records, answers 409 `duplicate` unless the caller allowed duplicates.
 */
export function registerDuplicateCheck<Row extends StoredRecord & { matchKeys: string[] }>(
  object: DuplicateObject,
  def: ObjectDef<Row, Record<string, unknown>>,
  spec: { nameColumn: PgColumn; keysColumn: PgColumn; keysOf: KeysOf },
) {
  sources.set(object, {
    def: def as unknown as Source['def'],
    ...spec,
  });
  return async (next: Record<string, unknown>, ctx: Ctx, current?: Row) => {
    const matchKeys = spec.keysOf(next);
    const added = current ? matchKeys.filter((k) => !current.matchKeys.includes(k)) : matchKeys;
    if (!ctx.allowDuplicates && added.length > 0) {
      const found = await findDuplicatesByKeys(ctx, object, added, { excludeId: current?.id });
      if (found.length > 0) throw duplicateError(object, found);
    }
    return { matchKeys };
  };
}

/**
 * Recomputes the stored match keys of one object's records (every workspace, trash included),
 * in batches of `batchSize` by id: for records written before the duplicate check existed, or
 * after the normalizers change. Returns how many records changed.
 */
export async function rebuildMatchKeys(
  db: Executor,
  object: DuplicateObject,
  batchSize = 500,
): Promise<number> {
  const source = sources.get(object);
  if (!source) return 0;
  const { table } = source.def;
  let changed = 0;
  let after: { workspaceId: string; id: string } | null = null;
  for (;;) {
    const rows = (await db
      .select()
      .from(table)
      .where(
        after
          ? sql`(${table.workspaceId}, ${table.id}) > (${after.workspaceId}::uuid, ${after.id}::uuid)`
          : undefined,
      )
      .orderBy(table.workspaceId, table.id)
      .limit(batchSize)) as unknown as (Record<string, unknown> & {
      workspaceId: string;
      id: string;
      matchKeys: string[];
    })[];
    for (const row of rows) {
      const keys = source.keysOf(row);
      if (JSON.stringify(keys) === JSON.stringify(row.matchKeys)) continue;
      await db
        .update(table)
        .set({ matchKeys: keys } as never)
        .where(and(eq(table.workspaceId, row.workspaceId), eq(table.id, row.id)));
      changed++;
    }
    const last = rows[rows.length - 1];
    if (!last || rows.length < batchSize) return changed;
    after = { workspaceId: last.workspaceId, id: last.id };
  }
}

// Records written before the duplicate check existed (or before a normalizer changed) get their
// keys from this job; the migration that adds the keys enqueues it.
registerJobHandler('duplicates.rebuild-keys', async (_job, { database }) => {
  for (const object of sources.keys()) await rebuildMatchKeys(database.db, object);
});
