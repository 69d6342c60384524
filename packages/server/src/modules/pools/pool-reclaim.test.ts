import { sql } from 'drizzle-orm';
import { beforeAll, describe, expect, it } from 'vitest';
import { dbRows } from '../../../test/db-state.js';
import { type Json, testDatabase } from '../../../test/helpers.js';
import {
  created,
  DAY,
  one,
  ownedFor,
  type PoolTeam,
  poolState,
  poolTeam,
  refused,
} from '../../../test/pool-fixtures.js';
import { enqueueJob, runDueJobs } from '../../platform/jobs.js';
import { noteAccountActivity, noteAccountWon } from '../accounts/index.js';
import { noteLeadActivity } from '../leads/index.js';
import { reclaimWorkspace } from './index.js';

const notes = (recordId: string) =>
  dbRows<{ user_id: string; kind: string; params: Json; dedupe_key: string }>(
    sql`select user_id, kind, params, dedupe_key from notifications where record_id = ${recordId} order by created_at, id`,
  );
const ownerOf = async (table: 'accounts' | 'leads', id: string) =>
  one<{ owner_id: string | null; pool_entry: string | null; former_owner_id: string | null }>(
    sql`select owner_id, pool_entry, former_owner_id from ${sql.identifier(table)} where id = ${id}`,
  );
const at = (base: string, days: number, hours = 0) =>
  new Date(Date.parse(base) + days * DAY + hours * 3_600_000);

describe('pools: auto-reclaim', () => {
  let team: PoolTeam;
  const run = async (now: Date) =>
    reclaimWorkspace((await testDatabase()).db, team.ws.workspaceId, now);

  beforeAll(async () => {
    team = await poolTeam();
    await created(
      team.as.admin.patch(`/pools/${team.accountPoolId}`, {
        noActivityDays: 30,
        warnDaysBefore: 3,
      }),
      200,
    );
  });

  it('warns once K days before, reclaims after N days as the system, and a second run changes nothing', async () => {
    const account = await created(team.as.rep1.post('/accounts', { name: 'Sleepy Holdings' }));
    const since = account.ownerSince as string;
    await run(at(since, 26, 23));
    expect(await notes(account.id)).toEqual([]);
    expect((await ownerOf('accounts', account.id)).owner_id).toBe(team.users.rep1.userId);

    await run(at(since, 27, 1));
    await run(at(since, 28));
    await run(at(since, 29, 23));
    const warnings = await notes(account.id);
    expect(warnings).toHaveLength(1);
    expect(warnings[0]).toMatchObject({
      user_id: team.users.rep1.userId,
      kind: 'pools.reclaimWarning',
      params: {
        name: 'Sleepy Holdings',
        objectType: 'account',
        rule: 'no_activity',
        days: 30,
        deadline: at(since, 30).toISOString().slice(0, 10),
        poolName: 'Account pool',
      },
    });
    expect((await ownerOf('accounts', account.id)).owner_id).toBe(team.users.rep1.userId);

    const report = await run(at(since, 30, 1));
    expect(report.reclaimed).toBeGreaterThanOrEqual(1);
    expect(await ownerOf('accounts', account.id)).toEqual({
      owner_id: null,
      pool_entry: 'reclaimed_no_activity',
      former_owner_id: team.users.rep1.userId,
    });
    const history = (await team.as.admin.get(`/accounts/${account.id}/history`)).json().data;
    expect(history[0]).toMatchObject({ action: 'update', actorId: null, via: 'system' });
    expect(history[0].changes).toEqual([
      { field: 'ownerId', old: team.users.rep1.userId, new: null },
      { field: 'poolEntry', old: null, new: 'reclaimed_no_activity' },
    ]);
    const after = await notes(account.id);
    expect(after.map((n) => n.kind)).toEqual(['pools.reclaimWarning', 'pools.reclaimed']);
    expect(after[1]).toMatchObject({
      user_id: team.users.rep1.userId,
      params: { rule: 'no_activity' },
    });

    const state = await poolState(team.ws.workspaceId);
    await run(at(since, 30, 2));
    await run(at(since, 45));
    expect(await poolState(team.ws.workspaceId)).toEqual(state);
  });

  it('starts the clock again with a follow-up activity', async () => {
    const account = await created(team.as.rep2.post('/accounts', { name: 'Busy Partners' }));
    const since = account.ownerSince as string;
    await noteAccountActivity(team.users.rep2.ctx, account.id, at(since, 20));
    await run(at(since, 31));
    expect((await ownerOf('accounts', account.id)).owner_id).toBe(team.users.rep2.userId);
    expect(await notes(account.id)).toEqual([]);
    await run(at(since, 47, 1));
    expect((await notes(account.id)).map((n) => n.params.deadline)).toEqual([
      at(since, 50).toISOString().slice(0, 10),
    ]);
    await run(at(since, 50, 1));
    expect((await ownerOf('accounts', account.id)).owner_id).toBeNull();
  });

  it('leaves records in the trash alone', async () => {
    const account = await created(team.as.rep1.post('/accounts', { name: 'Trashed Idle Ltd.' }));
    expect((await team.as.rep1.delete(`/accounts/${account.id}`)).statusCode).toBe(204);
    await run(at(account.ownerSince, 60));
    expect((await ownerOf('accounts', account.id)).owner_id).toBe(team.users.rep1.userId);
  });

  it('with a no-win rule, a won opportunity keeps the account; none reclaims it', async () => {
    const pool = await created(
      team.as.admin.post('/pools', { name: 'Key accounts', objectType: 'account', noWonDays: 90 }),
    );
    const won = await created(
      team.as.admin.post('/accounts', {
        name: 'Winner Corp',
        poolId: pool.id,
        ownerId: team.users.rep1.userId,
      }),
    );
    const idle = await created(
      team.as.admin.post('/accounts', {
        name: 'Never Won Ltd.',
        poolId: pool.id,
        ownerId: team.users.rep1.userId,
      }),
    );
    await noteAccountWon(team.users.admin.ctx, won.id, at(won.ownerSince, 60));
    await run(at(won.ownerSince, 91));
    expect((await ownerOf('accounts', won.id)).owner_id).toBe(team.users.rep1.userId);
    expect(await ownerOf('accounts', idle.id)).toMatchObject({
      owner_id: null,
      pool_entry: 'reclaimed_no_won',
    });
    await run(at(won.ownerSince, 151));
    expect((await ownerOf('accounts', won.id)).pool_entry).toBe('reclaimed_no_won');
  });

  it('reclaims leads by their last activity', async () => {
    await created(team.as.admin.patch(`/pools/${team.leadPoolId}`, { noActivityDays: 14 }), 200);
    const lead = await created(team.as.rep3.post('/leads', { name: 'Sun Li', company: 'SL' }));
    await noteLeadActivity(team.users.rep3.ctx, lead.id, at(lead.ownerSince, 10));
    await run(at(lead.ownerSince, 15));
    expect((await ownerOf('leads', lead.id)).owner_id).toBe(team.users.rep3.userId);
    await run(at(lead.ownerSince, 24, 1));
    expect(await ownerOf('leads', lead.id)).toMatchObject({
      owner_id: null,
      pool_entry: 'reclaimed_no_activity',
    });
    await created(team.as.admin.patch(`/pools/${team.leadPoolId}`, { noActivityDays: null }), 200);
  });

  it('lets an administrator run a pool now or dry-run it; others may not', async () => {
    const account = await created(team.as.rep2.post('/accounts', { name: 'Overdue Imports' }));
    await ownedFor('accounts', account.id, 31);
    const url = `/pools/${team.accountPoolId}/run-reclaim`;
    await refused(team.ws.workspaceId, () => team.as.manager.post(url, { dryRun: true }), 403);
    const dry = await refused(
      team.ws.workspaceId,
      () => team.as.admin.post(url, { dryRun: true }),
      200,
    );
    expect(dry.dryRun).toBe(true);
    expect(dry.reclaimed).toEqual([
      expect.objectContaining({
        recordId: account.id,
        name: 'Overdue Imports',
        ownerId: team.users.rep2.userId,
        rule: 'no_activity',
      }),
    ]);
    const real = await created(team.as.admin.post(url, {}), 200);
    expect(real.reclaimed.map((r: Json) => r.recordId)).toEqual([account.id]);
    expect((await ownerOf('accounts', account.id)).owner_id).toBeNull();
  });

  it('runs as a durable job per workspace', async () => {
    const account = await created(team.as.rep1.post('/accounts', { name: 'Job Run Ltd.' }));
    const { db } = await testDatabase();
    const database = await testDatabase();
    const now = at(account.ownerSince, 31);
    await enqueueJob(db, {
      name: 'pools.reclaim-workspace',
      workspaceId: team.ws.workspaceId,
      runAt: now,
      dedupeKey: team.ws.workspaceId,
    });
    const result = await runDueJobs(database, now, { workspaceId: team.ws.workspaceId });
    expect(result).toEqual({ ran: 1, failed: 0 });
    expect((await ownerOf('accounts', account.id)).pool_entry).toBe('reclaimed_no_activity');
  });
});
