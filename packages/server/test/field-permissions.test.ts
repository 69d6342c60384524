import { describe, expect, it } from 'vitest';
import { storedRecord } from './db-state.js';
import { Client, cookiesOf, signUp, uniqueEmail } from './helpers.js';

const full = (fields: Record<string, string> = {}) => ({
  create: true,
  read: true,
  update: true,
  delete: true,
  scope: 'all',
  fields,
});

/** An admin, and a colleague whose role hides some fields and makes others read-only. */
async function setup() {
  const admin = await signUp();
  const role = await admin.post('/roles', {
    name: 'Restricted seller',
    permissions: {
      objects: {
        account: full({ phone: 'hidden', tier: 'readOnly' }),
        contact: full({ accountId: 'hidden', email: 'hidden' }),
      },
      manageWorkspace: false,
    },
  });
  expect(role.statusCode, role.body).toBe(201);
  const invite = (
    await admin.post('/invitations', { email: uniqueEmail('seller'), roleId: role.json().id })
  ).json();
  const joined = await admin.app.inject({
    method: 'POST',
    url: '/api/v1/invitations/accept',
    payload: { token: invite.token, name: 'Sam Seller', password: 'long enough pw' },
  });
  const seller = new Client(admin.app, { cookies: cookiesOf(joined) }, joined.json());
  return { admin, seller };
}

describe('field-level permissions', () => {
  it('blanks hidden fields in answers and history, and refuses filtering, sorting and searching on them', async () => {
    const { admin, seller } = await setup();
    const account = (
      await admin.post('/accounts', { name: 'Secretive Co', phone: '+86 21 5555 0101', tier: 'A' })
    ).json();
    await admin.patch(`/accounts/${account.id}`, { phone: '+86 21 5555 0102' });
    const contact = (
      await admin.post('/contacts', {
        name: 'Li Na',
        email: 'li.na@example.cn',
        accountId: account.id,
      })
    ).json();

    const seen = (await seller.get(`/accounts/${account.id}`)).json();
    expect(seen).toMatchObject({ name: 'Secretive Co', phone: null, tier: 'A' });
    const listed = (await seller.get('/accounts')).json().data[0];
    expect(listed.phone).toBeNull();
    const person = (await seller.get(`/contacts/${contact.id}`)).json();
    expect(person).toMatchObject({
      name: 'Li Na',
      email: null,
      accountId: null,
      accountName: null,
    });

    const history = (await seller.get(`/accounts/${account.id}/history`)).json().data;
    expect(history.map((h: { action: string }) => h.action)).toEqual(['create']);
    expect(JSON.stringify(history)).not.toContain('5555');

    const byPhone = await seller.get(
      `/accounts?filter=${encodeURIComponent('{"phone":{"contains":"5555"}}')}`,
    );
    expect(byPhone.statusCode).toBe(400);
    expect((await seller.get('/contacts?sort=email')).statusCode).toBe(400);
    expect((await seller.get('/contacts?q=li.na%40example')).json().data).toHaveLength(0);
    expect((await admin.get('/contacts?q=li.na%40example')).json().data).toHaveLength(1);
  });

  it('refuses writes to hidden or read-only fields and writes nothing', async () => {
    const { admin, seller } = await setup();
    const account = (await admin.post('/accounts', { name: 'Guarded Co', tier: 'B' })).json();
    const patch = await seller.patch(`/accounts/${account.id}`, {
      tier: 'A',
      phone: '123456',
      city: 'Suzhou',
    });
    expect(patch.statusCode).toBe(400);
    expect(patch.json().errors).toEqual([
      expect.objectContaining({ path: 'phone', code: 'not_permitted' }),
      expect.objectContaining({ path: 'tier', code: 'not_permitted' }),
    ]);
    expect(await storedRecord('accounts', account.id)).toMatchObject({
      tier: 'B',
      phone: null,
      city: null,
      version: 1,
    });

    const create = await seller.post('/contacts', { name: 'Wang Wei', accountId: account.id });
    expect(create.statusCode).toBe(400);
    expect(create.json().errors[0]).toMatchObject({ path: 'accountId', code: 'not_permitted' });

    const allowed = await seller.patch(`/accounts/${account.id}`, { city: 'Suzhou' });
    expect(allowed.statusCode).toBe(200);
    expect(allowed.json()).toMatchObject({ city: 'Suzhou', tier: 'B' });
  });

  it('accepts only restrictable fields in a role', async () => {
    const admin = await signUp();
    const res = await admin.post('/roles', {
      name: 'Odd',
      permissions: { objects: { account: full({ name: 'hidden' }) }, manageWorkspace: false },
    });
    expect(res.statusCode).toBe(400);
    expect(res.json().errors[0].path).toBe('permissions.objects.account.fields.name');
  });
});
