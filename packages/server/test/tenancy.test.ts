import { beforeAll, describe, expect, it } from 'vitest';
import { workspaceState } from './db-state.js';
import {
  createTestAccount,
  createTestContact,
  createTestWorkspace,
  TEST_PASSWORD,
} from './factories/index.js';
import { type Client, type Json, logIn, type Res, testDatabase, withApiKey } from './helpers.js';

type Records = {
  accountId: string;
  contactId: string;
  trashedAccountId: string;
  trashedContactId: string;
};

/**
 * Workspace A's admin (who may see every record of A) tries every way to reach workspace B's
 * records. Each attempt must answer 404 exactly as for an id that does not exist, and leave
 * both workspaces untouched.
 */
describe('tenancy: nothing of another workspace is reachable', () => {
  const A = { workspaceId: '', ownAccountId: '', ownContactId: '' };
  const B = { workspaceId: '', adminId: '' } as Records & { workspaceId: string; adminId: string };
  const clients: Record<'session' | 'apiKey', Client> = {} as never;

  beforeAll(async () => {
    const { db } = await testDatabase();
    const wsA = await createTestWorkspace(db, { name: 'Workspace A' });
    const wsB = await createTestWorkspace(db, { name: 'Workspace B' });
    A.workspaceId = wsA.workspaceId;
    A.ownAccountId = (await createTestAccount(wsA.admin.ctx, { name: 'A Account' })).id;
    A.ownContactId = (await createTestContact(wsA.admin.ctx, { name: 'A Contact' })).id;

    const ctxB = wsB.admin.ctx;
    B.workspaceId = wsB.workspaceId;
    B.adminId = wsB.admin.userId;
    B.accountId = (await createTestAccount(ctxB, { name: 'Zebra Secret Holdings' })).id;
    B.contactId = (
      await createTestContact(ctxB, {
        name: 'Zebra Secret Person',
        email: 'zebra@secret.example',
        accountId: B.accountId,
      })
    ).id;
    B.trashedAccountId = (await createTestAccount(ctxB, { name: 'Zebra Trashed Ltd.' })).id;
    B.trashedContactId = (await createTestContact(ctxB, { name: 'Zebra Trashed Person' })).id;
    const adminB = await logIn(wsB.admin.email, TEST_PASSWORD);
    expect((await adminB.delete(`/accounts/${B.trashedAccountId}`)).statusCode).toBe(204);
    expect((await adminB.delete(`/contacts/${B.trashedContactId}`)).statusCode).toBe(204);

    clients.session = await logIn(wsA.admin.email, TEST_PASSWORD);
    clients.apiKey = await withApiKey(clients.session);
  });

  /** Runs a refused call and proves neither workspace changed. */
  async function refused(call: () => Promise<Res>): Promise<Json> {
    const before = [await workspaceState(A.workspaceId), await workspaceState(B.workspaceId)];
    const res = await call();
    expect(res.statusCode, res.body).toBe(404);
    expect(res.headers['content-type']).toMatch(/^application\/problem\+json/);
    const body = res.json();
    expect(body.code).toBe('not_found');
    expect(res.body).not.toContain('Zebra');
    expect([await workspaceState(A.workspaceId), await workspaceState(B.workspaceId)]).toEqual(
      before,
    );
    return body;
  }

  const objects = [
    { path: 'accounts', id: () => B.accountId, trashed: () => B.trashedAccountId },
    { path: 'contacts', id: () => B.contactId, trashed: () => B.trashedContactId },
  ] as const;

  describe.each(['session', 'apiKey'] as const)('via %s', (via) => {
    describe.each(objects)('/$path', ({ path, id, trashed }) => {
      it('cannot read, read history of, or restore a record', async () => {
        const c = clients[via];
        await refused(() => c.get(`/${path}/${id()}`));
        await refused(() => c.get(`/${path}/${trashed()}`));
        await refused(() => c.get(`/${path}/${id()}/history`));
        await refused(() => c.get(`/${path}/${trashed()}/history`));
        await refused(() => c.post(`/${path}/${trashed()}/restore`));
      });

      it('cannot update or delete a record, with or without If-Match', async () => {
        const c = clients[via];
        await refused(() => c.patch(`/${path}/${id()}`, { name: 'Taken over' }));
        await refused(() =>
          c.patch(`/${path}/${id()}`, { name: 'Taken over' }, { 'if-match': '"1"' }),
        );
        await refused(() => c.patch(`/${path}/${id()}`, { ownerId: clients.session.userId }));
        await refused(() => c.delete(`/${path}/${id()}`));
        await refused(() => c.delete(`/${path}/${id()}`, { 'if-match': '"1"' }));
      });

      it('cannot list, search or filter its way to a record, live or trashed', async () => {
        const c = clients[via];
        const urls = [
          `/${path}?limit=200`,
          `/${path}?deleted=true&limit=200`,
          `/${path}?q=Zebra`,
          `/${path}?q=${encodeURIComponent('secret')}`,
          `/${path}?filter=${encodeURIComponent(JSON.stringify({ id: { eq: id() } }))}`,
          `/${path}?filter=${encodeURIComponent(JSON.stringify({ id: { in: [id(), trashed()] } }))}`,
          `/${path}?deleted=true&filter=${encodeURIComponent(JSON.stringify({ id: { eq: trashed() } }))}`,
          `/${path}?filter=${encodeURIComponent(JSON.stringify({ ownerId: { eq: B.adminId } }))}`,
        ];
        for (const url of urls) {
          const res = await c.get(url);
          expect(res.statusCode, url).toBe(200);
          const ids = res.json().data.map((r: { id: string }) => r.id);
          expect(ids, url).not.toContain(id());
          expect(ids, url).not.toContain(trashed());
          expect(res.body, url).not.toContain('Zebra');
        }
        // The workspace's own records are listed, so the lists above were not simply empty.
        const own = (await c.get(`/${path}`)).json().data;
        expect(own).toHaveLength(1);
      });
    });

    it("cannot link a contact to the other workspace's account", async () => {
      const c = clients[via];
      const create = await refused(() =>
        c.post('/contacts', { name: 'Linked Across', accountId: B.accountId }),
      );
      expect(create.errors).toMatchObject([{ path: 'accountId', message: 'no such account' }]);
      const update = await refused(() =>
        c.patch(`/contacts/${A.ownContactId}`, { accountId: B.accountId }),
      );
      expect(update.errors[0].path).toBe('accountId');
    });

    it("cannot give a record to the other workspace's user", async () => {
      const c = clients[via];
      const before = await workspaceState(A.workspaceId);
      const create = await c.post('/accounts', { name: 'Gift', ownerId: B.adminId });
      expect(create.statusCode).toBe(400);
      expect(create.json().errors).toMatchObject([
        { path: 'ownerId', message: 'must be an active user of this workspace' },
      ]);
      const update = await c.patch(`/accounts/${A.ownAccountId}`, { ownerId: B.adminId });
      expect(update.statusCode).toBe(400);
      expect(update.json().errors[0].path).toBe('ownerId');
      expect(await workspaceState(A.workspaceId)).toEqual(before);
    });
  });
});
