import { sql } from 'drizzle-orm';
import { beforeAll, describe, expect, it } from 'vitest';
import { countRows, dbRows, storedRecord, workspaceState } from '../../../test/db-state.js';
import { type Client, type Json, signUp, withApiKey } from '../../../test/helpers.js';

async function createContact(client: Client, body: Record<string, unknown> = {}) {
  const res = await client.post('/contacts', { name: 'Li Wei', ...body });
  expect(res.statusCode, res.body).toBe(201);
  return res.json();
}

async function createAccount(client: Client, name: string) {
  const res = await client.post('/accounts', { name });
  expect(res.statusCode, res.body).toBe(201);
  return res.json();
}

const names = (page: Json) => page.data.map((c: { name: string }) => c.name);

describe('contacts', () => {
  it('creates a contact linked to an account, normalizing its fields', async () => {
    const admin = await signUp();
    const account = await createAccount(admin, '上海锐思信息科技有限公司');
    const created = await createContact(admin, {
      name: '  王芳 ',
      title: '采购总监',
      email: ' Wang.Fang@Ruisi.COM.cn ',
      phones: [{ label: 'mobile', number: '+86 138 0013 8000' }],
      wechat: 'wangfang_88',
      buyingRole: 'decision_maker',
      department: '',
      accountId: account.id,
    });
    expect(created).toMatchObject({
      name: '王芳',
      title: '采购总监',
      email: 'wang.fang@ruisi.com.cn',
      department: null,
      phones: [{ label: 'mobile', number: '+86 138 0013 8000' }],
      buyingRole: 'decision_maker',
      accountId: account.id,
      accountName: '上海锐思信息科技有限公司',
      ownerId: admin.userId,
      createdBy: admin.userId,
      version: 1,
      deletedAt: null,
      custom: {},
    });

    const row = await storedRecord('contacts', created.id);
    expect(row).toMatchObject({
      workspace_id: admin.workspaceId,
      name: '王芳',
      email: 'wang.fang@ruisi.com.cn',
      account_id: account.id,
      owner_id: admin.userId,
      version: 1,
    });
    const [event] = await dbRows<{ type: string }>(
      sql`select type from outbox_events where record_id = ${created.id}`,
    );
    expect(event.type).toBe('contact.created');

    const got = await admin.get(`/contacts/${created.id}`);
    expect(got.statusCode).toBe(200);
    expect(got.headers.etag).toBe('"1"');
    expect(got.json()).toEqual(created);
  });

  it('updates with If-Match, relinks and unlinks the account, and records each change', async () => {
    const admin = await signUp();
    const first = await createAccount(admin, 'Northwind Traders');
    const second = await createAccount(admin, 'Contoso Ltd.');
    const { id } = await createContact(admin, { accountId: first.id, title: 'CTO' });

    const moved = await admin.patch(
      `/contacts/${id}`,
      { accountId: second.id, buyingRole: 'technical' },
      { 'if-match': '"1"' },
    );
    expect(moved.statusCode, moved.body).toBe(200);
    expect(moved.headers.etag).toBe('"2"');
    expect(moved.json()).toMatchObject({
      accountId: second.id,
      accountName: 'Contoso Ltd.',
      buyingRole: 'technical',
      title: 'CTO',
      version: 2,
    });

    const unlinked = await admin.patch(`/contacts/${id}`, { accountId: null });
    expect(unlinked.statusCode).toBe(200);
    expect(unlinked.json()).toMatchObject({ accountId: null, accountName: null, version: 3 });
    expect(await storedRecord('contacts', id)).toMatchObject({ account_id: null, version: 3 });

    // Sending the values it already has changes nothing: no new version, no history entry.
    const same = await admin.patch(`/contacts/${id}`, { title: 'CTO' });
    expect(same.statusCode).toBe(200);
    expect(same.json().version).toBe(3);

    const history = (await admin.get(`/contacts/${id}/history`)).json().data;
    expect(history.map((h: { action: string }) => h.action)).toEqual([
      'update',
      'update',
      'create',
    ]);
    expect(history[0].changes).toEqual([{ field: 'accountId', old: second.id, new: null }]);
    expect(history[1].changes).toEqual(
      expect.arrayContaining([
        { field: 'accountId', old: first.id, new: second.id },
        { field: 'buyingRole', old: null, new: 'technical' },
      ]),
    );
    expect(await countRows('audit_entries', admin.workspaceId)).toBe(2 + 3);
  });

  it('answers 412 to a stale If-Match and changes nothing', async () => {
    const admin = await signUp();
    const { id } = await createContact(admin);
    expect((await admin.patch(`/contacts/${id}`, { title: 'CEO' })).statusCode).toBe(200);
    const before = await workspaceState(admin.workspaceId);

    const stale = await admin.patch(`/contacts/${id}`, { title: 'CFO' }, { 'if-match': '"1"' });
    expect(stale.statusCode).toBe(412);
    expect(stale.json()).toMatchObject({ code: 'precondition_failed', status: 412 });
    const staleDelete = await admin.delete(`/contacts/${id}`, { 'if-match': '"1"' });
    expect(staleDelete.statusCode).toBe(412);

    expect(await workspaceState(admin.workspaceId)).toEqual(before);
    expect(await storedRecord('contacts', id)).toMatchObject({ title: 'CEO', version: 2 });
  });

  it('refuses to link a missing or trashed account with 404 on accountId, writing nothing', async () => {
    const admin = await signUp();
    const trashed = await createAccount(admin, 'Gone Corp');
    expect((await admin.delete(`/accounts/${trashed.id}`)).statusCode).toBe(204);
    const { id } = await createContact(admin);
    const before = await workspaceState(admin.workspaceId);

    for (const accountId of [trashed.id, '0190a0b0-0000-7000-8000-000000000000']) {
      const create = await admin.post('/contacts', { name: 'Zhang San', accountId });
      expect(create.statusCode).toBe(404);
      expect(create.json()).toMatchObject({
        code: 'not_found',
        errors: [{ path: 'accountId', message: 'no such account' }],
      });
      const update = await admin.patch(`/contacts/${id}`, { accountId });
      expect(update.statusCode).toBe(404);
      expect(update.json().errors[0].path).toBe('accountId');
    }
    expect(await workspaceState(admin.workspaceId)).toEqual(before);
  });

  it('validates email and phone numbers per field and writes nothing', async () => {
    const admin = await signUp();
    const { id } = await createContact(admin);
    const before = await workspaceState(admin.workspaceId);

    const res = await admin.post('/contacts', {
      name: 'Bad Data',
      email: 'not-an-email',
      phones: [{ label: 'work', number: 'call me' }],
      buyingRole: 'boss',
    });
    expect(res.statusCode).toBe(400);
    const body = res.json();
    expect(body.code).toBe('validation_failed');
    expect(body.errors.map((e: { path: string }) => e.path).sort()).toEqual([
      'buyingRole',
      'email',
      'phones.0.number',
    ]);
    expect(body.errors.find((e: { path: string }) => e.path === 'email').message).toMatch(
      /email address/,
    );

    const patch = await admin.patch(`/contacts/${id}`, { name: '   ' });
    expect(patch.statusCode).toBe(400);
    expect(patch.json().errors).toMatchObject([{ path: 'name', message: 'is required' }]);
    expect(await workspaceState(admin.workspaceId)).toEqual(before);
  });

  it('lists with filters on account and buying role, search over name, email and WeChat', async () => {
    const admin = await signUp();
    const acme = await createAccount(admin, 'Acme GmbH');
    await createContact(admin, {
      name: '陈静',
      email: 'chen.jing@acme.de',
      accountId: acme.id,
      buyingRole: 'finance',
    });
    await createContact(admin, {
      name: 'Hans Müller',
      wechat: 'hans_mueller',
      accountId: acme.id,
      buyingRole: 'decision_maker',
    });
    await createContact(admin, { name: 'Olivia Brown', email: 'olivia@bluepeak.io' });

    const filter = (f: unknown) =>
      `/contacts?sort=name&filter=${encodeURIComponent(JSON.stringify(f))}`;
    const ofAcme = (await admin.get(filter({ accountId: { eq: acme.id } }))).json();
    expect(names(ofAcme)).toEqual(['Hans Müller', '陈静']);
    expect(ofAcme.data[0].accountName).toBe('Acme GmbH');
    const noAccount = (await admin.get(filter({ accountId: { isNull: true } }))).json();
    expect(names(noAccount)).toEqual(['Olivia Brown']);
    const roles = (
      await admin.get(filter({ buyingRole: { in: ['finance', 'decision_maker'] } }))
    ).json();
    expect(names(roles)).toEqual(['Hans Müller', '陈静']);

    const search = async (q: string) =>
      names((await admin.get(`/contacts?q=${encodeURIComponent(q)}`)).json());
    expect(await search('陈')).toEqual(['陈静']);
    expect(await search('BLUEPEAK')).toEqual(['Olivia Brown']);
    expect(await search('hans_m')).toEqual(['Hans Müller']);
    expect(await search('_')).toEqual(['Hans Müller']);

    const page1 = (await admin.get('/contacts?sort=-name&limit=2')).json();
    expect(names(page1)).toEqual(['陈静', 'Olivia Brown']);
    const page2 = (
      await admin.get(`/contacts?sort=-name&limit=2&cursor=${encodeURIComponent(page1.nextCursor)}`)
    ).json();
    expect(names(page2)).toEqual(['Hans Müller']);
    expect(page2.nextCursor).toBeNull();
  });

  it('moves to the trash and restores, and the history tells who did it and how', async () => {
    const admin = await signUp();
    const script = await withApiKey(admin);
    const { id } = await createContact(admin);

    expect((await script.delete(`/contacts/${id}`, { 'if-match': '"1"' })).statusCode).toBe(204);
    expect(await storedRecord('contacts', id)).toMatchObject({
      version: 2,
      deleted_by: admin.userId,
    });
    expect((await admin.get(`/contacts/${id}`)).statusCode).toBe(404);
    expect((await admin.get('/contacts')).json().data).toEqual([]);
    const trash = (await admin.get('/contacts?deleted=true')).json().data;
    expect(trash.map((c: { id: string }) => c.id)).toEqual([id]);
    expect((await admin.patch(`/contacts/${id}`, { title: 'x' })).statusCode).toBe(404);

    const restored = await admin.post(`/contacts/${id}/restore`);
    expect(restored.statusCode).toBe(200);
    expect(restored.headers.etag).toBe('"3"');
    expect(restored.json()).toMatchObject({ id, deletedAt: null, version: 3 });
    expect(await storedRecord('contacts', id)).toMatchObject({ deleted_at: null, version: 3 });

    const history = (await admin.get(`/contacts/${id}/history`)).json().data;
    expect(history.map((h: { action: string; via: string }) => [h.action, h.via])).toEqual([
      ['restore', 'session'],
      ['delete', 'apiKey'],
      ['create', 'session'],
    ]);
  });

  describe('Idempotency-Key', () => {
    let admin: Client;
    beforeAll(async () => {
      admin = await signUp();
    });

    it('replays the first answer to a retried create and creates one contact', async () => {
      const headers = { 'idempotency-key': 'import-row-17' };
      const first = await admin.post('/contacts', { name: 'Retry Me' }, headers);
      const retry = await admin.post('/contacts', { name: 'Retry Me' }, headers);
      expect(first.statusCode).toBe(201);
      expect(retry.statusCode).toBe(201);
      expect(retry.headers['idempotent-replayed']).toBe('true');
      expect(retry.json()).toEqual(first.json());
      expect(await countRows('contacts', admin.workspaceId)).toBe(1);
    });
  });
});
