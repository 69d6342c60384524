import { beforeAll, describe, expect, it } from 'vitest';
import { workspaceState } from './db-state.js';
import { type Client, type Json, type Res, signUp } from './helpers.js';

/**
 * Every class of bad input answers a 4xx problem a person can act on — never a 500 — and a
 * refused write leaves the database exactly as it was.
 */
describe('bad input', () => {
  let admin: Client;
  let accountId: string;
  let contactId: string;

  beforeAll(async () => {
    admin = await signUp();
    accountId = (await admin.post('/accounts', { name: 'Existing Account' })).json().id;
    contactId = (await admin.post('/contacts', { name: 'Existing Contact' })).json().id;
  });

  /** Sends a request that must be refused with `status`, and proves nothing was written. */
  async function refusedWrite(status: number, send: () => Promise<Res>): Promise<Json> {
    const before = await workspaceState(admin.workspaceId);
    const res = await send();
    expect(res.statusCode, res.body).toBe(status);
    expect(res.headers['content-type']).toMatch(/^application\/problem\+json/);
    const body = res.json();
    expect(body).toMatchObject({ status, type: expect.any(String), title: expect.any(String) });
    expect(body.detail.length).toBeGreaterThan(10);
    expect(await workspaceState(admin.workspaceId)).toEqual(before);
    return body;
  }

  async function refusedRead(url: string): Promise<Json> {
    const res = await admin.get(url);
    expect(res.statusCode, res.body).toBe(400);
    expect(res.headers['content-type']).toMatch(/^application\/problem\+json/);
    return res.json();
  }

  const q = (value: unknown) => encodeURIComponent(JSON.stringify(value));

  it('malformed JSON → 400 bad_request', async () => {
    for (const send of [
      () => admin.post('/accounts', '{"name": "Half'),
      () => admin.patch(`/accounts/${accountId}`, '{name: unquoted}'),
      () => admin.post('/contacts', '{"name":"A",}'),
    ]) {
      const body = await refusedWrite(400, send);
      expect(body).toMatchObject({
        code: 'bad_request',
        detail: 'The request body is not valid JSON.',
      });
    }
  });

  it('a body over the size limit → 413 payload_too_large', async () => {
    const notes = 'x'.repeat(70_000);
    const create = await refusedWrite(413, () => admin.post('/accounts', { name: 'Big', notes }));
    expect(create.code).toBe('payload_too_large');
    const update = await refusedWrite(413, () => admin.patch(`/contacts/${contactId}`, { notes }));
    expect(update.code).toBe('payload_too_large');
  });

  it('a body that is not JSON → 415 unsupported_media_type', async () => {
    for (const type of ['text/plain', 'application/x-www-form-urlencoded', 'application/xml']) {
      const body = await refusedWrite(415, () =>
        admin.post('/accounts', 'name=Plain', { 'content-type': type }),
      );
      expect(body.code).toBe('unsupported_media_type');
      const patch = await refusedWrite(415, () =>
        admin.patch(`/accounts/${accountId}`, 'name=Plain', { 'content-type': type }),
      );
      expect(patch.code).toBe('unsupported_media_type');
    }
  });

  it('wrong types → 400 with an error per field', async () => {
    const create = await refusedWrite(400, () =>
      admin.post('/accounts', { name: 42, tags: 'vip', tier: 'Z', website: 'not a site' }),
    );
    expect(create.code).toBe('validation_failed');
    const byPath = Object.fromEntries(
      create.errors.map((e: { path: string; message: string }) => [e.path, e.message]),
    );
    expect(Object.keys(byPath).sort()).toEqual(['name', 'tags', 'tier', 'website']);
    expect(byPath.tags).toBe('must be an array');
    expect(byPath.tier).toBe('must be one of: A, B, C, D');
    expect(byPath.website).toBe('must be a web address such as example.com');

    const update = await refusedWrite(400, () =>
      admin.patch(`/contacts/${contactId}`, { phones: 'none', accountId: 'acme', name: null }),
    );
    expect(update.errors.map((e: { path: string }) => e.path).sort()).toEqual([
      'accountId',
      'name',
      'phones',
    ]);
    const nested = await refusedWrite(400, () =>
      admin.post('/contacts', { name: 'Nested', phones: [{ label: 'fax', number: '123456' }] }),
    );
    expect(nested.errors).toMatchObject([
      { path: 'phones.0.label', message: 'must be one of: mobile, work, home, other' },
    ]);
  });

  it.each([
    'id',
    'workspaceId',
    'version',
    'createdAt',
    'createdBy',
    'updatedAt',
    'deletedAt',
  ])('setting the server-owned field %s → 400 naming it', async (field) => {
    const value =
      field === 'version' ? 7 : field.endsWith('At') ? new Date().toISOString() : accountId;
    const expected = [{ path: field, message: 'is read-only and set by the server' }];
    const create = await refusedWrite(400, () =>
      admin.post('/accounts', { name: 'Sneaky', [field]: value }),
    );
    expect(create).toMatchObject({ code: 'validation_failed', errors: expected });
    expect(create.detail).toContain(field);
    const update = await refusedWrite(400, () =>
      admin.patch(`/contacts/${contactId}`, { name: 'Sneaky', [field]: value }),
    );
    expect(update.errors).toMatchObject(expected);
  });

  it('an unknown field → 400 naming it', async () => {
    const body = await refusedWrite(400, () =>
      admin.post('/accounts', { name: 'Acme', revenue: 1000, colour: 'red' }),
    );
    expect(body.errors).toMatchObject([
      { path: 'revenue', message: 'is not a known field' },
      { path: 'colour', message: 'is not a known field' },
    ]);
  });

  it('an unknown custom field → 400 on custom.<key>', async () => {
    const create = await refusedWrite(400, () =>
      admin.post('/accounts', { name: 'Acme', custom: { erpId: 'E-1' } }),
    );
    expect(create.errors).toMatchObject([
      { path: 'custom.erpId', message: 'no such custom field' },
    ]);
    const update = await refusedWrite(400, () =>
      admin.patch(`/contacts/${contactId}`, { custom: { hobby: 'golf' } }),
    );
    expect(update.errors).toMatchObject([
      { path: 'custom.hobby', message: 'no such custom field' },
    ]);
  });

  it('a malformed id in the URL → 400 on id, for every route with an id', async () => {
    for (const bad of ['not-a-uuid', '1', `${accountId}x`]) {
      const calls = [
        () => admin.get(`/accounts/${bad}`),
        () => admin.get(`/contacts/${bad}/history`),
        () => admin.patch(`/accounts/${bad}`, { name: 'x' }),
        () => admin.delete(`/contacts/${bad}`),
        () => admin.post(`/accounts/${bad}/restore`),
        () => admin.delete(`/api-keys/${bad}`),
        () => admin.patch(`/users/${bad}`, { name: 'x' }),
      ];
      for (const call of calls) {
        const body = await refusedWrite(400, call);
        expect(body).toMatchObject({
          code: 'validation_failed',
          errors: [{ path: 'id', message: 'must be a valid id (UUID)' }],
        });
      }
    }
  });

  it('a bad If-Match → 400 on If-Match', async () => {
    for (const ifMatch of ['abc', '"v1"', '"1", "2"', '-1']) {
      const patch = await refusedWrite(400, () =>
        admin.patch(`/accounts/${accountId}`, { name: 'x' }, { 'if-match': ifMatch }),
      );
      expect(patch).toMatchObject({ code: 'bad_request', errors: [{ path: 'If-Match' }] });
      const del = await refusedWrite(400, () =>
        admin.delete(`/contacts/${contactId}`, { 'if-match': ifMatch }),
      );
      expect(del.errors[0].path).toBe('If-Match');
    }
  });

  describe('list parameters', () => {
    it('an unknown filter operator → 400 with the operator path', async () => {
      const body = await refusedRead(`/accounts?filter=${q({ name: { like: 'Acme%' } })}`);
      expect(body.code).toBe('validation_failed');
      expect(body.errors).toHaveLength(1);
      expect(body.errors[0].path).toBe('filter.name.like');
      expect(body.errors[0].message).toMatch(/^unknown operator; use one of eq, neq/);
      const nested = await refusedRead(
        `/contacts?filter=${q({ or: [{ name: { eq: 'a' } }, { email: { gt: 'b' } }] })}`,
      );
      expect(nested.errors[0].path).toBe('filter.or.1.email.gt');
    });

    it('an unknown filter field → 400 with the field path', async () => {
      const body = await refusedRead(`/accounts?filter=${q({ revenue: { gt: 1 } })}`);
      expect(body.errors[0].path).toBe('filter.revenue');
      expect(body.errors[0].message).toMatch(/^unknown field; filter on one of /);
      // Columns that exist in the table but are not filterable in the API are unknown too.
      const hidden = await refusedRead(`/accounts?filter=${q({ workspaceId: { eq: accountId } })}`);
      expect(hidden.errors[0].path).toBe('filter.workspaceId');
    });

    it('a filter that is not JSON, or has wrong value types → 400', async () => {
      expect((await refusedRead('/accounts?filter={name')).errors[0].path).toBe('filter');
      expect((await refusedRead(`/accounts?filter=${q(['name'])}`)).errors[0].path).toBe('filter');
      const tier = await refusedRead(`/accounts?filter=${q({ tier: { eq: 'Z' } })}`);
      expect(tier.errors[0]).toMatchObject({
        path: 'filter.tier.eq',
        message: 'must be one of A, B, C, D',
      });
      const id = await refusedRead(`/contacts?filter=${q({ accountId: { in: ['x'] } })}`);
      expect(id.errors[0].path).toBe('filter.accountId.in.0');
      const date = await refusedRead(`/accounts?filter=${q({ createdAt: { gte: 'yesterday' } })}`);
      expect(date.errors[0].path).toBe('filter.createdAt.gte');
    });

    it('an unknown or repeated sort field → 400 on sort', async () => {
      for (const sort of ['revenue', '-name,revenue', 'name,-name', 'ownerId']) {
        const body = await refusedRead(`/accounts?sort=${encodeURIComponent(sort)}`);
        expect(body.errors).toHaveLength(1);
        expect(body.errors[0].path).toBe('sort');
      }
    });

    it('a bad cursor → 400 on cursor, including a cursor of another sort', async () => {
      await admin.post('/accounts', { name: 'Second Account' });
      const page = (await admin.get('/accounts?sort=name&limit=1')).json();
      expect(page.nextCursor).toEqual(expect.any(String));
      const good = await admin.get(
        `/accounts?sort=name&limit=1&cursor=${encodeURIComponent(page.nextCursor)}`,
      );
      expect(good.statusCode).toBe(200);
      const forged = Buffer.from(JSON.stringify({ k: ['name'], v: ['x'], id: 'nope' })).toString(
        'base64url',
      );
      for (const url of [
        '/accounts?cursor=not-a-cursor',
        `/accounts?cursor=${forged}&sort=name`,
        `/accounts?sort=-name&cursor=${encodeURIComponent(page.nextCursor)}`,
        `/contacts?cursor=${encodeURIComponent(page.nextCursor)}&sort=name,createdAt`,
      ]) {
        const body = await refusedRead(url);
        expect(body.errors).toMatchObject([
          { path: 'cursor', message: 'is not a cursor from this list and sort' },
        ]);
      }
    });

    it('limits outside 1..200 → 400 on limit', async () => {
      for (const limit of ['0', '201', 'ten', '1.5']) {
        const body = await refusedRead(`/accounts?limit=${limit}`);
        expect(body.errors[0].path).toBe('limit');
      }
    });
  });
});
