import { beforeAll, describe, expect, it } from 'vitest';
import {
  createTestAccount,
  createTestContact,
  createTestDepartment,
  createTestUser,
  createTestWorkspace,
  TEST_PASSWORD,
  type TestUser,
  type TestWorkspace,
} from '../../../test/factories/index.js';
import { opportunityInput } from '../../../test/factories/opportunities.js';
import { type Client, logIn, testDatabase } from '../../../test/helpers.js';
import {
  assertOpportunityLinkable,
  createOpportunity,
  listPipelines,
  summarizeAccountOpportunities,
} from './index.js';
import { created, ok, refused } from './test-support.js';

/** Headquarters (admin) ├── Sales (manager, rep1), └── Marketing (rep2); each owns one deal. */
describe('opportunity permissions and tenancy', () => {
  let ws: TestWorkspace;
  const people = {} as Record<'admin' | 'manager' | 'rep1' | 'rep2', TestUser>;
  const deals = {} as Record<
    'admin' | 'manager' | 'rep1' | 'rep2',
    { id: string; accountId: string }
  >;
  let rep1: Client;
  let manager: Client;

  beforeAll(async () => {
    const { db } = await testDatabase();
    ws = await createTestWorkspace(db);
    const sales = await createTestDepartment(db, ws, 'Sales', ws.rootDepartmentId);
    const marketing = await createTestDepartment(db, ws, 'Marketing', ws.rootDepartmentId);
    people.admin = ws.admin;
    people.manager = await createTestUser(db, ws, { role: 'sales_manager', departmentId: sales });
    people.rep1 = await createTestUser(db, ws, { role: 'sales_rep', departmentId: sales });
    people.rep2 = await createTestUser(db, ws, { role: 'sales_rep', departmentId: marketing });
    for (const who of Object.keys(people) as (keyof typeof people)[]) {
      const account = await createTestAccount(people[who].ctx, { name: `Account of ${who}` });
      const deal = await createOpportunity(
        people[who].ctx,
        opportunityInput(undefined, 'en', account.id, { name: `Deal of ${who}` }),
      );
      deals[who] = { id: deal.id, accountId: account.id };
    }
    rep1 = await logIn(people.rep1.email, TEST_PASSWORD);
    manager = await logIn(people.manager.email, TEST_PASSWORD);
  });

  it('lists only the deals in the data scope', async () => {
    const names = async (client: Client) =>
      (await ok(client.get('/opportunities?sort=name'))).data.map((o: { name: string }) => o.name);
    expect(await names(rep1)).toEqual(['Deal of rep1']);
    expect(await names(manager)).toEqual(['Deal of manager', 'Deal of rep1']);
  });

  it('answers 404 for deals out of scope, on every route, and changes nothing', async () => {
    for (const other of ['admin', 'manager', 'rep2'] as const) {
      const id = deals[other].id;
      for (const call of [
        () => rep1.get(`/opportunities/${id}`),
        () => rep1.get(`/opportunities/${id}/history`),
        () => rep1.get(`/opportunities/${id}/stage-history`),
        () => rep1.get(`/opportunities/${id}/contacts`),
        () => rep1.request('PUT', `/opportunities/${id}/contacts`, { contacts: [] }),
        () => rep1.patch(`/opportunities/${id}`, { name: 'Mine now' }),
        () => rep1.delete(`/opportunities/${id}`),
      ]) {
        await refused(ws.workspaceId, call, 404, 'not_found');
      }
    }
    await expect(assertOpportunityLinkable(people.rep1.ctx, deals.rep2.id)).rejects.toMatchObject({
      code: 'not_found',
    });
    expect(await assertOpportunityLinkable(people.rep1.ctx, deals.rep1.id)).toEqual({
      accountId: deals.rep1.accountId,
    });
  });

  it('refuses linking an account out of scope (404 on accountId) and a contact out of scope', async () => {
    const problem = await refused(
      ws.workspaceId,
      () => rep1.post('/opportunities', { name: 'X', accountId: deals.rep2.accountId }),
      404,
    );
    expect(problem.errors[0]).toMatchObject({ path: 'accountId', code: 'not_found' });
    const foreign = await createTestContact(people.admin.ctx, {
      accountId: deals.rep1.accountId,
      ownerId: people.rep2.userId,
    });
    const contact = await refused(
      ws.workspaceId,
      () =>
        rep1.post('/opportunities', {
          name: 'X',
          accountId: deals.rep1.accountId,
          contactId: foreign.id,
        }),
      404,
    );
    expect(contact.errors[0]).toMatchObject({ path: 'contactId', code: 'not_found' });
  });

  it('refuses with 403 a role without the right, and writes nothing', async () => {
    const admin = await logIn(ws.admin.email, TEST_PASSWORD);
    const role = await created(
      admin.post('/roles', {
        name: 'Read-only deals',
        permissions: {
          objects: {
            account: { create: true, read: true, update: true, delete: true, scope: 'all' },
            opportunity: { create: false, read: true, update: false, delete: false, scope: 'all' },
          },
          manageWorkspace: false,
        },
      }),
    );
    const { db } = await testDatabase();
    const reader = await createTestUser(db, ws, { role: 'sales_rep' });
    await ok(admin.patch(`/users/${reader.userId}`, { roleId: role.id }));
    const client = await logIn(reader.email, TEST_PASSWORD);
    const id = deals.rep1.id;
    expect((await client.get(`/opportunities/${id}`)).statusCode).toBe(200);
    const ws_ = ws.workspaceId;
    await refused(
      ws_,
      () => client.post('/opportunities', { name: 'X', accountId: deals.rep1.accountId }),
      403,
      'forbidden',
    );
    await refused(ws_, () => client.patch(`/opportunities/${id}`, { name: 'Y' }), 403, 'forbidden');
    await refused(ws_, () => client.delete(`/opportunities/${id}`), 403, 'forbidden');
    await refused(
      ws_,
      () => client.request('PUT', `/opportunities/${id}/contacts`, { contacts: [] }),
      403,
      'forbidden',
    );
  });

  it('keeps workspaces apart', async () => {
    const { db } = await testDatabase();
    const other = await createTestWorkspace(db);
    const stranger = await logIn(other.admin.email, TEST_PASSWORD);
    const id = deals.rep1.id;
    expect((await stranger.get(`/opportunities/${id}`)).statusCode).toBe(404);
    expect((await stranger.get(`/opportunities/${id}/stage-history`)).statusCode).toBe(404);
    await refused(
      ws.workspaceId,
      () => stranger.patch(`/opportunities/${id}`, { name: 'Taken' }),
      404,
    );
    const [theirPipeline] = await listPipelines(people.admin.ctx);
    const strangerAccount = await createTestAccount(other.admin.ctx);
    await refused(
      other.workspaceId,
      () =>
        stranger.post('/opportunities', {
          name: 'Cross',
          accountId: strangerAccount.id,
          pipelineId: theirPipeline.id,
        }),
      400,
    );
    await refused(
      other.workspaceId,
      () => stranger.post('/opportunities', { name: 'Cross', accountId: deals.rep1.accountId }),
      404,
    );
    expect((await ok(stranger.get('/opportunities'))).data).toEqual([]);
  });

  it("summarizes an account's deals for its 360 page within the data scope", async () => {
    const ctx = people.admin.ctx;
    const account = await createTestAccount(ctx, { name: '360 account' });
    const [pipeline] = await listPipelines(ctx);
    const won = pipeline.stages.find((s) => s.kind === 'won')!;
    const lost = pipeline.stages.find((s) => s.kind === 'lost')!;
    const make = (fields: Record<string, unknown>) =>
      createOpportunity(ctx, opportunityInput(undefined, 'en', account.id, fields));
    await make({ name: 'Open USD', amount: '100.50', currency: 'USD' });
    await make({ name: 'Open CNY', amount: '2000', currency: 'CNY' });
    await make({ name: 'Won', amount: '300', currency: 'USD', stageId: won.id });
    await make({
      name: 'Lost',
      amount: '999',
      currency: 'USD',
      stageId: lost.id,
      lossReason: 'Price',
    });
    const summary = await summarizeAccountOpportunities(ctx, account.id);
    expect(summary.open.map((o) => o.name).sort()).toEqual(['Open CNY', 'Open USD']);
    expect(summary.closed.map((o) => o.name).sort()).toEqual(['Lost', 'Won']);
    expect(summary.openPipeline).toEqual([
      { currency: 'CNY', amount: '2000.00' },
      { currency: 'USD', amount: '100.50' },
    ]);
    expect(summary.wonRevenue).toEqual([{ currency: 'USD', amount: '300.00' }]);
    expect(summary.lastWonAt).toBe(summary.closed.find((o) => o.name === 'Won')?.closedAt);
    const outOfScope = await summarizeAccountOpportunities(people.rep1.ctx, account.id);
    expect(outOfScope).toEqual({
      open: [],
      closed: [],
      openPipeline: [],
      wonRevenue: [],
      lastWonAt: null,
    });
  });
});
