import { describe, expect, it } from 'vitest';
import { countRows } from '../../../test/db-state.js';
import { signUp } from '../../../test/helpers.js';

const perm = (p: Partial<Record<'create' | 'read' | 'update' | 'delete', boolean>>) => ({
  create: false,
  read: false,
  update: false,
  delete: false,
  scope: 'own',
  ...p,
});

describe('roles', () => {
  it('refuses write rights without read, and keeps the Admin role whole', async () => {
    const admin = await signUp();
    const before = await countRows('roles', admin.workspaceId);
    const blind = await admin.post('/roles', {
      name: 'Blind writer',
      permissions: { objects: { account: perm({ update: true }) }, manageWorkspace: false },
    });
    expect(blind.statusCode).toBe(400);
    expect(blind.json().errors).toEqual([
      expect.objectContaining({ path: 'permissions.objects.account.read', code: 'invalid' }),
    ]);
    expect(await countRows('roles', admin.workspaceId)).toBe(before);

    const reader = await admin.post('/roles', {
      name: 'Reader',
      permissions: { objects: { account: perm({ read: true }) }, manageWorkspace: false },
    });
    expect(reader.statusCode).toBe(201);

    const adminRole = (await admin.get('/roles'))
      .json()
      .data.find((r: { builtinKey: string }) => r.builtinKey === 'admin');
    const weakened = await admin.patch(`/roles/${adminRole.id}`, {
      permissions: { objects: {}, manageWorkspace: false },
    });
    expect(weakened.statusCode).toBe(403);
    const still = (await admin.get('/roles'))
      .json()
      .data.find((r: { id: string }) => r.id === adminRole.id);
    expect(still.permissions.manageWorkspace).toBe(true);
  });
});
