import { sql } from 'drizzle-orm';
import { beforeAll, describe, expect, it } from 'vitest';
import { dbRows } from '../../test/db-state.js';
import { type Client, type Json, logIn, testDatabase } from '../../test/helpers.js';
import { reclaimWorkspace } from '../modules/pools/index.js';
import { runDueJobs } from '../platform/jobs.js';
import { DEMO_EMAIL, DEMO_PASSWORD, type DemoSummary, seedDemo } from './seed.js';

const DAY = 86_400_000;
let demo: DemoSummary;
let admin: Client;
let rep: Client;

const count = async (table: string, where = sql`true`) => {
  const [row] = await dbRows<{ n: number }>(
    sql`select count(*)::int as n from ${sql.identifier(table)} where workspace_id = ${demo.workspaceId} and ${where}`,
  );
  return row.n;
};

/** GETs the path and fails on anything but 200; a 5xx fails the test with its body. */
async function ok(client: Client, path: string): Promise<Json> {
  const res = await client.get(path);
  expect(res.statusCode, `${path}: ${res.body}`).toBe(200);
  return res.json();
}

describe('demo seed', () => {
  beforeAll(async () => {
    demo = await seedDemo(await testDatabase());
    admin = await logIn(DEMO_EMAIL, DEMO_PASSWORD);
    rep = await logIn('li.na@guanxi.dev', DEMO_PASSWORD);
  }, 600_000);

  it('fills every object, and the summary says what is stored', async () => {
    expect(await count('accounts')).toBe(demo.accounts);
    expect(await count('contacts')).toBe(demo.contacts);
    expect(await count('opportunities')).toBe(demo.opportunities);
    expect(await count('leads')).toBe(demo.leads);
    expect(await count('activities')).toBe(demo.activities);
    expect(await count('tasks', sql`true`)).toBeGreaterThanOrEqual(demo.tasks);
    expect(demo.accounts).toBeGreaterThanOrEqual(60);
    expect(demo.contacts).toBeGreaterThanOrEqual(200);
    expect(demo.opportunities).toBe(80);
    expect(demo.leads).toBe(80);
    expect(demo.activities).toBeGreaterThanOrEqual(400);
    expect(demo.activities).toBeLessThan(420);
    expect(demo.tasks).toBe(60);
  });

  it('has two pipelines with opportunities in every stage, moved over the past year', async () => {
    const pipelines = (await ok(admin, '/pipelines')).data as Json[];
    expect(pipelines.map((p) => p.name)).toEqual(['新客户销售', '续约与增购']);
    for (const pipeline of pipelines) {
      const board = await ok(admin, `/opportunities/board?pipelineId=${pipeline.id}`);
      for (const column of board.columns) {
        expect(column.count, `${pipeline.name}: stage ${column.stageId}`).toBeGreaterThan(0);
      }
    }
    const [span] = await dbRows<{ oldest: Date; moves: number; positive: number }>(sql`
      select min(at) as oldest, count(*)::int as moves,
        count(*) filter (where duration_seconds > 0)::int as positive
      from opportunity_stage_history where workspace_id = ${demo.workspaceId}`);
    expect(Date.now() - new Date(span.oldest).getTime()).toBeGreaterThan(250 * DAY);
    expect(span.moves).toBeGreaterThan(200);
    expect(span.positive).toBe(span.moves - demo.opportunities);
    // Won deals closed in the past, after they were created, by their owners.
    const won = await dbRows<{ closed: Date; created: Date; actor: string; owner: string }>(sql`
      select o.closed_at as closed, o.created_at as created, h.actor_id as actor, o.owner_id as owner
      from opportunities o join pipeline_stages s on s.workspace_id = o.workspace_id and s.id = o.stage_id
      join opportunity_stage_history h on h.workspace_id = o.workspace_id and h.opportunity_id = o.id
        and h.to_stage_id = o.stage_id
      where o.workspace_id = ${demo.workspaceId} and s.kind = 'won'`);
    expect(won).toHaveLength(25);
    for (const deal of won) {
      expect(new Date(deal.closed).getTime()).toBeLessThan(Date.now());
      expect(new Date(deal.closed) > new Date(deal.created)).toBe(true);
      expect(deal.actor).toBe(deal.owner);
    }
    const [lost] = await dbRows<{ n: number; reasoned: number }>(sql`
      select count(*)::int as n, count(o.loss_reason)::int as reasoned from opportunities o
      join pipeline_stages s on s.workspace_id = o.workspace_id and s.id = o.stage_id
      where o.workspace_id = ${demo.workspaceId} and s.kind = 'lost'`);
    expect(lost).toEqual({ n: 14, reasoned: 14 });
  });

  it('has leads in every status and lifecycle stage, some converted, some in the lead pool', async () => {
    const rows = await dbRows<{ status: string; lifecycle: string }>(sql`
      select distinct status, lifecycle_stage as lifecycle from leads where workspace_id = ${demo.workspaceId}`);
    const statuses = new Set(rows.map((r) => r.status));
    const stages = new Set(rows.map((r) => r.lifecycle));
    expect([...statuses].sort()).toEqual(
      ['converted', 'disqualified', 'new', 'nurturing', 'qualified', 'working'].sort(),
    );
    expect([...stages].sort()).toEqual(
      ['customer', 'lead', 'mql', 'opportunity', 'sql', 'subscriber'].sort(),
    );
    expect(
      await count('leads', sql`status = 'converted' and converted_account_id is not null`),
    ).toBe(8);
    expect(await count('leads', sql`converted_opportunity_id is not null`)).toBe(4);
  });

  it('has the account pool with its rules and returned accounts, and the lead pool', async () => {
    const pools = (await ok(admin, '/pools')).data as Json[];
    const accountPool = pools.find((p) => p.objectType === 'account');
    const leadPool = pools.find((p) => p.objectType === 'lead');
    expect(accountPool).toMatchObject({
      holdingLimit: 50,
      noActivityDays: 30,
      noWonDays: 90,
      warnDaysBefore: 5,
      pooledCount: 10,
    });
    expect(leadPool.pooledCount).toBe(15);
    const waiting = (await ok(rep, `/pools/${accountPool.id}/records?limit=50`)).data as Json[];
    expect(waiting).toHaveLength(10);
    for (const account of waiting) expect(account.returnReason).toBeTruthy();
  });

  it('leaves the books alone on the first reclaim run, and warns a few owners', async () => {
    expect(demo.reclaimed).toBe(0);
    expect(demo.reclaimWarnings).toBe(3);
    const later = await reclaimWorkspace(
      (await testDatabase()).db,
      demo.workspaceId,
      new Date(Date.now() + 36 * 3_600_000),
    );
    expect(later.reclaimed).toBe(0);
    expect(await count('notifications', sql`kind = 'pools.reclaimWarning'`)).toBe(3);
    // Every owned account had a follow-up lately; lastActivityAt follows the activities.
    const stale = await dbRows(sql`
      select a.id from accounts a where a.workspace_id = ${demo.workspaceId} and (
        a.last_activity_at is distinct from (select max(occurred_at) from activities v
          where v.workspace_id = a.workspace_id and v.account_id = a.id and v.deleted_at is null)
        or (a.owner_id is not null and a.last_activity_at < now() - interval '29 days'))`);
    expect(stale).toEqual([]);
  });

  it('gives everyone tasks for today and later, and reminders that reach the bell', async () => {
    for (const client of [admin, rep]) {
      const mine = await ok(client, '/tasks/mine');
      expect(mine.overdue.length).toBeGreaterThan(0);
      expect(mine.today.length).toBeGreaterThan(0);
      expect(mine.upcoming.length).toBeGreaterThan(0);
    }
    expect(await count('tasks', sql`status = 'done'`)).toBeGreaterThanOrEqual(18);
    expect(await count('tasks', sql`recurrence_frequency is not null and status = 'open'`)).toBe(6);
    // Reminders due before the seed ran went off at their own times, once.
    for (const client of [admin, rep]) {
      const bell = (await ok(client, '/notifications')).data as Json[];
      const reminders = bell.filter((n) => n.kind === 'tasks.reminder');
      expect(reminders.length).toBeGreaterThan(0);
      const oldest = Math.min(...reminders.map((n) => Date.parse(n.createdAt)));
      expect(oldest).toBeLessThan(Date.now() - 3_600_000);
    }
    const run = await runDueJobs(await testDatabase(), new Date(), {
      workspaceId: demo.workspaceId,
      limit: 100,
    });
    expect(run.failed).toBe(0);
  });

  it('answers every page of the app without a server error, as the admin and as a rep', async () => {
    const [account] = (await ok(admin, '/accounts?limit=1&sort=-updatedAt')).data;
    const [deal] = (await ok(rep, '/opportunities?limit=1')).data;
    for (const client of [admin, rep]) {
      for (const path of [
        '/accounts',
        '/contacts',
        '/leads',
        '/opportunities',
        '/opportunities/board',
        '/activities',
        '/tasks',
        '/pools/holdings',
        '/notifications',
      ]) {
        await ok(client, path);
      }
    }
    await ok(admin, `/accounts/${account.id}/overview`);
    const history = (await ok(rep, `/opportunities/${deal.id}/stage-history`)).data;
    expect(history.length).toBeGreaterThan(0);
    await ok(rep, `/opportunities/${deal.id}/contacts`);
  });
});
