import type { PermissionObject } from '@guanxi/contract';
import { and, eq, isNull, or, type SQL, sql } from 'drizzle-orm';
import type { PgColumn } from 'drizzle-orm/pg-core';
import { rowsOf } from '../db/client.js';
import type { Ctx } from './context.js';
import { objectPermission, scopeCondition } from './permissions.js';
import type { ObjectDef, RecordTable, StoredRecord } from './records.js';

// "Controlled by parent": records such as activities are readable by whoever may read their
// owner's records (the data scope) OR may see the account, lead or opportunity they are about.
// Writes keep the owner's data scope. The parent modules own their tables, so each registers
// how to select the ids of its live records within an actor's scope; this file never sees them.

/** A link column that makes a record readable to whoever can see the linked record. */
export type ReadableThrough = readonly { column: PgColumn; object: PermissionObject }[];

/**
 * A subquery selecting one column, the ids of the object's live records within the actor's
 * data scope on that object (see `liveRecordsInScope`).
 */
export type ScopeSource = (ctx: Ctx) => Promise<SQL>;

const sources = new Map<PermissionObject, ScopeSource>();

/** A module registers, once from its index, the visible ids of its object. */
export function registerScopeSource(object: PermissionObject, source: ScopeSource): void {
  sources.set(object, source);
}

/**
 * The scope source of an object declared to the data layer: the ids of its live records within
 * the actor's data scope. A module registers it for its object:
 * `registerScopeSource('account', liveRecordsInScope(accountObject))`.
 */
export const liveRecordsInScope =
  <Row extends StoredRecord>(def: ObjectDef<Row, Record<string, unknown>>): ScopeSource =>
  async (ctx) =>
    ctx.db
      .select({ id: def.table.id })
      .from(def.table)
      .where(
        and(
          eq(def.table.workspaceId, ctx.actor.workspaceId),
          isNull(def.table.deletedAt),
          await scopeCondition(ctx, def.object, def.table.ownerId),
        ),
      )
      .getSQL();

/** The links' subqueries of visible parents, leaving out objects the role may not read. */
async function readableParents(ctx: Ctx, links: ReadableThrough) {
  const parents: { column: PgColumn; ids: SQL }[] = [];
  for (const link of links) {
    if (!objectPermission(ctx, link.object).read) continue;
    const source = sources.get(link.object);
    if (!source) throw new Error(`No scope source registered for ${link.object}`);
    parents.push({ column: link.column, ids: await source(ctx) });
  }
  return parents;
}

/** Up to this many visible parents, a link's records are read from the link's index. */
const FEW_PARENTS = 1000;

/** How many parents each subquery selects, counted up to FEW_PARENTS + 1, in one query. */
async function countParents(ctx: Ctx, parents: { ids: SQL }[]): Promise<number[]> {
  if (parents.length === 0) return [];
  const counts = parents.map(
    ({ ids }, i) =>
      sql`(select count(*)::int from (${ids} limit ${FEW_PARENTS + 1}) as probe) as ${sql.identifier(`n${i}`)}`,
  );
  const [row] = rowsOf<Record<string, number>>(
    await ctx.db.execute(sql`select ${sql.join(counts, sql`, `)}`),
  );
  return parents.map((_, i) => Number(row[`n${i}`]));
}

/**
 * The read visibility as alternatives, any of which makes a record readable: the actor's own
 * data scope first, then one per visible link (none without `links`: the owner's scope only).
 * `undefined` means every record (scope 'all'). Each alternative is a page of its own (see
 * pageOfEach), shaped by how many parents the actor sees: a few (a rep's accounts) as
 * `link = any(array(subquery))`, an index condition that reads just their records from the
 * link's index (the planner cannot tell a rep with three accounts from one with three
 * thousand); many (a sales director's) as `link in (subquery)`, a join the planner may answer
 * by reading the list order and stopping after a page.
 */
export async function readAlternatives(
  ctx: Ctx,
  object: PermissionObject,
  ownerColumn: PgColumn,
  links: ReadableThrough | undefined,
): Promise<SQL[] | undefined> {
  const own = await scopeCondition(ctx, object, ownerColumn);
  if (!own) return undefined;
  const parents = await readableParents(ctx, links ?? []);
  const counts = await countParents(ctx, parents);
  return [
    own,
    ...parents.map(({ column, ids }, i) =>
      counts[i] > FEW_PARENTS ? sql`${column} in (${ids})` : sql`${column} = any(array(${ids}))`,
    ),
  ];
}

/**
 * The read visibility of one known record (a lookup by id): each link is checked with a lookup
 * of that one parent instead of collecting every visible parent.
 */
export async function readConditionOfOne(
  ctx: Ctx,
  object: PermissionObject,
  ownerColumn: PgColumn,
  links: ReadableThrough | undefined,
): Promise<SQL | undefined> {
  const own = await scopeCondition(ctx, object, ownerColumn);
  if (!own || !links?.length) return own;
  const parents = await readableParents(ctx, links);
  return or(
    own,
    ...parents.map(
      ({ column, ids }) =>
        sql`exists (select 1 from (${ids}) as parent where parent.id = ${column})`,
    ),
  );
}

/**
 * The ids of one page under each visibility alternative, as a UNION: each alternative reads its
 * own index in the list order and stops after a page, and the page is the first rows of their
 * union. One OR instead gets one plan for all: PostgreSQL then walks the list-order index and
 * filters, through the whole table for someone who sees little (a new rep), where the links'
 * indexes answer at once.
 */
export function pageOfEach(
  ctx: Ctx,
  table: RecordTable,
  page: { where: SQL | undefined; order: SQL[]; limit: number },
  alternatives: SQL[],
): SQL {
  const pages = alternatives.map(
    (visible) =>
      sql`(${ctx.db
        .select({ id: table.id })
        .from(table)
        .where(and(page.where, visible))
        .orderBy(...page.order)
        .limit(page.limit)})`,
  );
  return sql.join(pages, sql` union all `);
}
