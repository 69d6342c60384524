import type { PermissionObject } from '@guanxi/contract';
import { and, eq, getTableName, isNull, or, type SQL, sql } from 'drizzle-orm';
import type { PgColumn } from 'drizzle-orm/pg-core';
import { perDatabase, rowsOf } from '../db/client.js';
import type { Ctx } from './context.js';
import { objectPermission, scopeCondition } from './permissions.js';
import type { ObjectDef, RecordTable, StoredRecord } from './records.js';

// "Controlled by parent": records such as activities are readable by whoever may read their
// owner's records (the data scope) OR may see the account, lead or opportunity they are about.
// Writes keep the owner's data scope. The parent modules own their tables, so each registers
// how to select the ids of its live records within an actor's scope; this file never sees them.

/**
 * A link column that makes a record readable to whoever can see the linked record. `keptOwner`,
 * where the table has one, is the column the database keeps equal to the linked record's owner
 * while that record is live (platform/record-links.tables): for someone whose data scope on the
 * linked object is a list of owners, "the linked record is one I see" is then a condition on
 * the row itself, one index range, where it otherwise needs every visible parent's id.
 */
export type ReadableThrough = readonly {
  column: PgColumn;
  object: PermissionObject;
  keptOwner?: PgColumn;
}[];

/**
 * Where an object's visible ids come from: its table's name (for the planning statistics below)
 * and a subquery selecting one column, the ids of its live records within the actor's data scope
 * on that object (see `liveRecordsInScope`).
 */
export type ScopeSource = { table: string; ids: (ctx: Ctx) => Promise<SQL> };

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
export const liveRecordsInScope = <Row extends StoredRecord>(
  def: ObjectDef<Row, Record<string, unknown>>,
): ScopeSource => ({
  table: getTableName(def.table),
  ids: async (ctx) =>
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
      .getSQL(),
});

type Parent = { column: PgColumn; ids: SQL; table: string };

/**
 * How each link the role may read makes a record readable: a condition on the row's kept owner
 * (`owned`) where the link keeps one and the actor's scope on the linked object is a list of
 * owners, else the subquery of visible parents (`parents`; scope 'all' also sees the records
 * waiting unowned in a pool, which a kept owner cannot tell from no link).
 */
async function readableLinks(
  ctx: Ctx,
  links: ReadableThrough,
): Promise<{ owned: SQL[]; parents: Parent[] }> {
  const owned: SQL[] = [];
  const parents: Parent[] = [];
  for (const link of links) {
    if (!objectPermission(ctx, link.object).read) continue;
    const kept = link.keptOwner && (await scopeCondition(ctx, link.object, link.keptOwner));
    if (kept) {
      owned.push(kept);
      continue;
    }
    const source = sources.get(link.object);
    if (!source) throw new Error(`No scope source registered for ${link.object}`);
    parents.push({ column: link.column, ids: await source.ids(ctx), table: source.table });
  }
  return { owned, parents };
}

/** Visible parents are counted up to this many; beyond it, reading them one by one never pays. */
const MANY_PARENTS = 20_000;
/** Without planning statistics (a table never analyzed), up to this many parents are probed. */
const FEW_PARENTS = 1000;

/** How many parents each subquery selects, counted up to MANY_PARENTS + 1, in one query. */
async function countParents(ctx: Ctx, parents: { ids: SQL }[]): Promise<number[]> {
  if (parents.length === 0) return [];
  const counts = parents.map(
    ({ ids }, i) =>
      sql`(select count(*)::int from (${ids} limit ${MANY_PARENTS + 1}) as probe) as ${sql.identifier(`n${i}`)}`,
  );
  const [row] = rowsOf<Record<string, number>>(
    await ctx.db.execute(sql`select ${sql.join(counts, sql`, `)}`),
  );
  return parents.map((_, i) => Number(row[`n${i}`]));
}

/** A link's shape in the planning statistics: rows of the parent table, linked rows per parent. */
type LinkShape = { parents: number; linkedPerParent: number; linkedShare: number };

const SHAPE_TTL_MS = 10 * 60_000;

/**
 * The shape of each link from PostgreSQL's own statistics (`reltuples`, the link column's
 * `null_frac`), kept per database for ten minutes: a plan choice needs proportions, not counts.
 * `undefined` where the tables have not been analyzed yet.
 */
const linkShapes = perDatabase(
  () => new Map<string, { at: number; shape: LinkShape | undefined }>(),
);

async function linkShape(ctx: Ctx, parent: Parent): Promise<LinkShape | undefined> {
  const child = getTableName(parent.column.table);
  const key = `${child}.${parent.column.name}`;
  const cache = linkShapes(ctx.db);
  const cached = cache.get(key);
  if (cached && Date.now() - cached.at < SHAPE_TTL_MS) return cached.shape;
  const [row] = rowsOf<{ parents: number | null; children: number | null; nulls: number | null }>(
    await ctx.db.execute(sql`
      select
        (select reltuples from pg_class where oid = to_regclass(${parent.table}))::float8 as parents,
        (select reltuples from pg_class where oid = to_regclass(${child}))::float8 as children,
        (select null_frac from pg_stats
          where schemaname = current_schema() and tablename = ${child}
            and attname = ${parent.column.name})::float8 as nulls`),
  );
  const parents = Number(row?.parents);
  const children = Number(row?.children);
  const linkedShare = 1 - Number(row?.nulls);
  // reltuples is -1 and null_frac missing until the tables are analyzed.
  const shape =
    row?.nulls != null && parents > 0 && children > 0 && linkedShare > 0
      ? { parents, linkedPerParent: (children * linkedShare) / parents, linkedShare }
      : undefined;
  cache.set(key, { at: Date.now(), shape });
  return shape;
}

// Costs in microseconds, fitted to EXPLAIN ANALYZE on PostgreSQL at scale 1 (bench
// `list.activities.rep`, `list.tasks.rep`): one probe of a link index, one index entry read on
// the way (a rep's 7,391 leads: 6,591 entries in 24 ms; 13,959 deals: 46,246 in 71 ms), one row
// of the list order walked and checked against the parents (1,275 in 9 ms).
const PROBE_US = 2.5;
const ENTRY_US = 0.76;
const WALK_US = 7;

/**
 * Whether a page of the records on `visible` parents is cheaper to read from the link's index,
 * one probe per parent and every linked record of them sorted (`probe`), than by walking the list
 * order and checking each record's parent until a page is full (`walk`). The first costs in
 * proportion to the parents and their records, the second to how rare the actor's records are
 * among all: for a rep who sees 7,391 of 200,000 leads the walk reads 23,000 activities to find a
 * page (6% link a lead), for one who sees 4,312 of 100,000 accounts 1,300 (94% link an account),
 * where probing would read 126,000. Both estimates are of the unfiltered list: a filter makes
 * the walk longer, and on a column the link index lacks turns each probed entry into a row
 * visit; either way the two plans still return the same page.
 */
export function linkPlan(
  visible: number,
  shape: LinkShape | undefined,
  pageSize: number,
): 'probe' | 'walk' {
  if (visible > MANY_PARENTS) return 'walk';
  if (!shape) return visible > FEW_PARENTS ? 'walk' : 'probe';
  const probe = visible * (PROBE_US + shape.linkedPerParent * ENTRY_US);
  const walked = (pageSize * shape.parents) / (Math.max(visible, 1) * shape.linkedShare);
  return probe <= walked * WALK_US ? 'probe' : 'walk';
}

/**
 * The read visibility as alternatives, any of which makes a record readable: the actor's own
 * data scope first, then one per visible link (none without `links`: the owner's scope only).
 * `undefined` means every record (scope 'all'). Each alternative is a page of its own (see
 * pageOfEach). A link with a kept owner is a condition on it, read in the list order from its
 * index. The others are shaped by `linkPlan`: probed as `link = any(array(subquery))`, an index
 * condition that reads just the parents' records from the link's index (the planner cannot tell
 * a rep with three accounts from one with thousands, and walks the list order for both); walked
 * as `link in (subquery)`, a join the planner answers by reading the list order and stopping
 * after a page.
 */
export async function readAlternatives(
  ctx: Ctx,
  object: PermissionObject,
  ownerColumn: PgColumn,
  links: ReadableThrough | undefined,
  pageSize: number,
): Promise<SQL[] | undefined> {
  const own = await scopeCondition(ctx, object, ownerColumn);
  if (!own) return undefined;
  const { owned, parents } = await readableLinks(ctx, links ?? []);
  const counts = await countParents(ctx, parents);
  const shapes = await Promise.all(parents.map((parent) => linkShape(ctx, parent)));
  return [
    own,
    ...owned,
    ...parents.map(({ column, ids }, i) =>
      linkPlan(counts[i], shapes[i], pageSize) === 'probe'
        ? sql`${column} = any(array(${ids}))`
        : sql`${column} in (${ids})`,
    ),
  ];
}

/**
 * The read visibility of one known record (a lookup by id): each link is checked on its kept
 * owner, or with a lookup of that one parent instead of collecting every visible parent.
 */
export async function readConditionOfOne(
  ctx: Ctx,
  object: PermissionObject,
  ownerColumn: PgColumn,
  links: ReadableThrough | undefined,
): Promise<SQL | undefined> {
  const own = await scopeCondition(ctx, object, ownerColumn);
  if (!own || !links?.length) return own;
  const { owned, parents } = await readableLinks(ctx, links);
  return or(
    own,
    ...owned,
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
