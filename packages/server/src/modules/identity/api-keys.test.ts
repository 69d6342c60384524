import { createHash } from 'node:crypto';
import { sql } from 'drizzle-orm';
import { beforeAll, describe, expect, it } from 'vitest';
import { countRows, dbRows } from '../../../test/db-state.js';
import {
  createTestUser,
  createTestWorkspace,
  TEST_PASSWORD,
} from '../../../test/factories/index.js';
import { Client, logIn, signUp, testDatabase } from '../../../test/helpers.js';

const sha256 = (s: string) => createHash('sha256').update(s).digest('hex');
const keyRow = async (id: string) =>
  (
    await dbRows<{ key_hash: string; prefix: string; revoked: boolean; user_id: string }>(
      sql`select key_hash, prefix, revoked_at is not null as revoked, user_id
          from api_keys where id = ${id}`,
    )
  )[0];

describe('API keys', () => {
  let admin: Client;
  beforeAll(async () => {
    admin = await signUp();
  });

  it('shows the key once, stores only its hash, and lists keys without the secret', async () => {
    const res = await admin.post('/api-keys', { name: '  Nightly ERP sync ' });
    expect(res.statusCode).toBe(201);
    const created = res.json();
    expect(Object.keys(created).sort()).toEqual([
      'createdAt',
      'id',
      'key',
      'lastUsedAt',
      'name',
      'prefix',
    ]);
    expect(created).toMatchObject({ name: 'Nightly ERP sync', lastUsedAt: null });
    expect(created.key).toMatch(/^gx_[\w-]{43}$/);
    expect(created.key.startsWith(created.prefix)).toBe(true);
    expect(created.prefix.length).toBeLessThan(created.key.length / 3);

    const row = await keyRow(created.id);
    expect(row).toMatchObject({ key_hash: sha256(created.key), user_id: admin.userId });
    const stored = await dbRows(sql`select * from api_keys where id = ${created.id}`);
    expect(JSON.stringify(stored)).not.toContain(created.key);

    const list = await admin.get('/api-keys');
    expect(list.statusCode).toBe(200);
    const listed = list.json().data.find((k: { id: string }) => k.id === created.id);
    const { key: _secret, ...withoutKey } = created;
    expect(listed).toEqual(withoutKey);
    expect(list.body).not.toContain(created.key);
    expect(list.body).not.toContain(row.key_hash);
  });

  it('authenticates Bearer requests without CSRF and records them as made by key', async () => {
    const created = (await admin.post('/api-keys', { name: 'Script' })).json();
    const script = new Client(admin.app, { apiKey: created.key });
    const before = await countRows('accounts', admin.workspaceId);

    // No cookie and no X-CSRF-Token: a key is not a browser credential.
    const res = await script.post('/accounts', { name: 'Created by script' });
    expect(res.statusCode, res.body).toBe(201);
    expect(res.json()).toMatchObject({ ownerId: admin.userId, createdBy: admin.userId });
    expect(await countRows('accounts', admin.workspaceId)).toBe(before + 1);
    const [audit] = await dbRows<{ via: string; api_key_id: string; actor_id: string }>(
      sql`select via, api_key_id, actor_id from audit_entries where record_id = ${res.json().id}`,
    );
    expect(audit).toEqual({ via: 'apiKey', api_key_id: created.id, actor_id: admin.userId });

    const me = await script.get('/auth/me');
    expect(me.statusCode).toBe(200);
    expect(me.json().user.id).toBe(admin.userId);
    const listed = (await admin.get('/api-keys')).json().data;
    expect(listed.find((k: { id: string }) => k.id === created.id).lastUsedAt).not.toBeNull();
  });

  it('refuses unknown keys and malformed Authorization headers with 401', async () => {
    const before = await countRows('accounts', admin.workspaceId);
    for (const authorization of ['Bearer gx_not-a-real-key', 'Basic dXNlcjpwYXNz', 'Bearer']) {
      const res = await admin.app.inject({
        method: 'POST',
        url: '/api/v1/accounts',
        headers: { authorization },
        payload: { name: 'Should not exist' },
      });
      expect(res.statusCode).toBe(401);
      expect(res.json()).toMatchObject({ code: 'unauthenticated' });
    }
    expect(await countRows('accounts', admin.workspaceId)).toBe(before);
  });

  it('revokes: the key answers 401 from then on and leaves the list', async () => {
    const created = (await admin.post('/api-keys', { name: 'Short-lived' })).json();
    const script = new Client(admin.app, { apiKey: created.key });
    expect((await script.get('/accounts')).statusCode).toBe(200);

    const res = await admin.delete(`/api-keys/${created.id}`);
    expect(res.statusCode).toBe(204);
    expect((await keyRow(created.id)).revoked).toBe(true);

    const before = await countRows('accounts', admin.workspaceId);
    expect((await script.get('/accounts')).statusCode).toBe(401);
    const write = await script.post('/accounts', { name: 'After revoke' });
    expect(write.statusCode).toBe(401);
    expect(write.json().code).toBe('unauthenticated');
    expect(await countRows('accounts', admin.workspaceId)).toBe(before);
    const ids = (await admin.get('/api-keys')).json().data.map((k: { id: string }) => k.id);
    expect(ids).not.toContain(created.id);
    expect((await admin.delete(`/api-keys/${created.id}`)).statusCode).toBe(404);
  });

  it("cannot see or revoke another user's key, not even as admin", async () => {
    const { db } = await testDatabase();
    const ws = await createTestWorkspace(db);
    const rep = await createTestUser(db, ws, { role: 'sales_rep' });
    const repSession = await logIn(rep.email, TEST_PASSWORD);
    const repKey = (await repSession.post('/api-keys', { name: 'Rep key' })).json();
    const wsAdmin = await logIn(ws.admin.email, TEST_PASSWORD);

    expect((await wsAdmin.get('/api-keys')).json().data).toEqual([]);
    const res = await wsAdmin.delete(`/api-keys/${repKey.id}`);
    expect(res.statusCode).toBe(404);
    expect((await keyRow(repKey.id)).revoked).toBe(false);
    expect((await new Client(wsAdmin.app, { apiKey: repKey.key }).get('/auth/me')).statusCode).toBe(
      200,
    );
  });
});
