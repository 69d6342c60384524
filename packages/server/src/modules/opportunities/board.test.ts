import { beforeAll, describe, expect, it } from 'vitest';
import {
  createTestAccount,
  createTestDepartment,
  createTestUser,
  createTestWorkspace,
  TEST_PASSWORD,
  type TestUser,
  type TestWorkspace,
} from '../../../test/factories/index.js';
import { opportunityInput } from '../../../test/factories/opportunities.js';
import { type Client, type Json, logIn, testDatabase } from '../../../test/helpers.js';
import { createOpportunity, listPipelines } from './index.js';
import { created, ok, refused } from './test-support.js';

type Person = 'admin' | 'manager' | 'rep1' | 'rep2';

/**
 * Headquarters (admin) ├── Sales (manager, rep1)
 *                      └── Marketing (rep2)
 * rep1 owns 3 deals (two USD in Qualification, one CNY in Proposal), rep2 one, the admin one.
 */
describe('opportunity board', () => {
  let ws: TestWorkspace;
  const people = {} as Record<Person, TestUser>;
  const as = {} as Record<Person, Client>;
  let stageIds: string[];
  let pipelineId: string;

  beforeAll(async () => {
    const { db } = await testDatabase();
    ws = await createTestWorkspace(db);
    const sales = await createTestDepartment(db, ws, 'Sales', ws.rootDepartmentId);
    const marketing = await createTestDepartment(db, ws, 'Marketing', ws.rootDepartmentId);
    people.admin = ws.admin;
    people.manager = await createTestUser(db, ws, { role: 'sales_manager', departmentId: sales });
    people.rep1 = await createTestUser(db, ws, { role: 'sales_rep', departmentId: sales });
    people.rep2 = await createTestUser(db, ws, { role: 'sales_rep', departmentId: marketing });
    const [pipeline] = await listPipelines(ws.admin.ctx);
    pipelineId = pipeline.id;
    stageIds = pipeline.stages.map((s) => s.id);
    const deal = async (who: Person, fields: Record<string, unknown>) => {
      const ctx = people[who].ctx;
      const account = await createTestAccount(ctx);
      return createOpportunity(ctx, opportunityInput(undefined, 'en', account.id, fields));
    };
    await deal('rep1', {
      name: 'R1 early',
      amount: '1000.10',
      probability: 10,
      currency: 'USD',
      expectedCloseDate: '2026-02-01',
    });
    await deal('rep1', {
      name: 'R1 late',
      amount: '2000',
      probability: 50,
      currency: 'USD',
      expectedCloseDate: '2026-05-01',
    });
    await deal('rep1', {
      name: 'R1 yuan',
      amount: '30000',
      currency: 'CNY',
      stageId: stageIds[2],
      expectedCloseDate: '2026-03-01',
    });
    await deal('rep2', {
      name: 'R2 deal',
      amount: '700',
      currency: 'USD',
      expectedCloseDate: '2026-01-10',
    });
    await deal('admin', {
      name: 'Admin deal',
      amount: null,
      currency: 'USD',
      expectedCloseDate: null,
    });
    for (const who of Object.keys(people) as Person[]) {
      as[who] = await logIn(people[who].email, TEST_PASSWORD);
    }
  });

  const column = (board: Json, index: number) => board.columns[index];
  const names = (col: Json) => col.cards.map((c: { name: string }) => c.name);

  it('answers every stage with its count, totals per currency and first cards in close-date order', async () => {
    const board = await ok(as.admin.get('/opportunities/board'));
    expect(board.pipeline.id).toBe(pipelineId);
    expect(board.sort).toBe('expectedCloseDate');
    expect(board.columns.map((c: { stageId: string }) => c.stageId)).toEqual(stageIds);
    const first = column(board, 0);
    expect(first.count).toBe(4);
    expect(names(first)).toEqual(['R2 deal', 'R1 early', 'R1 late', 'Admin deal']);
    expect(first.cards[0].accountName).toEqual(expect.any(String));
    expect(first.totals).toEqual([
      // 700×10% + 1000.10×10% + 2000×50%
      { currency: 'USD', amount: '3700.10', weighted: '1170.01' },
    ]);
    const proposal = column(board, 2);
    expect(proposal).toMatchObject({
      count: 1,
      totals: [{ currency: 'CNY', amount: '30000.00', weighted: '15000.00' }],
      nextCursor: null,
    });
    expect(column(board, 5)).toEqual({
      stageId: stageIds[5],
      count: 0,
      totals: [],
      cards: [],
      nextCursor: null,
    });
  });

  it('loads more cards per column with its cursor, in either order', async () => {
    const first = column(await ok(as.admin.get('/opportunities/board?limit=2')), 0);
    expect(names(first)).toEqual(['R2 deal', 'R1 early']);
    expect(first.count).toBe(4);
    const more = await ok(
      as.admin.get(`/opportunities/board/stages/${stageIds[0]}?limit=2&cursor=${first.nextCursor}`),
    );
    expect(more.data.map((c: { name: string }) => c.name)).toEqual(['R1 late', 'Admin deal']);
    expect(more.nextCursor).toBeNull();
    const recent = column(
      await ok(as.admin.get('/opportunities/board?sort=-updatedAt&limit=1')),
      0,
    );
    expect(names(recent)).toEqual(['Admin deal']);
    const next = await ok(
      as.admin.get(
        `/opportunities/board/stages/${stageIds[0]}?sort=-updatedAt&limit=1&cursor=${recent.nextCursor}`,
      ),
    );
    expect(next.data.map((c: { name: string }) => c.name)).toEqual(['R2 deal']);
    // A cursor of the other order is refused, not misread.
    const wrong = await as.admin.get(
      `/opportunities/board/stages/${stageIds[0]}?cursor=${recent.nextCursor}`,
    );
    expect(wrong.statusCode).toBe(400);
  });

  it('applies the data scope to cards, counts and totals', async () => {
    const rep = await ok(as.rep1.get('/opportunities/board'));
    expect(column(rep, 0)).toMatchObject({
      count: 2,
      totals: [{ currency: 'USD', amount: '3000.10', weighted: '1100.01' }],
    });
    expect(names(column(rep, 0))).toEqual(['R1 early', 'R1 late']);
    const manager = await ok(as.manager.get('/opportunities/board'));
    expect(column(manager, 0).count).toBe(2);
    expect(column(manager, 2).count).toBe(1);
    const other = await ok(as.rep2.get('/opportunities/board'));
    expect(names(column(other, 0))).toEqual(['R2 deal']);
    expect(column(other, 2).count).toBe(0);
  });

  it('takes the list’s filter and search', async () => {
    const filter = encodeURIComponent(JSON.stringify({ amount: { gte: 1500 } }));
    const board = await ok(as.admin.get(`/opportunities/board?filter=${filter}`));
    expect(names(column(board, 0))).toEqual(['R1 late']);
    expect(column(board, 2).count).toBe(1);
    const searched = await ok(as.admin.get(`/opportunities/board?q=${encodeURIComponent('yuan')}`));
    expect(searched.columns.map((c: { count: number }) => c.count)).toEqual([0, 0, 1, 0, 0, 0]);
    const bad = await as.admin.get(
      `/opportunities/board?filter=${encodeURIComponent('{"nope":{"eq":1}}')}`,
    );
    expect(bad.statusCode).toBe(400);
    expect(bad.json().errors[0].code).toBe('unknown_field');
  });

  it('hides amounts and totals from a role that hides the amount', async () => {
    const role = await created(
      as.admin.post('/roles', {
        name: 'No amounts',
        permissions: {
          objects: {
            account: { create: true, read: true, update: true, delete: true, scope: 'all' },
            opportunity: {
              create: true,
              read: true,
              update: true,
              delete: true,
              scope: 'all',
              fields: { amount: 'hidden', expectedCloseDate: 'hidden' },
            },
          },
          manageWorkspace: false,
        },
      }),
    );
    const { db } = await testDatabase();
    const viewer = await createTestUser(db, ws, { role: 'sales_rep' });
    await ok(as.admin.patch(`/users/${viewer.userId}`, { roleId: role.id }));
    const client = await logIn(viewer.email, TEST_PASSWORD);
    const board = await ok(client.get('/opportunities/board?limit=2'));
    // Sorting by a hidden close date would reveal it: the board orders by the last change.
    expect(board.sort).toBe('-updatedAt');
    expect(column(board, 0).count).toBe(4);
    const more = await ok(
      client.get(
        `/opportunities/board/stages/${stageIds[0]}?cursor=${column(board, 0).nextCursor}`,
      ),
    );
    expect(more.data).toHaveLength(2);
    expect(column(board, 0).totals).toEqual([]);
    expect(column(board, 0).cards.every((c: { amount: unknown }) => c.amount === null)).toBe(true);
    const filter = encodeURIComponent(JSON.stringify({ amount: { gte: 1 } }));
    expect((await client.get(`/opportunities/board?filter=${filter}`)).statusCode).toBe(400);
  });

  it('refuses a pipeline or stage of another workspace, and readers without the right', async () => {
    const { db } = await testDatabase();
    const other = await createTestWorkspace(db);
    const [theirs] = await listPipelines(other.admin.ctx);
    expect((await as.admin.get(`/opportunities/board?pipelineId=${theirs.id}`)).statusCode).toBe(
      404,
    );
    expect(
      (await as.admin.get(`/opportunities/board/stages/${theirs.stages[0].id}`)).statusCode,
    ).toBe(404);
    const none = await created(
      as.admin.post('/roles', {
        name: 'Accounts only',
        permissions: {
          objects: {
            account: { create: true, read: true, update: true, delete: true, scope: 'own' },
          },
          manageWorkspace: false,
        },
      }),
    );
    const viewer = await createTestUser(db, ws, { role: 'sales_rep' });
    await ok(as.admin.patch(`/users/${viewer.userId}`, { roleId: none.id }));
    const client = await logIn(viewer.email, TEST_PASSWORD);
    await refused(ws.workspaceId, () => client.get('/opportunities/board'), 403, 'forbidden');
    await refused(ws.workspaceId, () => client.get('/opportunities'), 403, 'forbidden');
  });
});
