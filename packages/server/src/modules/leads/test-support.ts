import { expect } from 'vitest';
import { type Client, cookiesOf, uniqueEmail } from '../../../test/helpers.js';

export const fullAccess = (scope: 'own' | 'department' | 'all', fields = {}) => ({
  create: true,
  read: true,
  update: true,
  delete: true,
  scope,
  fields,
});

/** A colleague of `admin` with a role of the given object permissions. */
export async function memberWithRole(
  admin: Client,
  objects: Record<string, unknown>,
  name = 'Sam Seller',
): Promise<Client> {
  const role = await admin.post('/roles', {
    name: `Role ${uniqueEmail('r')}`,
    permissions: { objects, manageWorkspace: false },
  });
  expect(role.statusCode, role.body).toBe(201);
  const invite = (
    await admin.post('/invitations', { email: uniqueEmail('member'), roleId: role.json().id })
  ).json();
  const joined = await admin.app.inject({
    method: 'POST',
    url: '/api/v1/invitations/accept',
    payload: { token: invite.token, name, password: 'long enough pw' },
  });
  expect(joined.statusCode, joined.body).toBe(201);
  const ClientType = admin.constructor as typeof Client;
  return new ClientType(admin.app, { cookies: cookiesOf(joined) }, joined.json());
}

/** Creates a record over HTTP and returns it (201 expected). */
export async function created(client: Client, path: string, body: Record<string, unknown>) {
  const res = await client.post(path, body);
  expect(res.statusCode, res.body).toBe(201);
  return res.json();
}
