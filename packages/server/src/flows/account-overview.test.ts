import { describe, expect, it } from 'vitest';
import { Client, cookiesOf, type Json, signUp, uniqueEmail } from '../../test/helpers.js';

const rights = (read: boolean, scope = 'all') => ({
  create: read,
  read,
  update: read,
  delete: read,
  scope,
});

async function colleague(admin: Client, objects: Record<string, ReturnType<typeof rights>>) {
  const role = await admin.post('/roles', {
    name: `Role ${uniqueEmail('r')}`,
    permissions: { objects, manageWorkspace: false },
  });
  expect(role.statusCode, role.body).toBe(201);
  const invite = (
    await admin.post('/invitations', { email: uniqueEmail('c'), roleId: role.json().id })
  ).json();
  const joined = await admin.app.inject({
    method: 'POST',
    url: '/api/v1/invitations/accept',
    payload: { token: invite.token, name: 'Colleague', password: 'long enough pw' },
  });
  return new Client(admin.app, { cookies: cookiesOf(joined) }, joined.json());
}

const ok = async (res: Promise<{ statusCode: number; body: string; json: () => Json }>) => {
  const r = await res;
  expect(r.statusCode, r.body).toBeLessThan(300);
  return r.json();
};

describe('customer 360 overview', () => {
  it('gathers contacts, open and closed deals, latest activities, open tasks and the figures', async () => {
    const admin = await signUp();
    const account = await ok(admin.post('/accounts', { name: '上海云杉科技' }));
    const other = await ok(admin.post('/accounts', { name: 'Other Co' }));
    const buyer = await ok(
      admin.post('/contacts', {
        name: '王芳',
        accountId: account.id,
        buyingRole: 'decision_maker',
      }),
    );
    await ok(admin.post('/contacts', { name: 'Elsewhere', accountId: other.id }));
    const [pipeline] = (await ok(admin.get('/pipelines'))).data;
    const won = pipeline.stages.find((s: { kind: string }) => s.kind === 'won');
    await ok(
      admin.post('/opportunities', {
        name: 'Renewal',
        accountId: account.id,
        amount: '1200',
        currency: 'CNY',
      }),
    );
    await ok(
      admin.post('/opportunities', {
        name: 'First order',
        accountId: account.id,
        amount: '800',
        currency: 'CNY',
        expectedCloseDate: '2026-10-01',
        contactId: buyer.id,
        nextStep: 'Sign',
        competitors: ['Acme'],
        stageId: won.id,
        pipelineId: pipeline.id,
      }),
    );
    for (let i = 0; i < 22; i++) {
      await ok(
        admin.post('/activities', {
          kind: i % 2 ? 'call' : 'visit',
          subject: `Follow-up ${i}`,
          contactId: buyer.id,
          occurredAt: new Date(Date.UTC(2026, 9, 1 + i)).toISOString(),
        }),
      );
    }
    await ok(admin.post('/tasks', { title: 'Send the quote', accountId: account.id }));
    await ok(
      admin.post('/tasks', { title: 'Done already', accountId: account.id, status: 'done' }),
    );

    const view = await ok(admin.get(`/accounts/${account.id}/overview`));
    expect(view.account.id).toBe(account.id);
    expect(view.contacts.map((c: { name: string }) => c.name)).toEqual(['王芳']);
    expect(view.opportunities.open.map((o: { name: string }) => o.name)).toEqual(['Renewal']);
    expect(view.opportunities.closed.map((o: { name: string }) => o.name)).toEqual(['First order']);
    // Activities logged on the contact show on its account; the 20 latest, newest first.
    expect(view.activities).toHaveLength(20);
    expect(view.activities[0].subject).toBe('Follow-up 21');
    expect(view.openTasks.map((t: { title: string }) => t.title)).toEqual(['Send the quote']);
    expect(view.kpis).toMatchObject({
      openPipeline: [{ currency: 'CNY', amount: '1200.00' }],
      wonRevenue: [{ currency: 'CNY', amount: '800.00' }],
      openOpportunities: 1,
      openTasks: 1,
      lastActivityAt: new Date(Date.UTC(2026, 9, 22)).toISOString(),
    });
    expect(view.kpis.daysSinceLastActivity).toBeGreaterThanOrEqual(0);
    expect(view.kpis.lastWonAt).not.toBeNull();
  });

  it('leaves out the panels a role may not read and answers 404 out of scope', async () => {
    const admin = await signUp();
    const account = await ok(admin.post('/accounts', { name: 'Scoped Co' }));
    await ok(admin.post('/opportunities', { name: 'Hidden deal', accountId: account.id }));
    const reader = await colleague(admin, {
      account: rights(true),
      contact: rights(true),
      opportunity: rights(false),
      activity: rights(true),
      task: rights(false),
    });
    const view = await ok(reader.get(`/accounts/${account.id}/overview`));
    expect(view.opportunities).toBeNull();
    expect(view.openTasks).toBeNull();
    expect(view.kpis).toMatchObject({
      openPipeline: null,
      openOpportunities: null,
      openTasks: null,
    });
    expect(view.contacts).toEqual([]);

    const ownOnly = await colleague(admin, {
      account: rights(true, 'own'),
      contact: rights(true, 'own'),
    });
    const hidden = await ownOnly.get(`/accounts/${account.id}/overview`);
    expect(hidden.statusCode).toBe(404);
  });
});
