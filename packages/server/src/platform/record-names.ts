import { and, eq, sql } from 'drizzle-orm';
import type { PgColumn } from 'drizzle-orm/pg-core';
import { plannedOf, rowsOf } from '../db/client.js';
import type { Ctx, PermissionObject } from './context.js';
import { objectPermission, scopeCondition } from './permissions.js';
import type { RecordTable } from './records.js';

// Lists and record pages show the names of linked records (an activity's account and contact,
// a contact's manager). One request often asks for the same names several times (the customer
// 360 page resolves its account's name for every panel), so the answers are kept for the
// request; every audited write forgets the names of its object (see audit.ts recordChange).
// A page that shows names of several objects asks for them together: one query, whatever the
// number of objects, since each query is a round trip and most of a page's cost.

/** Where the names of one kind of record are read. */
export type NameSource = { object: PermissionObject; table: RecordTable; column: PgColumn };

type Memo = Map<string, string | null>;

const memoKey = (object: string) => `names:${object}`;

function memoOf(ctx: Ctx, object: string): Memo {
  let memo = ctx.cache.get(memoKey(object)) as Memo | undefined;
  if (!memo) {
    memo = new Map();
    ctx.cache.set(memoKey(object), memo);
  }
  return memo;
}

/**
 * Names of the given records of each source that the actor may see (the owner's data scope;
 * records in the trash keep their name), as id → name per source, in the order asked. A source
 * the role may not read answers an empty map. Ids not known to the request are read in one query.
 */
export async function namesOf(
  ctx: Ctx,
  wanted: readonly (readonly [NameSource, readonly string[]])[],
): Promise<Map<string, string>[]> {
  const readable = wanted.map(
    ([source, ids]) => ids.length > 0 && objectPermission(ctx, source.object).read,
  );
  const parts = [];
  for (const [i, [source, ids]] of wanted.entries()) {
    if (!readable[i]) continue;
    const memo = memoOf(ctx, source.object);
    const missing = [...new Set(ids)].filter((id) => !memo.has(id));
    if (missing.length === 0) continue;
    for (const id of missing) memo.set(id, null);
    const { table } = source;
    parts.push(
      // One array parameter: the statement is the same for any number of ids.
      sql`select ${sql.raw(String(i))} as source, ${table.id} as id, ${source.column} as name
        from ${table}
        where ${and(
          eq(table.workspaceId, ctx.actor.workspaceId),
          sql`${table.id} = any(${sql.param(missing)}::uuid[])`,
          await scopeCondition(ctx, source.object, table.ownerId),
        )}`,
    );
  }
  if (parts.length > 0) {
    // Planning four large tables costs about as much as reading their names: planned once.
    const rows = rowsOf<{ source: number; id: string; name: string }>(
      await plannedOf(ctx.db).execute(sql.join(parts, sql` union all `)),
    );
    for (const row of rows) memoOf(ctx, wanted[row.source][0].object).set(row.id, row.name);
  }
  return wanted.map(([source, ids], i) => {
    const names = new Map<string, string>();
    if (!readable[i]) return names;
    const memo = memoOf(ctx, source.object);
    for (const id of ids) {
      const name = memo.get(id);
      if (name != null) names.set(id, name);
    }
    return names;
  });
}

/** Names of the given records of one source that the actor may see, as id → name. */
export async function recordNames(
  ctx: Ctx,
  source: NameSource,
  ids: readonly string[],
): Promise<Map<string, string>> {
  const [names] = await namesOf(ctx, [[source, ids]]);
  return names;
}

/**
 * The request has read a record the actor may open (a record page): its name is known, so the
 * page's panels that name it need not read it again.
 */
export function rememberRecordName(ctx: Ctx, object: string, id: string, name: string): void {
  memoOf(ctx, object).set(id, name);
}

/** A write changed records of `object`: names read before it are no longer trusted. */
export function forgetRecordNames(ctx: Ctx, object: string): void {
  ctx.cache.delete(memoKey(object));
}
