import { sql } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { dbRows } from '../../../test/db-state.js';
import { created, ok, refused, salesWorkspace } from './test-support.js';

describe('opportunities', () => {
  it('creates with defaults from the workspace and its first pipeline, reads, updates, trashes', async () => {
    const { admin, pipeline, stages, account } = await salesWorkspace();
    const opp = await created(
      admin.post('/opportunities', { name: '  CRM rollout ', accountId: account.id }),
    );
    expect(opp).toMatchObject({
      name: 'CRM rollout',
      accountId: account.id,
      accountName: 'Northwind Traders Ltd.',
      contactId: null,
      pipelineId: pipeline.id,
      stageId: stages.Qualification.id,
      probability: 10,
      currency: 'USD',
      amount: null,
      forecastCategory: 'pipeline',
      competitors: [],
      closedAt: null,
      ownerId: admin.userId,
      version: 1,
    });
    const got = await admin.get(`/opportunities/${opp.id}`);
    expect(got.statusCode).toBe(200);
    expect(got.headers.etag).toBe('"1"');

    const updated = await ok(
      admin.patch(
        `/opportunities/${opp.id}`,
        {
          amount: '125000.5',
          expectedCloseDate: '2026-06-30',
          competitors: ['Acme', 'Acme', 'Zeta'],
        },
        { 'if-match': '"1"' },
      ),
    );
    expect(updated).toMatchObject({
      amount: '125000.50',
      expectedCloseDate: '2026-06-30',
      competitors: ['Acme', 'Zeta'],
      version: 2,
    });
    const [row] = await dbRows(
      sql`select amount::text as amount, expected_close_date::text as d from opportunities where id = ${opp.id}`,
    );
    expect(row).toEqual({ amount: '125000.50', d: '2026-06-30' });

    const history = (await ok(admin.get(`/opportunities/${opp.id}/history`))).data;
    expect(history.map((h: { action: string }) => h.action)).toEqual(['update', 'create']);
    expect(history[0].changes).toEqual(
      expect.arrayContaining([{ field: 'amount', old: null, new: '125000.50' }]),
    );

    expect((await admin.delete(`/opportunities/${opp.id}`)).statusCode).toBe(204);
    expect((await admin.get(`/opportunities/${opp.id}`)).statusCode).toBe(404);
    expect((await admin.get('/opportunities?deleted=true')).json().data).toHaveLength(1);
    await ok(admin.post(`/opportunities/${opp.id}/restore`));
  });

  it('uses the workspace currency (CNY in a Chinese workspace) unless one is given', async () => {
    const { admin, account } = await salesWorkspace({ locale: 'zh-CN' });
    const cny = await created(
      admin.post('/opportunities', { name: '年度订阅', accountId: account.id }),
    );
    expect(cny.currency).toBe('CNY');
    const eur = await created(
      admin.post('/opportunities', { name: 'EU deal', accountId: account.id, currency: 'eur' }),
    );
    expect(eur.currency).toBe('EUR');
  });

  it('refuses bad input with field errors and writes nothing', async () => {
    const { admin, account } = await salesWorkspace();
    const ws = admin.workspaceId;
    const bad = async (body: Record<string, unknown>, path: string, status = 400) => {
      const problem = await refused(ws, () => admin.post('/opportunities', body), status);
      expect(problem.errors.map((e: { path: string }) => e.path)).toContain(path);
    };
    const base = { name: 'Deal', accountId: account.id };
    await bad({ name: 'Deal' }, 'accountId');
    await bad({ ...base, amount: 12.5 }, 'amount');
    await bad({ ...base, amount: '12.505' }, 'amount');
    await bad({ ...base, amount: '-3' }, 'amount');
    await bad({ ...base, currency: 'XYZ' }, 'currency');
    await bad({ ...base, expectedCloseDate: '2026-13-01' }, 'expectedCloseDate');
    await bad({ ...base, probability: 101 }, 'probability');
    await bad({ ...base, forecastCategory: 'closed' }, 'forecastCategory');
    await bad({ ...base, accountId: '0190c0a0-0000-7000-8000-000000000000' }, 'accountId', 404);
    await bad({ ...base, pipelineId: '0190c0a0-0000-7000-8000-000000000000' }, 'pipelineId');
    await bad({ ...base, stageId: '0190c0a0-0000-7000-8000-000000000000' }, 'stageId');
    await bad({ ...base, version: 3 }, 'version');
  });

  it('takes the stage of the given pipeline and refuses a stage of another pipeline', async () => {
    const { admin, account, stages } = await salesWorkspace();
    const other = await created(
      admin.post('/pipelines', {
        name: 'Renewals',
        stages: [
          { name: 'Due', probability: 60, kind: 'open' },
          { name: 'Renewed', probability: 100, kind: 'won' },
          { name: 'Churned', probability: 0, kind: 'lost' },
        ],
      }),
    );
    const renewal = await created(
      admin.post('/opportunities', {
        name: 'Renewal',
        accountId: account.id,
        pipelineId: other.id,
      }),
    );
    expect(renewal).toMatchObject({
      pipelineId: other.id,
      stageId: other.stages[0].id,
      probability: 60,
    });
    const byStage = await created(
      admin.post('/opportunities', {
        name: 'By stage',
        accountId: account.id,
        stageId: other.stages[0].id,
      }),
    );
    expect(byStage.pipelineId).toBe(other.id);
    const problem = await refused(
      admin.workspaceId,
      () => admin.patch(`/opportunities/${renewal.id}`, { stageId: stages['Needs analysis'].id }),
      400,
      'validation_failed',
    );
    expect(problem.errors[0]).toMatchObject({ path: 'stageId', code: 'invalid' });
    // Moving pipelines: the stage of the new pipeline comes along.
    const moved = await ok(
      admin.patch(`/opportunities/${renewal.id}`, {
        pipelineId: stages['Needs analysis'].pipelineId,
        stageId: stages['Needs analysis'].id,
      }),
    );
    expect(moved).toMatchObject({ stageId: stages['Needs analysis'].id, probability: 25 });
    // Only the pipeline: its first open stage.
    const back = await ok(admin.patch(`/opportunities/${renewal.id}`, { pipelineId: other.id }));
    expect(back).toMatchObject({ pipelineId: other.id, stageId: other.stages[0].id });
  });

  it('refuses entering a stage until its required fields are filled, one error per field', async () => {
    const { admin, account, stages } = await salesWorkspace();
    const opp = await created(
      admin.post('/opportunities', { name: 'Deal', accountId: account.id }),
    );
    const problem = await refused(
      admin.workspaceId,
      () => admin.patch(`/opportunities/${opp.id}`, { stageId: stages.Negotiation.id }),
      400,
      'validation_failed',
    );
    expect(problem.errors).toEqual([
      expect.objectContaining({
        path: 'amount',
        code: 'required',
        params: expect.objectContaining({ stage: 'Negotiation' }),
      }),
      expect.objectContaining({
        path: 'expectedCloseDate',
        code: 'required',
        params: expect.objectContaining({ stage: 'Negotiation' }),
      }),
    ]);
    // Filled in the same write: accepted.
    const moved = await ok(
      admin.patch(`/opportunities/${opp.id}`, {
        stageId: stages.Negotiation.id,
        amount: '5000',
        expectedCloseDate: '2026-09-30',
      }),
    );
    expect(moved).toMatchObject({ stageId: stages.Negotiation.id, probability: 75, version: 2 });
    // While in the stage, a required field cannot be emptied either.
    const emptied = await refused(
      admin.workspaceId,
      () => admin.patch(`/opportunities/${opp.id}`, { amount: null }),
      400,
    );
    expect(emptied.errors).toEqual([expect.objectContaining({ path: 'amount', code: 'required' })]);
    // Created straight into a stage: the same rule.
    await refused(
      admin.workspaceId,
      () =>
        admin.post('/opportunities', {
          name: 'X',
          accountId: account.id,
          stageId: stages['Proposal/Quote'].id,
        }),
      400,
    );
  });

  it('requires a loss reason to enter a lost stage; closing sets closedAt and forecast, reopening clears them', async () => {
    const { admin, account, stages } = await salesWorkspace();
    const opp = await created(
      admin.post('/opportunities', {
        name: 'Deal',
        accountId: account.id,
        forecastCategory: 'commit',
      }),
    );
    const problem = await refused(
      admin.workspaceId,
      () => admin.patch(`/opportunities/${opp.id}`, { stageId: stages.Lost.id }),
      400,
    );
    expect(problem.errors).toEqual([
      expect.objectContaining({
        path: 'lossReason',
        code: 'required',
        params: expect.objectContaining({ stage: 'Lost' }),
      }),
    ]);
    const lost = await ok(
      admin.patch(`/opportunities/${opp.id}`, { stageId: stages.Lost.id, lossReason: 'Price' }),
    );
    expect(lost).toMatchObject({ probability: 0, forecastCategory: 'closed' });
    expect(lost.closedAt).not.toBeNull();
    const reopened = await ok(
      admin.patch(`/opportunities/${opp.id}`, { stageId: stages['Needs analysis'].id }),
    );
    expect(reopened).toMatchObject({
      closedAt: null,
      forecastCategory: 'pipeline',
      probability: 25,
    });
    const history = (await ok(admin.get(`/opportunities/${opp.id}/history`))).data;
    expect(history[0].changes).toEqual(
      expect.arrayContaining([
        { field: 'forecastCategory', old: 'closed', new: 'pipeline' },
        { field: 'probability', old: 0, new: 25 },
      ]),
    );
  });

  it("winning sets closedAt, forecast closed, 100% and the account's last win", async () => {
    const { admin, account, stages } = await salesWorkspace();
    const opp = await created(
      admin.post('/opportunities', { name: 'Deal', accountId: account.id, amount: '900' }),
    );
    await refused(
      admin.workspaceId,
      () => admin.patch(`/opportunities/${opp.id}`, { stageId: stages.Won.id, amount: null }),
      400,
    );
    const won = await ok(admin.patch(`/opportunities/${opp.id}`, { stageId: stages.Won.id }));
    expect(won).toMatchObject({ probability: 100, forecastCategory: 'closed' });
    const [stored] = await dbRows<{ last_won_at: Date }>(
      sql`select last_won_at from accounts where id = ${account.id}`,
    );
    expect(new Date(stored.last_won_at).toISOString()).toBe(won.closedAt);
    // Forecast stays closed while won.
    const still = await ok(admin.patch(`/opportunities/${opp.id}`, { forecastCategory: 'commit' }));
    expect(still.forecastCategory).toBe('closed');
  });

  it('keeps the primary contact at the opportunity’s account', async () => {
    const { admin, account } = await salesWorkspace();
    const otherAccount = await created(admin.post('/accounts', { name: 'Other Co' }));
    const inside = await created(admin.post('/contacts', { name: 'Li Na', accountId: account.id }));
    const outside = await created(
      admin.post('/contacts', { name: 'Bob', accountId: otherAccount.id }),
    );
    const problem = await refused(
      admin.workspaceId,
      () =>
        admin.post('/opportunities', {
          name: 'Deal',
          accountId: account.id,
          contactId: outside.id,
        }),
      400,
    );
    expect(problem.errors[0]).toMatchObject({ path: 'contactId', code: 'invalid' });
    const opp = await created(
      admin.post('/opportunities', { name: 'Deal', accountId: account.id, contactId: inside.id }),
    );
    expect(opp.contactId).toBe(inside.id);
    // The primary contact shows among the contact roles.
    const roles = (await ok(admin.get(`/opportunities/${opp.id}/contacts`))).data;
    expect(roles).toEqual([
      {
        contactId: inside.id,
        contactName: 'Li Na',
        title: null,
        buyingRole: null,
        isPrimary: true,
      },
    ]);
    // Moving to another account while keeping a contact of the old one is refused.
    await refused(
      admin.workspaceId,
      () => admin.patch(`/opportunities/${opp.id}`, { accountId: otherAccount.id }),
      400,
    );
  });

  it('lists with filters on stage, amount and close date, sorting and searching', async () => {
    const { admin, account, stages } = await salesWorkspace();
    const make = (name: string, extra: Record<string, unknown>) =>
      created(admin.post('/opportunities', { name, accountId: account.id, ...extra }));
    await make('Alpha rollout', { amount: '100', expectedCloseDate: '2026-01-15' });
    await make('Beta renewal', { amount: '5000', expectedCloseDate: '2026-03-01' });
    await make('Gamma pilot', {
      amount: '800',
      expectedCloseDate: '2026-02-01',
      stageId: stages['Needs analysis'].id,
    });
    const list = async (query: string) =>
      (await ok(admin.get(`/opportunities?${query}`))).data.map((o: { name: string }) => o.name);
    const filter = (f: unknown) => `filter=${encodeURIComponent(JSON.stringify(f))}`;
    expect(await list(`${filter({ stageId: { eq: stages['Needs analysis'].id } })}`)).toEqual([
      'Gamma pilot',
    ]);
    expect(await list(`${filter({ amount: { gte: 800 } })}&sort=-amount`)).toEqual([
      'Beta renewal',
      'Gamma pilot',
    ]);
    expect(
      await list(`${filter({ expectedCloseDate: { lt: '2026-02-15' } })}&sort=expectedCloseDate`),
    ).toEqual(['Alpha rollout', 'Gamma pilot']);
    expect(await list(`q=${encodeURIComponent('renew')}`)).toEqual(['Beta renewal']);
    const bad = await admin.get(`/opportunities?${filter({ expectedCloseDate: { lt: 'soon' } })}`);
    expect(bad.statusCode).toBe(400);
    // Keyset pages over a date sort visit every row once.
    const seen: string[] = [];
    let cursor: string | null = null;
    do {
      const page: { data: { name: string }[]; nextCursor: string | null } = await ok(
        admin.get(
          `/opportunities?limit=1&sort=expectedCloseDate${cursor ? `&cursor=${cursor}` : ''}`,
        ),
      );
      seen.push(...page.data.map((o) => o.name));
      cursor = page.nextCursor;
    } while (cursor);
    expect(seen).toEqual(['Alpha rollout', 'Gamma pilot', 'Beta renewal']);
  });
});
