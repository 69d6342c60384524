import { sql } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { type Client, signUp, testDatabase } from '../../../test/helpers.js';
import { rowsOf } from '../../db/client.js';

const countAccounts = async (workspaceId: string) => {
  const { db } = await testDatabase();
  return rowsOf<{ n: number }>(
    await db.execute(
      sql`select count(*)::int as n from accounts where workspace_id = ${workspaceId}`,
    ),
  )[0].n;
};

async function createAccount(client: Client, body: Record<string, unknown> = {}) {
  const res = await client.post('/accounts', { name: 'Northwind Traders Ltd.', ...body });
  expect(res.statusCode, res.body).toBe(201);
  return res.json();
}

describe('accounts', () => {
  it('creates, reads with ETag, updates with If-Match, and records history', async () => {
    const admin = await signUp();
    const created = await createAccount(admin, {
      name: '  上海锐思信息科技有限公司 ',
      industry: 'software',
      tier: 'A',
      tags: ['重点客户', '重点客户', 'strategic'],
      website: 'ruisi.com.cn',
    });
    expect(created).toMatchObject({
      name: '上海锐思信息科技有限公司',
      industry: 'software',
      tier: 'A',
      status: 'prospect',
      version: 1,
      ownerId: admin.userId,
      tags: ['重点客户', 'strategic'],
      createdBy: admin.userId,
    });

    const got = await admin.get(`/accounts/${created.id}`);
    expect(got.statusCode).toBe(200);
    expect(got.headers.etag).toBe('"1"');

    const updated = await admin.patch(
      `/accounts/${created.id}`,
      { tier: 'B', city: '上海市' },
      { 'if-match': '"1"' },
    );
    expect(updated.statusCode, updated.body).toBe(200);
    expect(updated.json()).toMatchObject({ tier: 'B', city: '上海市', version: 2 });
    expect(updated.headers.etag).toBe('"2"');

    const history = (await admin.get(`/accounts/${created.id}/history`)).json().data;
    expect(history.map((h: { action: string }) => h.action)).toEqual(['update', 'create']);
    expect(history[0].changes).toEqual(
      expect.arrayContaining([
        { field: 'tier', old: 'A', new: 'B' },
        { field: 'city', old: null, new: '上海市' },
      ]),
    );
    expect(history[0]).toMatchObject({
      actorId: admin.userId,
      actorName: 'Ada Admin',
      via: 'session',
    });
  });

  it('answers 412 to a stale If-Match and changes nothing', async () => {
    const admin = await signUp();
    const { id } = await createAccount(admin);
    expect(
      (await admin.patch(`/accounts/${id}`, { tier: 'C' }, { 'if-match': '"1"' })).statusCode,
    ).toBe(200);
    const stale = await admin.patch(`/accounts/${id}`, { tier: 'D' }, { 'if-match': '"1"' });
    expect(stale.statusCode).toBe(412);
    expect(stale.json().code).toBe('precondition_failed');
    const now = (await admin.get(`/accounts/${id}`)).json();
    expect(now).toMatchObject({ tier: 'C', version: 2 });
  });

  it('moves to the trash and restores, with both steps in the history', async () => {
    const admin = await signUp();
    const { id } = await createAccount(admin);
    expect((await admin.delete(`/accounts/${id}`)).statusCode).toBe(204);
    expect((await admin.get(`/accounts/${id}`)).statusCode).toBe(404);
    expect((await admin.get('/accounts')).json().data).toHaveLength(0);
    const trash = (await admin.get('/accounts?deleted=true')).json().data;
    expect(trash.map((a: { id: string }) => a.id)).toEqual([id]);
    expect((await admin.delete(`/accounts/${id}`)).statusCode).toBe(404);

    const restored = await admin.post(`/accounts/${id}/restore`);
    expect(restored.statusCode).toBe(200);
    expect(restored.json()).toMatchObject({ deletedAt: null, version: 3 });
    expect((await admin.post(`/accounts/${id}/restore`)).statusCode).toBe(404);
    const actions = (await admin.get(`/accounts/${id}/history`))
      .json()
      .data.map((h: { action: string }) => h.action);
    expect(actions).toEqual(['restore', 'delete', 'create']);
  });

  it('lists with sort, keyset cursor, filter and Chinese search', async () => {
    const admin = await signUp();
    const names = [
      '杭州云启网络科技有限公司',
      'Bluepeak Energy Inc.',
      'Acme GmbH',
      '北京中科软件有限公司',
      'Cobalt Labs LLC',
    ];
    for (const [i, name] of names.entries()) {
      await createAccount(admin, { name, tier: i % 2 === 0 ? 'A' : 'B', industry: 'software' });
    }
    const seen: string[] = [];
    let cursor: string | null = null;
    do {
      const url: string = `/accounts?limit=2&sort=name${cursor ? `&cursor=${encodeURIComponent(cursor)}` : ''}`;
      const page = (await admin.get(url)).json();
      expect(page.data.length).toBeLessThanOrEqual(2);
      seen.push(...page.data.map((a: { name: string }) => a.name));
      cursor = page.nextCursor;
    } while (cursor);
    expect(seen).toHaveLength(5);
    expect(seen).toEqual([...seen].sort((a, b) => (a < b ? -1 : 1)));

    const tierA = (
      await admin.get(`/accounts?filter=${encodeURIComponent('{"tier":{"eq":"A"}}')}`)
    ).json().data;
    expect(tierA).toHaveLength(3);
    const either = JSON.stringify({
      or: [{ name: { startsWith: 'acme' } }, { name: { contains: '中科' } }],
    });
    const orRes = (
      await admin.get(`/accounts?filter=${encodeURIComponent(either)}&sort=name`)
    ).json().data;
    expect(orRes.map((a: { name: string }) => a.name)).toEqual([
      'Acme GmbH',
      '北京中科软件有限公司',
    ]);
    const q = (await admin.get(`/accounts?q=${encodeURIComponent('云启')}`)).json().data;
    expect(q.map((a: { name: string }) => a.name)).toEqual(['杭州云启网络科技有限公司']);
    const underscore = (await admin.get(`/accounts?q=${encodeURIComponent('%')}`)).json().data;
    expect(underscore).toHaveLength(0);
  });

  it('descending cursor pages over equal and null values visit every row once', async () => {
    const admin = await signUp();
    for (let i = 0; i < 7; i++)
      await createAccount(admin, {
        name: `Co ${i}`,
        city: i < 3 ? null : i < 5 ? 'Shanghai' : 'Beijing',
      });
    const seen: string[] = [];
    let cursor: string | null = null;
    do {
      const url: string = `/accounts?limit=2&sort=-city,name${cursor ? `&cursor=${encodeURIComponent(cursor)}` : ''}`;
      const page = (await admin.get(url)).json();
      seen.push(
        ...page.data.map((a: { name: string; city: string | null }) => `${a.city}:${a.name}`),
      );
      cursor = page.nextCursor;
    } while (cursor);
    expect(seen).toEqual([
      'Shanghai:Co 3',
      'Shanghai:Co 4',
      'Beijing:Co 5',
      'Beijing:Co 6',
      'null:Co 0',
      'null:Co 1',
      'null:Co 2',
    ]);
  });

  it('replays a create with the same Idempotency-Key instead of creating twice', async () => {
    const admin = await signUp();
    const headers = { 'idempotency-key': 'create-northwind-1' };
    const first = await admin.post('/accounts', { name: 'Northwind' }, headers);
    const second = await admin.post('/accounts', { name: 'Northwind' }, headers);
    expect(first.statusCode).toBe(201);
    expect(second.statusCode).toBe(201);
    expect(second.json().id).toBe(first.json().id);
    expect(second.headers['idempotent-replayed']).toBe('true');
    expect(await countAccounts(admin.workspaceId)).toBe(1);
    const reused = await admin.post('/accounts', { name: 'Other' }, headers);
    expect(reused.statusCode).toBe(409);
    expect(reused.json().code).toBe('idempotency_conflict');
    expect(await countAccounts(admin.workspaceId)).toBe(1);
  });
});
