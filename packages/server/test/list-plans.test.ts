import { sql } from 'drizzle-orm';
import { beforeAll, describe, expect, it } from 'vitest';
import type { Db } from '../src/db/client.js';
import { createTestUser, createTestWorkspace, type TestWorkspace } from './factories/index.js';
import { testDatabase } from './helpers.js';

// The list shapes that must stay cheap at a million rows, checked by their plans: sequential
// and bitmap scans are priced out, so a missing or wrongly shaped index shows even on the small
// test tables. The figures behind each index are in bench/RESULTS.md.

async function planOf(db: Db, query: string): Promise<string> {
  return db.transaction(async (tx) => {
    await tx.execute(sql`set local enable_seqscan = off`);
    await tx.execute(sql`set local enable_bitmapscan = off`);
    const result = (await tx.execute(sql.raw(`explain ${query}`))) as unknown as {
      rows: { 'QUERY PLAN': string }[];
    };
    return result.rows.map((r) => r['QUERY PLAN']).join('\n');
  });
}

describe('list plans', () => {
  let db: Db;
  let ws: TestWorkspace;
  let owner: string;

  beforeAll(async () => {
    ({ db } = await testDatabase());
    ws = await createTestWorkspace(db);
    // Records spread over ten owners, most tasks done, a few activities on leads: the shapes
    // that make an owner or a link selective, as in a real workspace.
    const owners = [ws.admin.userId];
    for (let i = 0; i < 9; i++) owners.push((await createTestUser(db, ws)).userId);
    owner = owners[0];
    const ownerOf = (n: string) => sql`(${sql.param(owners)}::uuid[])[1 + ${sql.raw(n)} % 10]`;
    const w = ws.workspaceId;
    await db.execute(sql`
      insert into accounts (workspace_id, id, name, owner_id)
      select ${w}, gen_random_uuid(), 'Plan account ' || n, ${ownerOf('n')}
      from generate_series(1, 500) as n`);
    await db.execute(sql`
      insert into leads (workspace_id, id, name, owner_id)
      select ${w}, gen_random_uuid(), 'Plan lead ' || n, ${ownerOf('n')}
      from generate_series(1, 500) as n`);
    // Deals over the years: nine in ten closed.
    await db.execute(sql`
      insert into opportunities (workspace_id, id, name, owner_id, account_id, pipeline_id,
        stage_id, currency, probability, forecast_category, stage_entered_at)
      select ${w}, gen_random_uuid(), 'Plan deal', a.owner_id, a.id, s.pipeline_id, s.id, 'CNY',
        50, case when a.r % 10 = 0 then 'commit' else 'closed' end, now()
      from (select id, owner_id, row_number() over () as r from accounts where workspace_id = ${w}) a
      cross join (select pipeline_id, id from pipeline_stages where workspace_id = ${w} limit 1) s`);
    await db.execute(sql`
      insert into tasks (workspace_id, id, title, owner_id, account_id, status, due_at)
      select ${w}, gen_random_uuid(), 'Plan task', a.owner_id, a.id,
        case when n % 10 = 0 then 'open' else 'done' end, now() - n * interval '1 hour'
      from (select id, owner_id, row_number() over () as r from accounts where workspace_id = ${w}) a
      cross join generate_series(1, 4) as n`);
    await db.execute(sql`
      insert into activities (workspace_id, id, kind, subject, occurred_at, owner_id, lead_id)
      select ${w}, gen_random_uuid(), 'call', 'Plan call', now() - n * interval '1 day',
        l.owner_id, case when n % 16 = 0 then l.id end
      from (select id, owner_id from leads where workspace_id = ${w}) l
      cross join generate_series(1, 4) as n`);
    // The visibility map set, as autovacuum keeps it: index-only scans are then chosen.
    for (const table of ['accounts', 'leads', 'opportunities', 'tasks', 'activities']) {
      await db.execute(sql.raw(`vacuum analyze ${table}`));
    }
  });

  it('reads the ids of an owner’s live records from the owner index alone', async () => {
    for (const table of ['accounts', 'leads', 'opportunities']) {
      const plan = await planOf(
        db,
        `select id from ${table} where workspace_id = '${ws.workspaceId}'
           and deleted_at is null and owner_id = '${owner}'`,
      );
      expect(plan).toContain(`Index Only Scan using ${table}_owner_idx`);
    }
  });

  it('reads a page of the live tasks and activities on given parents from the link index alone', async () => {
    const parents = `array['${owner}']::uuid[]`;
    const tasks = await planOf(
      db,
      `select id from tasks where workspace_id = '${ws.workspaceId}' and deleted_at is null
         and status = 'open' and account_id = any(${parents})
       order by due_at asc nulls last, id limit 51`,
    );
    expect(tasks).toContain('Index Only Scan using tasks_account_idx');
    const activities = await planOf(
      db,
      `select id from activities where workspace_id = '${ws.workspaceId}' and deleted_at is null
         and lead_id = any(${parents})
       order by occurred_at desc nulls last, id limit 51`,
    );
    expect(activities).toContain('Index Only Scan using activities_lead_idx');
  });

  it('lists open deals from the open-deal index, not by walking closed ones', async () => {
    const plan = await planOf(
      db,
      `select * from opportunities where workspace_id = '${ws.workspaceId}'
         and deleted_at is null and forecast_category in ('commit', 'best_case')
       order by updated_at desc nulls last, id limit 51`,
    );
    expect(plan).toContain('opportunities_open_updated_idx');
  });

  it('lists open tasks soonest due from the open-task index, not by walking done ones', async () => {
    const plan = await planOf(
      db,
      `select * from tasks where workspace_id = '${ws.workspaceId}'
         and deleted_at is null and status = 'open'
       order by due_at asc nulls last, id limit 51`,
    );
    expect(plan).toContain('tasks_open_due_idx');
  });

  it('finds a stage’s deals, the trash included, by index: the stage check before deleting it', async () => {
    const [stage] = (
      (await db.execute(
        sql`select pipeline_id, id from pipeline_stages where workspace_id = ${ws.workspaceId} limit 1`,
      )) as unknown as { rows: { pipeline_id: string; id: string }[] }
    ).rows;
    const plan = await planOf(
      db,
      `select count(*) from opportunities where workspace_id = '${ws.workspaceId}'
         and pipeline_id = '${stage.pipeline_id}' and stage_id = '${stage.id}'`,
    );
    expect(plan).toContain('opportunities_stage_idx');
  });
});
