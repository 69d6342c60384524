import { sql } from 'drizzle-orm';
import { beforeAll, describe, expect, it } from 'vitest';
import { dbRows } from '../../../test/db-state.js';
import { createTestWorkspace, TEST_PASSWORD } from '../../../test/factories/index.js';
import { type Json, logIn, testDatabase } from '../../../test/helpers.js';
import { created, one, type PoolTeam, poolTeam, refused } from '../../../test/pool-fixtures.js';

const events = (recordId: string) =>
  dbRows<{ type: string }>(
    sql`select type from outbox_events where record_id = ${recordId} order by created_at, id`,
  ).then((rows) => rows.map((r) => r.type));

describe('pools: return and claim', () => {
  let team: PoolTeam;
  beforeAll(async () => {
    team = await poolTeam();
  });

  const newAccount = (who: 'rep1' | 'rep2' | 'admin', name: string) =>
    created(team.as[who].post('/accounts', { name }));

  it('returns an account with a reason: unowned, audited, out of the rep’s sight, in the pool', async () => {
    const { rep1, admin } = team.as;
    const account = await newAccount('rep1', 'Returned Trading Co.');
    const returned = await created(
      rep1.post(`/accounts/${account.id}/return`, { reason: 'No budget this year' }),
      200,
    );
    expect(returned).toMatchObject({
      ownerId: null,
      ownerSince: null,
      poolId: team.accountPoolId,
      poolEntry: 'returned',
      returnReason: 'No budget this year',
      formerOwnerId: team.users.rep1.userId,
      version: 2,
    });
    expect(returned.pooledAt).not.toBeNull();
    expect((await rep1.get(`/accounts/${account.id}`)).statusCode).toBe(404);
    expect((await rep1.get('/accounts')).json().data.map((a: Json) => a.id)).not.toContain(
      account.id,
    );
    const pooled = (await rep1.get(`/pools/${team.accountPoolId}/records`)).json().data;
    expect(pooled.map((a: Json) => a.id)).toContain(account.id);
    const history = (await admin.get(`/accounts/${account.id}/history`)).json().data;
    expect(history[0]).toMatchObject({ action: 'update', actorId: team.users.rep1.userId });
    expect(history[0].changes).toEqual([
      { field: 'ownerId', old: team.users.rep1.userId, new: null },
      { field: 'returnReason', old: null, new: 'No budget this year' },
    ]);
    expect(await events(account.id)).toEqual(['account.created', 'account.returned']);
  });

  it('refuses a return without a reason, by someone out of scope, or of a pooled record', async () => {
    const ws = team.ws.workspaceId;
    const account = await newAccount('rep1', 'Kept Ltd.');
    const noReason = await refused(
      ws,
      () => team.as.rep1.post(`/accounts/${account.id}/return`, { reason: '  ' }),
      400,
      'validation_failed',
    );
    expect(noReason.errors[0]).toMatchObject({ path: 'reason', code: 'required' });
    await refused(ws, () => team.as.rep1.post(`/accounts/${account.id}/return`, {}), 400);
    await refused(
      ws,
      () => team.as.rep2.post(`/accounts/${account.id}/return`, { reason: 'mine now' }),
      404,
      'not_found',
    );
    // The manager's scope covers rep1 (same department): allowed.
    await created(
      team.as.manager.post(`/accounts/${account.id}/return`, { reason: 'rep overloaded' }),
      200,
    );
    await refused(
      ws,
      () => team.as.admin.post(`/accounts/${account.id}/return`, { reason: 'again' }),
      409,
      'not_in_pool',
    );
  });

  it('claims: the caller owns it from now, the pool stay ends, contacts of the former owner follow', async () => {
    const account = await newAccount('rep1', 'Claimable Systems');
    const mine = await created(
      team.as.rep1.post('/contacts', { name: 'Li Lei', accountId: account.id }),
    );
    const colleagues = await created(
      team.as.admin.post('/contacts', { name: 'Han Meimei', accountId: account.id }),
    );
    await created(
      team.as.rep1.post(`/accounts/${account.id}/return`, { reason: 'moving on' }),
      200,
    );
    const claimed = await created(team.as.rep2.post(`/accounts/${account.id}/claim`), 200);
    expect(claimed).toMatchObject({
      ownerId: team.users.rep2.userId,
      pooledAt: null,
      poolEntry: null,
      returnReason: null,
      formerOwnerId: null,
      version: 3,
    });
    expect(Date.now() - Date.parse(claimed.ownerSince)).toBeLessThan(60_000);
    expect((await team.as.rep2.get(`/accounts/${account.id}`)).statusCode).toBe(200);
    const owners = await dbRows<{ id: string; owner_id: string }>(
      sql`select id, owner_id from contacts where account_id = ${account.id}`,
    );
    expect(Object.fromEntries(owners.map((c) => [c.id, c.owner_id]))).toEqual({
      [mine.id]: team.users.rep2.userId,
      [colleagues.id]: team.users.admin.userId,
    });
    const contactHistory = (await team.as.rep2.get(`/contacts/${mine.id}/history`)).json().data;
    expect(contactHistory[0].changes).toEqual([
      { field: 'ownerId', old: team.users.rep1.userId, new: team.users.rep2.userId },
    ]);
    expect(await events(account.id)).toEqual([
      'account.created',
      'account.returned',
      'account.claimed',
    ]);
    await refused(
      team.ws.workspaceId,
      () => team.as.rep2.post(`/accounts/${account.id}/claim`),
      409,
      'not_in_pool',
    );
  });

  it('refuses a claim past the holding limit with the numbers, writing nothing', async () => {
    const { db } = await testDatabase();
    const ws = await createTestWorkspace(db);
    const admin = await logIn(ws.admin.email, TEST_PASSWORD);
    const pool = (await admin.get('/pools'))
      .json()
      .data.find((p: Json) => p.objectType === 'account');
    await created(admin.patch(`/pools/${pool.id}`, { holdingLimit: 2 }), 200);
    const ids: string[] = [];
    for (const name of ['One', 'Two', 'Three']) {
      ids.push((await created(admin.post('/accounts', { name: `${name} Co.` }))).id);
    }
    await created(admin.post(`/accounts/${ids[2]}/return`, { reason: 'spare' }), 200);
    expect((await admin.get('/pools/holdings')).json().data).toEqual([
      { objectType: 'account', held: 2 },
      { objectType: 'lead', held: 0 },
    ]);
    const problem = await refused(
      ws.workspaceId,
      () => admin.post(`/accounts/${ids[2]}/claim`),
      409,
      'holding_limit',
    );
    expect(problem.params).toEqual({ limit: 2, held: 2 });
    await created(admin.post(`/accounts/${ids[0]}/return`, { reason: 'make room' }), 200);
    await created(admin.post(`/accounts/${ids[2]}/claim`), 200);
  });

  it('lets exactly one of two concurrent claims win', async () => {
    const account = await newAccount('admin', 'Contested Claim Ltd.');
    await created(team.as.admin.post(`/accounts/${account.id}/return`, { reason: 'open it' }), 200);
    const answers = await Promise.all([
      team.as.rep1.post(`/accounts/${account.id}/claim`),
      team.as.rep2.post(`/accounts/${account.id}/claim`),
      team.as.manager.post(`/accounts/${account.id}/claim`),
    ]);
    const codes = answers.map((r) => r.statusCode).sort();
    expect(codes).toEqual([200, 409, 409]);
    for (const loser of answers.filter((r) => r.statusCode === 409)) {
      expect(loser.json().code).toBe('not_in_pool');
    }
    const winner = answers.find((r) => r.statusCode === 200)!.json().ownerId;
    const row = await one<{ owner_id: string; version: number }>(
      sql`select owner_id, version from accounts where id = ${account.id}`,
    );
    expect(row).toEqual({ owner_id: winner, version: 3 });
    expect((await events(account.id)).filter((e) => e === 'account.claimed')).toHaveLength(1);
  });

  it('lets someone whose scope covers it assign a pooled account, ending its stay in the pool', async () => {
    const account = await newAccount('admin', 'Assigned From Pool Ltd.');
    await created(team.as.admin.post(`/accounts/${account.id}/return`, { reason: 'x' }), 200);
    const edited = await created(
      team.as.admin.patch(`/accounts/${account.id}`, { tier: 'B' }),
      200,
    );
    expect(edited).toMatchObject({ ownerId: null, poolEntry: 'returned', tier: 'B' });
    const assigned = await created(
      team.as.admin.patch(`/accounts/${account.id}`, { ownerId: team.users.rep2.userId }),
      200,
    );
    expect(assigned).toMatchObject({
      ownerId: team.users.rep2.userId,
      pooledAt: null,
      poolEntry: null,
      returnReason: null,
      formerOwnerId: null,
    });
    expect(Date.parse(assigned.ownerSince)).toBeGreaterThan(Date.parse(account.ownerSince));
    const history = (await team.as.admin.get(`/accounts/${account.id}/history`)).json().data;
    expect(history[0].changes).toEqual([
      { field: 'ownerId', old: null, new: team.users.rep2.userId },
    ]);
  });

  it('returns and claims leads the same way', async () => {
    const lead = await created(team.as.rep1.post('/leads', { name: 'Zhao Lei', company: 'ZL' }));
    const returned = await created(
      team.as.rep1.post(`/leads/${lead.id}/return`, { reason: 'wrong region' }),
      200,
    );
    expect(returned).toMatchObject({
      ownerId: null,
      poolId: team.leadPoolId,
      poolEntry: 'returned',
    });
    const pooled = (await team.as.rep2.get(`/pools/${team.leadPoolId}/records`)).json().data;
    expect(pooled.map((l: Json) => l.id)).toContain(lead.id);
    const claimed = await created(team.as.rep2.post(`/leads/${lead.id}/claim`), 200);
    expect(claimed.ownerId).toBe(team.users.rep2.userId);
    expect(await events(lead.id)).toEqual(['lead.created', 'lead.returned', 'lead.claimed']);
  });

  it('lists the pool with the shared filters, sort, search and cursor', async () => {
    const { db } = await testDatabase();
    const ws = await createTestWorkspace(db);
    const admin = await logIn(ws.admin.email, TEST_PASSWORD);
    const pool = (await admin.get('/pools')).json().data[0];
    for (const [name, industry] of [
      ['杭州云启网络科技有限公司', 'software'],
      ['Acme GmbH', 'manufacturing'],
      ['Bluepeak Energy', 'energy'],
    ]) {
      const a = await created(admin.post('/accounts', { name, industry }));
      await created(admin.post(`/accounts/${a.id}/return`, { reason: 'r' }), 200);
    }
    await created(admin.post('/accounts', { name: 'Owned Still Ltd.' }));
    const url = `/pools/${pool.id}/records`;
    const all = (await admin.get(`${url}?sort=name&limit=2`)).json();
    expect(all.data.map((a: Json) => a.name)).toEqual(['Acme GmbH', 'Bluepeak Energy']);
    const rest = (
      await admin.get(`${url}?sort=name&limit=2&cursor=${encodeURIComponent(all.nextCursor)}`)
    ).json();
    expect(rest.data.map((a: Json) => a.name)).toEqual(['杭州云启网络科技有限公司']);
    expect(rest.nextCursor).toBeNull();
    const q = (await admin.get(`${url}?q=${encodeURIComponent('云启')}`)).json().data;
    expect(q).toHaveLength(1);
    const filter = encodeURIComponent(JSON.stringify({ industry: { eq: 'energy' } }));
    expect((await admin.get(`${url}?filter=${filter}`)).json().data).toHaveLength(1);
    expect((await admin.get('/pools')).json().data[0].pooledCount).toBe(3);
  });

  it('never reaches another workspace’s pools or records', async () => {
    const { db } = await testDatabase();
    const other = await createTestWorkspace(db);
    const outsider = await logIn(other.admin.email, TEST_PASSWORD);
    const account = await newAccount('rep1', 'Tenant Safe Co.');
    await created(team.as.rep1.post(`/accounts/${account.id}/return`, { reason: 'r' }), 200);
    const ws = team.ws.workspaceId;
    await refused(ws, () => outsider.get(`/pools/${team.accountPoolId}`), 404);
    await refused(ws, () => outsider.get(`/pools/${team.accountPoolId}/records`), 404);
    await refused(ws, () => outsider.post(`/accounts/${account.id}/claim`), 404);
    await refused(
      ws,
      () => outsider.patch(`/pools/${team.accountPoolId}`, { holdingLimit: 1 }),
      404,
    );
    await refused(ws, () => outsider.delete(`/pools/${team.accountPoolId}`), 404);
    const theirs = (await outsider.get('/pools')).json().data.map((p: Json) => p.id);
    expect(theirs).not.toContain(team.accountPoolId);
  });
});
