import { describe, expect, it } from 'vitest';
import { createTestUser, TEST_PASSWORD } from '../../../test/factories/index.js';
import { logIn, signUp, testDatabase } from '../../../test/helpers.js';
import { created, ok, pipelinesOf, refused, salesWorkspace } from './test-support.js';

const renewals = {
  name: 'Renewals',
  stages: [
    { name: 'Due', probability: 60, kind: 'open' },
    { name: 'Renewed', probability: 100, kind: 'won', requiredFields: ['amount'] },
    { name: 'Churned', probability: 0, kind: 'lost' },
  ],
};

async function repOf(
  admin: Awaited<ReturnType<typeof signUp>>,
  role: 'sales_rep' | 'sales_manager' = 'sales_rep',
) {
  const { db } = await testDatabase();
  const roles = (await admin.get('/roles')).json().data as { id: string; builtinKey: string }[];
  const roleIds = Object.fromEntries(roles.map((r) => [r.builtinKey, r.id])) as Record<
    string,
    string
  >;
  const departments = (await admin.get('/departments')).json().data as { id: string }[];
  const user = await createTestUser(
    db,
    {
      workspaceId: admin.workspaceId,
      roleIds: roleIds as never,
      rootDepartmentId: departments[0].id,
    },
    { role },
  );
  return { user, client: await logIn(user.email, TEST_PASSWORD) };
}

describe('pipelines', () => {
  it('gives a new workspace a default pipeline in its language', async () => {
    const en = await pipelinesOf(await signUp({ locale: 'en' }));
    expect(en).toHaveLength(1);
    expect(en[0].name).toBe('New business');
    expect(en[0].stages.map((s) => [s.name, s.probability, s.kind])).toEqual([
      ['Qualification', 10, 'open'],
      ['Needs analysis', 25, 'open'],
      ['Proposal/Quote', 50, 'open'],
      ['Negotiation', 75, 'open'],
      ['Won', 100, 'won'],
      ['Lost', 0, 'lost'],
    ]);
    const zh = await pipelinesOf(await signUp({ locale: 'zh-CN' }));
    expect(zh[0].name).toBe('新客户销售');
    expect(zh[0].stages.map((s) => s.name)).toEqual([
      '初步接洽',
      '需求分析',
      '方案报价',
      '商务谈判',
      '赢单',
      '输单',
    ]);
  });

  it('lets an admin create, rename, reorder and delete pipelines, audited', async () => {
    const admin = await signUp();
    const pipeline = await created(admin.post('/pipelines', renewals));
    expect(pipeline).toMatchObject({ name: 'Renewals', position: 1 });
    expect(
      pipeline.stages.map((s: { name: string; position: number }) => [s.name, s.position]),
    ).toEqual([
      ['Due', 0],
      ['Renewed', 1],
      ['Churned', 2],
    ]);
    const renamed = await ok(
      admin.patch(`/pipelines/${pipeline.id}`, { name: 'Renewals 2026', position: 0 }),
    );
    expect(renamed).toMatchObject({ name: 'Renewals 2026', position: 0 });
    expect((await pipelinesOf(admin)).map((p) => p.name)).toEqual([
      'Renewals 2026',
      'New business',
    ]);
    const audit = (
      await ok(admin.get(`/audit-entries?objectType=pipeline&recordId=${pipeline.id}`))
    ).data;
    expect(audit.map((e: { action: string }) => e.action)).toEqual(['update', 'create']);
    expect(audit[0].changes).toEqual(
      expect.arrayContaining([{ field: 'name', old: 'Renewals', new: 'Renewals 2026' }]),
    );
    await refused(
      admin.workspaceId,
      () => admin.post('/pipelines', { ...renewals, name: 'renewals 2026' }),
      400,
    );
    expect((await admin.delete(`/pipelines/${pipeline.id}`)).statusCode).toBe(204);
    expect(
      (await pipelinesOf(admin)).map((p) => [
        p.name,
        (p as unknown as { position: number }).position,
      ]),
    ).toEqual([['New business', 0]]);
    const [last] = await pipelinesOf(admin);
    const problem = await refused(
      admin.workspaceId,
      () => admin.delete(`/pipelines/${last.id}`),
      409,
      'conflict',
    );
    expect(problem.detail).toMatch(/last one/);
  });

  it('requires exactly one won, at least one lost and one open stage', async () => {
    const admin = await signUp();
    const ws = admin.workspaceId;
    const stages = renewals.stages;
    await refused(
      ws,
      () => admin.post('/pipelines', { name: 'A', stages: [stages[0], stages[1], stages[1]] }),
      400,
    );
    await refused(
      ws,
      () =>
        admin.post('/pipelines', {
          name: 'B',
          stages: [stages[0], stages[1], { ...stages[0], name: 'Other' }],
        }),
      400,
    );
    await refused(
      ws,
      () =>
        admin.post('/pipelines', {
          name: 'C',
          stages: [stages[1], stages[2], { ...stages[2], name: 'Gone' }],
        }),
      400,
    );
    await refused(
      ws,
      () =>
        admin.post('/pipelines', {
          name: 'D',
          stages: [stages[0], stages[0], stages[1], stages[2]],
        }),
      400,
    );
    await refused(
      ws,
      () =>
        admin.post('/pipelines', {
          name: 'E',
          stages: [{ ...stages[0], probability: 120 }, stages[1], stages[2]],
        }),
      400,
    );
    const p = await created(admin.post('/pipelines', renewals));
    const [due, renewed, churned] = p.stages;
    await refused(
      ws,
      () =>
        admin.post(`/pipelines/${p.id}/stages`, {
          name: 'Won again',
          probability: 100,
          kind: 'won',
        }),
      400,
    );
    await refused(
      ws,
      () => admin.patch(`/pipelines/${p.id}/stages/${renewed.id}`, { kind: 'open' }),
      400,
    );
    const deleteLost = await refused(
      ws,
      () => admin.delete(`/pipelines/${p.id}/stages/${churned.id}`),
      409,
    );
    expect(deleteLost.detail).toMatch(/lost stage/);
    await refused(
      ws,
      () => admin.patch(`/pipelines/${p.id}/stages/${due.id}`, { name: 'Renewed' }),
      400,
    );
  });

  it('adds, changes, reorders and deletes stages', async () => {
    const admin = await signUp();
    const p = await created(admin.post('/pipelines', renewals));
    const withStage = await created(
      admin.post(`/pipelines/${p.id}/stages`, {
        name: 'Quoted',
        probability: 80,
        kind: 'open',
        requiredFields: ['amount', 'amount', 'nextStep'],
        position: 1,
      }),
    );
    expect(withStage.stages.map((s: { name: string }) => s.name)).toEqual([
      'Due',
      'Quoted',
      'Renewed',
      'Churned',
    ]);
    const quoted = withStage.stages[1];
    expect(quoted.requiredFields).toEqual(['amount', 'nextStep']);
    const changed = await ok(
      admin.patch(`/pipelines/${p.id}/stages/${quoted.id}`, {
        name: 'Quote sent',
        probability: 70,
        requiredFields: [],
      }),
    );
    expect(changed.stages[1]).toMatchObject({
      name: 'Quote sent',
      probability: 70,
      requiredFields: [],
    });
    const order = [
      changed.stages[0].id,
      changed.stages[2].id,
      changed.stages[1].id,
      changed.stages[3].id,
    ];
    const reordered = await ok(
      admin.request('PUT', `/pipelines/${p.id}/stage-order`, { stageIds: order }),
    );
    expect(reordered.stages.map((s: { id: string }) => s.id)).toEqual(order);
    await refused(
      admin.workspaceId,
      () => admin.request('PUT', `/pipelines/${p.id}/stage-order`, { stageIds: order.slice(1) }),
      400,
    );
    const removed = await ok(admin.delete(`/pipelines/${p.id}/stages/${quoted.id}`));
    expect(
      removed.stages.map((s: { name: string; position: number }) => [s.name, s.position]),
    ).toEqual([
      ['Due', 0],
      ['Renewed', 1],
      ['Churned', 2],
    ]);
    const audit = (await ok(admin.get(`/audit-entries?objectType=pipeline&recordId=${p.id}`))).data;
    expect(audit).toHaveLength(5);
  });

  it('refuses deleting a stage or pipeline, or changing a stage’s kind, while opportunities are in it', async () => {
    const { admin, account } = await salesWorkspace();
    const p = await created(admin.post('/pipelines', renewals));
    const due = p.stages[0];
    const opp = await created(
      admin.post('/opportunities', { name: 'Renewal', accountId: account.id, pipelineId: p.id }),
    );
    const ws = admin.workspaceId;
    const stage = await refused(
      ws,
      () => admin.delete(`/pipelines/${p.id}/stages/${due.id}`),
      409,
      'conflict',
    );
    expect(stage.detail).toMatch(/still holds 1 opportunity/);
    await refused(ws, () => admin.delete(`/pipelines/${p.id}`), 409, 'conflict');
    // A second open stage, so the kind change itself would be allowed without opportunities.
    await created(
      admin.post(`/pipelines/${p.id}/stages`, { name: 'Late', probability: 30, kind: 'open' }),
    );
    await refused(
      ws,
      () => admin.patch(`/pipelines/${p.id}/stages/${due.id}`, { kind: 'lost' }),
      409,
    );
    // In the trash still counts: restoring it needs its stage.
    expect((await admin.delete(`/opportunities/${opp.id}`)).statusCode).toBe(204);
    await refused(ws, () => admin.delete(`/pipelines/${p.id}`), 409);
  });

  it('lets everyone who reads opportunities see pipelines, and only admins change them', async () => {
    const admin = await signUp();
    const { client: rep } = await repOf(admin);
    const [pipeline] = await pipelinesOf(rep);
    expect(pipeline.name).toBe('New business');
    expect((await rep.get(`/pipelines/${pipeline.id}`)).statusCode).toBe(200);
    const ws = admin.workspaceId;
    await refused(ws, () => rep.post('/pipelines', renewals), 403, 'forbidden');
    await refused(ws, () => rep.patch(`/pipelines/${pipeline.id}`, { name: 'Mine' }), 403);
    await refused(ws, () => rep.delete(`/pipelines/${pipeline.id}`), 403);
    await refused(
      ws,
      () =>
        rep.post(`/pipelines/${pipeline.id}/stages`, { name: 'X', probability: 5, kind: 'open' }),
      403,
    );
    await refused(
      ws,
      () => rep.patch(`/pipelines/${pipeline.id}/stages/${pipeline.stages[0].id}`, { name: 'Y' }),
      403,
    );
    await refused(
      ws,
      () => rep.delete(`/pipelines/${pipeline.id}/stages/${pipeline.stages[0].id}`),
      403,
    );
    // Without the right to read opportunities, not even the list.
    const role = await created(
      admin.post('/roles', {
        name: 'No deals',
        permissions: {
          objects: {
            account: { create: true, read: true, update: true, delete: true, scope: 'own' },
          },
          manageWorkspace: false,
        },
      }),
    );
    const { user } = await repOf(admin);
    await ok(admin.patch(`/users/${user.userId}`, { roleId: role.id }));
    const noDeals = await logIn(user.email, TEST_PASSWORD);
    expect((await noDeals.get('/pipelines')).statusCode).toBe(403);
  });

  it('keeps pipelines of one workspace out of another', async () => {
    const a = await signUp();
    const b = await signUp();
    const [pa] = await pipelinesOf(a);
    expect((await b.get(`/pipelines/${pa.id}`)).statusCode).toBe(404);
    await refused(a.workspaceId, () => b.patch(`/pipelines/${pa.id}`, { name: 'Taken' }), 404);
    await refused(
      a.workspaceId,
      () => b.delete(`/pipelines/${pa.id}/stages/${pa.stages[0].id}`),
      404,
    );
    const account = await created(b.post('/accounts', { name: 'B account' }));
    await refused(
      a.workspaceId,
      () =>
        b.post('/opportunities', {
          name: 'Cross',
          accountId: account.id,
          stageId: pa.stages[0].id,
        }),
      400,
    );
  });
});
