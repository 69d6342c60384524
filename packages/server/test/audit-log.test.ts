import { describe, expect, it } from 'vitest';
import { logIn, signUp, uniqueEmail } from './helpers.js';

type Entry = {
  objectType: string;
  action: string;
  recordId: string;
  actorId: string;
  changes: { field: string; old: unknown; new: unknown }[];
};

describe('audit log', () => {
  it('records changes to workspace settings and lists them newest first for admins', async () => {
    const admin = await signUp();
    const roles = (await admin.get('/roles')).json().data;
    const rep = roles.find((r: { builtinKey: string }) => r.builtinKey === 'sales_rep');
    const manager = roles.find((r: { builtinKey: string }) => r.builtinKey === 'sales_manager');

    const dept = (await admin.post('/departments', { name: '华南销售部' })).json();
    await admin.patch(`/departments/${dept.id}`, { name: '华南大区' });
    const invite = (
      await admin.post('/invitations', { email: uniqueEmail('rep'), roleId: rep.id })
    ).json();
    const joined = await admin.app.inject({
      method: 'POST',
      url: '/api/v1/invitations/accept',
      payload: { token: invite.token, name: 'Reza Rep', password: 'long enough pw' },
    });
    expect(joined.statusCode).toBe(201);
    const repId = joined.json().user.id;
    await admin.patch(`/users/${repId}`, { roleId: manager.id, departmentId: dept.id });
    const key = (await admin.post('/api-keys', { name: 'sync' })).json();
    await admin.delete(`/api-keys/${key.id}`);
    await admin.post('/accounts', { name: 'Audited Co' });

    const log = await admin.get('/audit-entries?limit=200');
    expect(log.statusCode).toBe(200);
    const entries: Entry[] = log.json().data;
    const kinds = entries.map((e) => `${e.objectType}.${e.action}`);
    expect(kinds).toEqual([
      'account.create',
      'apiKey.delete',
      'apiKey.create',
      'user.update',
      'invitation.update',
      'invitation.create',
      'department.update',
      'department.create',
    ]);
    const roleChange = entries.find((e) => e.objectType === 'user')!;
    expect(roleChange).toMatchObject({ recordId: repId, actorId: admin.userId });
    expect(roleChange.changes).toEqual(
      expect.arrayContaining([
        { field: 'roleId', old: rep.id, new: manager.id },
        { field: 'departmentId', old: null, new: dept.id },
      ]),
    );
    const accepted = entries.find((e) => e.objectType === 'invitation' && e.action === 'update')!;
    expect(accepted).toMatchObject({
      actorId: repId,
      changes: [{ field: 'status', old: 'pending', new: 'accepted' }],
    });
    expect(JSON.stringify(entries)).not.toContain(key.key);
    expect(JSON.stringify(entries)).not.toContain(invite.token);

    const onlyUsers = (
      await admin.get(`/audit-entries?objectType=user&actorId=${admin.userId}`)
    ).json().data;
    expect(onlyUsers.map((e: Entry) => e.recordId)).toEqual([repId]);

    const pages: string[] = [];
    let cursor: string | null = null;
    do {
      const url: string = `/audit-entries?limit=3${cursor ? `&cursor=${cursor}` : ''}`;
      const page = (await admin.get(url)).json();
      pages.push(...page.data.map((e: Entry & { id: string }) => e.id));
      cursor = page.nextCursor;
    } while (cursor);
    expect(pages).toEqual(entries.map((e) => (e as Entry & { id: string }).id));
    expect((await admin.get('/audit-entries?cursor=bogus')).statusCode).toBe(400);

    const repClient = await logIn(joined.json().user.email, 'long enough pw');
    const refused = await repClient.get('/audit-entries');
    expect(refused.statusCode).toBe(403);
  });
});
