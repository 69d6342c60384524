import { and, eq, sql } from 'drizzle-orm';
import type { PgColumn } from 'drizzle-orm/pg-core';
import type { Ctx } from './context.js';
import { objectPermission, scopeCondition } from './permissions.js';
import type { ObjectDef, StoredRecord } from './records.js';

// Lists and record pages show the names of linked records (an activity's account and contact,
// a contact's manager). One request often asks for the same names several times (the customer
// 360 page resolves its account's name for every panel), so the answers are kept for the
// request; every audited write forgets the names of its object (see audit.ts recordChange).

const memoKey = (object: string) => `names:${object}`;

/**
 * Names of the given records that the actor may see (the owner's data scope; records in the
 * trash keep their name), as id → name. Empty when the role may not read the object.
 */
export async function recordNames<Row extends StoredRecord>(
  ctx: Ctx,
  def: Pick<ObjectDef<Row, Record<string, unknown>>, 'object' | 'table'>,
  nameColumn: PgColumn,
  ids: readonly string[],
): Promise<Map<string, string>> {
  const names = new Map<string, string>();
  if (ids.length === 0 || !objectPermission(ctx, def.object).read) return names;
  let memo = ctx.cache.get(memoKey(def.object)) as Map<string, string | null> | undefined;
  if (!memo) {
    memo = new Map();
    ctx.cache.set(memoKey(def.object), memo);
  }
  const missing = [...new Set(ids)].filter((id) => !memo.has(id));
  if (missing.length > 0) {
    const { table } = def;
    // One array parameter: the statement is the same for any number of ids.
    const rows = (await ctx.db
      .select({ id: table.id, name: nameColumn })
      .from(table)
      .where(
        and(
          eq(table.workspaceId, ctx.actor.workspaceId),
          sql`${table.id} = any(${sql.param(missing)}::uuid[])`,
          await scopeCondition(ctx, def.object, table.ownerId),
        ),
      )) as { id: string; name: string }[];
    for (const id of missing) memo.set(id, null);
    for (const row of rows) memo.set(row.id, row.name);
  }
  for (const id of ids) {
    const name = memo.get(id);
    if (name != null) names.set(id, name);
  }
  return names;
}

/** A write changed records of `object`: names read before it are no longer trusted. */
export function forgetRecordNames(ctx: Ctx, object: string): void {
  ctx.cache.delete(memoKey(object));
}
