// npx tsx bench/verify.ts: checks that the seeded data is what the app itself would have written
// (links, derived columns, duplicate keys). Exits 1 listing what differs.
import { sql } from 'drizzle-orm';
import { rebuildMatchKeys } from '../packages/server/src/platform/duplicates.js';
import '../packages/server/src/modules/index.js';
import { openTarget, targetFromEnv } from './lib/target.js';

const target = await openTarget(targetFromEnv(), { reset: false });
const { db } = target.database;

/**
 * Rows of an activity or task table whose links break a rule: about nothing, about a missing
 * lead or account, or naming a contact or deal of another account.
 */
const linkRule = (table: string) => `select count(*) from ${table} x
    where (x.lead_id is null and x.account_id is null)
      or (x.lead_id is not null and not exists (select 1 from leads l
        where l.workspace_id = x.workspace_id and l.id = x.lead_id))
      or (x.account_id is not null and not exists (select 1 from accounts a
        where a.workspace_id = x.workspace_id and a.id = x.account_id))
      or (x.contact_id is not null and not exists (select 1 from contacts c
        where c.workspace_id = x.workspace_id and c.id = x.contact_id and c.account_id = x.account_id))
      or (x.opportunity_id is not null and not exists (select 1 from opportunities o
        where o.workspace_id = x.workspace_id and o.id = x.opportunity_id and o.account_id = x.account_id))`;

/** The owner of the record `x.<link>` names, while it is live (null: none, trashed or pooled). */
const liveOwner = (parents: string, link: string) => `(select case when p.deleted_at is null
      then p.owner_id end from ${parents} p where p.workspace_id = x.workspace_id and p.id = x.${link})`;

/** Rows of an activity or task table that keep another owner of a linked record than it has. */
const linkedOwnerRule = (table: string) => `select count(*) from ${table} x
    where x.lead_owner_id is distinct from ${liveOwner('leads', 'lead_id')}
      or x.account_owner_id is distinct from ${liveOwner('accounts', 'account_id')}
      or x.opportunity_owner_id is distinct from ${liveOwner('opportunities', 'opportunity_id')}`;

/** Each query counts the rows that break one rule; every count must be 0. */
const RULES: Record<string, string> = {
  'contact → account': `select count(*) from contacts c where c.account_id is not null
    and not exists (select 1 from accounts a where a.workspace_id = c.workspace_id and a.id = c.account_id)`,
  'opportunity → account': `select count(*) from opportunities o
    where not exists (select 1 from accounts a where a.workspace_id = o.workspace_id and a.id = o.account_id)`,
  'opportunity → contact of its account': `select count(*) from opportunities o
    where o.contact_id is not null and not exists (select 1 from contacts c
      where c.workspace_id = o.workspace_id and c.id = o.contact_id and c.account_id = o.account_id)`,
  'opportunity stage in its pipeline': `select count(*) from opportunities o
    where not exists (select 1 from pipeline_stages s
      where s.workspace_id = o.workspace_id and s.id = o.stage_id and s.pipeline_id = o.pipeline_id)`,
  'closed deals: closed_at and forecast closed': `select count(*) from opportunities o
    join pipeline_stages s on s.workspace_id = o.workspace_id and s.id = o.stage_id
    where (s.kind <> 'open') <> (o.closed_at is not null and o.forecast_category = 'closed')`,
  'stage history ends at the current stage': `select count(*) from opportunities o
    where o.stage_id <> (select h.to_stage_id from opportunity_stage_history h
      where h.workspace_id = o.workspace_id and h.opportunity_id = o.id order by h.at desc limit 1)
      or o.stage_entered_at <> (select max(h.at) from opportunity_stage_history h
      where h.workspace_id = o.workspace_id and h.opportunity_id = o.id)`,
  'primary contact among the contact roles': `select count(*) from opportunities o
    where o.contact_id is not null and not exists (select 1 from opportunity_contacts oc
      where oc.workspace_id = o.workspace_id and oc.opportunity_id = o.id
        and oc.contact_id = o.contact_id and oc.is_primary)`,
  'activity links': linkRule('activities'),
  'task links': linkRule('tasks'),
  'activity owners of linked records': linkedOwnerRule('activities'),
  'task owners of linked records': linkedOwnerRule('tasks'),
  'tasks: done ones completed, one kind of due': `select count(*) from tasks t
    where (t.status = 'done') <> (t.completed_at is not null) or (t.due_at is not null and t.due_date is not null)`,
  'account last_activity_at = newest activity': `select count(*) from accounts a
    where a.last_activity_at is distinct from (select max(x.occurred_at) from activities x
      where x.workspace_id = a.workspace_id and x.account_id = a.id and x.deleted_at is null)`,
  'account last_won_at = latest won close': `select count(*) from accounts a
    where a.last_won_at is distinct from (select max(o.closed_at) from opportunities o
      join pipeline_stages s on s.workspace_id = o.workspace_id and s.id = o.stage_id
      where o.workspace_id = a.workspace_id and o.account_id = a.id and s.kind = 'won')`,
  'pool columns': `select count(*) from (select owner_id, pool_id, owner_since, pooled_at, former_owner_id from accounts
      union all select owner_id, pool_id, owner_since, pooled_at, former_owner_id from leads) r
    where r.pool_id is null or (r.owner_id is null) <> (r.pooled_at is not null and r.owner_since is null
      and r.former_owner_id is not null)`,
  'board totals add up to the deals': `select count(*) from (
    (select pipeline_id, stage_id, owner_id, currency, count, amount_count, amount, weighted
       from opportunity_board_totals where count <> 0
     except select pipeline_id, stage_id, owner_id, currency, count(*)::int, count(amount)::int,
       coalesce(sum(amount), 0), coalesce(sum(amount * probability), 0)
       from opportunities where deleted_at is null group by 1, 2, 3, 4)
    union all
    (select pipeline_id, stage_id, owner_id, currency, count(*)::int, count(amount)::int,
       coalesce(sum(amount), 0), coalesce(sum(amount * probability), 0)
       from opportunities where deleted_at is null group by 1, 2, 3, 4
     except select pipeline_id, stage_id, owner_id, currency, count, amount_count, amount, weighted
       from opportunity_board_totals where count <> 0)) differing`,
  'converted leads linked': `select count(*) from leads l where (l.status = 'converted')
    <> (l.converted_account_id is not null and l.converted_at is not null)`,
};

const problems: string[] = [];
for (const [rule, query] of Object.entries(RULES)) {
  const result = (await db.execute(sql.raw(query))) as unknown as { rows: { count: unknown }[] };
  const n = Number(result.rows[0].count);
  console.log(`${n === 0 ? 'ok  ' : 'FAIL'} ${rule}${n ? ` (${n} rows)` : ''}`);
  if (n) problems.push(rule);
}
// The app's own recomputation of duplicate keys must find nothing to change.
for (const object of ['account', 'contact', 'lead'] as const) {
  const changed = await rebuildMatchKeys(db, object, 5000);
  console.log(`${changed === 0 ? 'ok  ' : 'FAIL'} ${object} match_keys as the app computes them`);
  if (changed) problems.push(`${object} match_keys (${changed} differ)`);
}
await target.close();
if (problems.length > 0) {
  console.error(`Seeded data differs from what the app writes: ${problems.join('; ')}`);
  process.exit(1);
}
