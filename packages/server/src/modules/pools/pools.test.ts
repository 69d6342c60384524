import { sql } from 'drizzle-orm';
import { beforeAll, describe, expect, it } from 'vitest';
import { dbRows } from '../../../test/db-state.js';
import { createTestWorkspace, TEST_PASSWORD } from '../../../test/factories/index.js';
import { type Json, logIn, testDatabase } from '../../../test/helpers.js';
import { created, one, type PoolTeam, poolTeam, refused } from '../../../test/pool-fixtures.js';

describe('pools: settings and visibility', () => {
  let team: PoolTeam;
  beforeAll(async () => {
    team = await poolTeam();
  });

  it('gives a new workspace an account pool and a lead pool named in its language', async () => {
    const en = (await team.as.admin.get('/pools')).json().data as Json[];
    expect(en.map((p) => [p.name, p.objectType, p.holdingLimit, p.noActivityDays])).toEqual([
      ['Account pool', 'account', null, null],
      ['Lead pool', 'lead', null, null],
    ]);
    const { db } = await testDatabase();
    const zh = await createTestWorkspace(db, { locale: 'zh-CN' });
    const admin = await logIn(zh.admin.email, TEST_PASSWORD);
    const names = (await admin.get('/pools')).json().data.map((p: Json) => p.name);
    expect(names).toEqual(['公海客户', '公海线索']);
  });

  it('puts new accounts and leads in the first pool of their object, owned since now', async () => {
    const account = await created(team.as.rep1.post('/accounts', { name: 'Pool Default Co.' }));
    expect(account).toMatchObject({
      ownerId: team.users.rep1.userId,
      poolId: team.accountPoolId,
      pooledAt: null,
      poolEntry: null,
      returnReason: null,
    });
    expect(Date.now() - Date.parse(account.ownerSince)).toBeLessThan(60_000);
    const lead = await created(team.as.rep1.post('/leads', { name: 'Wang Fang', company: 'X' }));
    expect(lead).toMatchObject({ ownerId: team.users.rep1.userId, poolId: team.leadPoolId });
  });

  it('lets only administrators create, change and delete pools, each change audited', async () => {
    const body = { name: 'East China pool', objectType: 'account', holdingLimit: 50 };
    await refused(team.ws.workspaceId, () => team.as.rep1.post('/pools', body), 403, 'forbidden');
    await refused(
      team.ws.workspaceId,
      () => team.as.manager.patch(`/pools/${team.accountPoolId}`, { holdingLimit: 1 }),
      403,
      'forbidden',
    );
    const pool = await created(
      team.as.admin.post('/pools', {
        ...body,
        noActivityDays: 30,
        noWonDays: 90,
        warnDaysBefore: 3,
        departmentIds: [team.salesDepartmentId],
      }),
    );
    expect(pool).toMatchObject({ ...body, noActivityDays: 30, pooledCount: 0, version: 1 });
    const changed = await created(
      team.as.admin.patch(`/pools/${pool.id}`, { holdingLimit: 40 }, { 'if-match': '"1"' }),
      200,
    );
    expect(changed).toMatchObject({ holdingLimit: 40, version: 2 });
    await refused(
      team.ws.workspaceId,
      () => team.as.admin.patch(`/pools/${pool.id}`, { holdingLimit: 30 }, { 'if-match': '"1"' }),
      412,
      'precondition_failed',
    );
    const audit = await dbRows<{ action: string; changes: Json }>(
      sql`select action, changes from audit_entries where record_id = ${pool.id} order by at, id`,
    );
    expect(audit.map((a) => a.action)).toEqual(['create', 'update']);
    expect(audit[1].changes).toEqual([{ field: 'holdingLimit', old: 50, new: 40 }]);
    expect((await team.as.admin.delete(`/pools/${pool.id}`)).statusCode).toBe(204);
    expect((await team.as.admin.get(`/pools/${pool.id}`)).statusCode).toBe(404);
  });

  it('refuses rules that make no sense, writing nothing', async () => {
    const ws = team.ws.workspaceId;
    const post = (body: Json) => () => team.as.admin.post('/pools', { name: 'P', ...body });
    const warnTooLate = await refused(
      ws,
      post({ objectType: 'account', noActivityDays: 5, warnDaysBefore: 5 }),
      400,
    );
    expect(warnTooLate.errors[0]).toMatchObject({ path: 'warnDaysBefore', code: 'too_big' });
    const warnAlone = await refused(ws, post({ objectType: 'lead', warnDaysBefore: 2 }), 400);
    expect(warnAlone.errors[0].path).toBe('warnDaysBefore');
    const wonOnLeads = await refused(ws, post({ objectType: 'lead', noWonDays: 30 }), 400);
    expect(wonOnLeads.errors[0].path).toBe('noWonDays');
    const noDept = await refused(
      ws,
      post({ objectType: 'lead', departmentIds: ['0190a0a0-0000-7000-8000-000000000000'] }),
      400,
    );
    expect(noDept.errors[0]).toMatchObject({ path: 'departmentIds.0', code: 'not_found' });
    const badLimit = await refused(ws, post({ objectType: 'lead', holdingLimit: 0 }), 400);
    expect(badLimit.errors[0].path).toBe('holdingLimit');
  });

  it('keeps a pool that records belong to (409)', async () => {
    const res = await refused(
      team.ws.workspaceId,
      () => team.as.admin.delete(`/pools/${team.accountPoolId}`),
      409,
      'conflict',
    );
    expect(res.detail).toMatch(/belong to this pool/);
  });

  it('shows a department pool only to members of its departments (and those below) and admins', async () => {
    const pool = await created(
      team.as.admin.post('/pools', {
        name: 'Sales only',
        objectType: 'account',
        departmentIds: [team.salesDepartmentId],
      }),
    );
    const seen = async (who: keyof PoolTeam['as']) =>
      (await team.as[who].get('/pools')).json().data.some((p: Json) => p.id === pool.id);
    expect(await seen('admin')).toBe(true);
    expect(await seen('rep1')).toBe(true);
    expect(await seen('rep2')).toBe(true); // Sales East is below Sales
    expect(await seen('rep3')).toBe(false); // Marketing is not
    expect((await team.as.rep3.get(`/pools/${pool.id}`)).statusCode).toBe(404);
    expect((await team.as.rep3.get(`/pools/${pool.id}/records`)).statusCode).toBe(404);
    expect((await team.as.rep2.get(`/pools/${pool.id}/records`)).statusCode).toBe(200);
    // An account waiting there cannot be claimed by someone who may not see the pool.
    const account = await created(
      team.as.admin.post('/accounts', { name: 'Sales-only Ltd.', poolId: pool.id }),
    );
    await created(team.as.admin.post(`/accounts/${account.id}/return`, { reason: 'spare' }), 200);
    await refused(
      team.ws.workspaceId,
      () => team.as.rep3.post(`/accounts/${account.id}/claim`),
      404,
      'not_found',
    );
    await created(team.as.rep2.post(`/accounts/${account.id}/claim`), 200);
  });

  it('hides a pool from roles that may not read its object', async () => {
    const { db } = await testDatabase();
    const role = await one<{ id: string }>(
      sql`select id from roles where workspace_id = ${team.ws.workspaceId} and builtin_key = 'sales_rep'`,
    );
    const noLeads = await created(
      team.as.admin.post('/roles', {
        name: 'Accounts only',
        permissions: {
          manageWorkspace: false,
          objects: {
            account: { create: true, read: true, update: true, delete: false, scope: 'own' },
          },
        },
      }),
    );
    await db.execute(
      sql`update members set role_id = ${noLeads.id} where user_id = ${team.users.rep3.userId}`,
    );
    const pools = (await team.as.rep3.get('/pools')).json().data.map((p: Json) => p.objectType);
    expect(pools).not.toContain('lead');
    expect((await team.as.rep3.get(`/pools/${team.leadPoolId}/records`)).statusCode).toBe(404);
    expect((await team.as.rep3.get('/pools/holdings')).json().data).toEqual([
      { objectType: 'account', held: 0 },
    ]);
    await db.execute(
      sql`update members set role_id = ${role.id} where user_id = ${team.users.rep3.userId}`,
    );
  });

  it('lets only administrators move a record to another pool of its object', async () => {
    const account = await created(team.as.rep1.post('/accounts', { name: 'Mover Inc.' }));
    const notMine = await refused(
      team.ws.workspaceId,
      () => team.as.rep1.patch(`/accounts/${account.id}`, { poolId: team.accountPoolId }),
      400,
    );
    expect(notMine.errors[0]).toMatchObject({ path: 'poolId', code: 'not_permitted' });
    const wrongObject = await refused(
      team.ws.workspaceId,
      () => team.as.admin.patch(`/accounts/${account.id}`, { poolId: team.leadPoolId }),
      400,
    );
    expect(wrongObject.errors[0]).toMatchObject({ path: 'poolId', code: 'not_found' });
    const other = await created(
      team.as.admin.post('/pools', { name: 'Second', objectType: 'account' }),
    );
    const moved = await created(
      team.as.admin.patch(`/accounts/${account.id}`, { poolId: other.id }),
      200,
    );
    expect(moved.poolId).toBe(other.id);
    const history = (await team.as.admin.get(`/accounts/${account.id}/history`)).json().data;
    expect(history[0].changes).toEqual([
      { field: 'poolId', old: team.accountPoolId, new: other.id },
    ]);
  });
});
