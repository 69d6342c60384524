import { sql } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { dbRows, storedRecord, workspaceState } from '../../../test/db-state.js';
import { Client, cookiesOf, type Json, signUp, uniqueEmail } from '../../../test/helpers.js';

const ok = async (res: Promise<{ statusCode: number; body: string; json: () => Json }>) => {
  const r = await res;
  expect(r.statusCode, r.body).toBeLessThan(300);
  return r.json();
};

/** An account with a small org chart: a CEO, a CTO under the CEO, an engineer under the CTO. */
async function orgChart(admin: Client, name = '杭州青禾软件有限公司') {
  const account = await ok(admin.post('/accounts', { name }));
  const at = { accountId: account.id };
  const ceo = await ok(
    admin.post('/contacts', { name: '周总', ...at, buyingRole: 'decision_maker' }),
  );
  const cto = await ok(admin.post('/contacts', { name: '林工', ...at, reportsToId: ceo.id }));
  const dev = await ok(admin.post('/contacts', { name: '小陈', ...at, reportsToId: cto.id }));
  return { account, ceo, cto, dev };
}

const reportsTo = async (id: string) => (await storedRecord('contacts', id)).reports_to_id;

async function salesRep(admin: Client): Promise<Client> {
  const roles = (await admin.get('/roles')).json().data;
  const rep = roles.find((r: { builtinKey: string }) => r.builtinKey === 'sales_rep');
  const invite = await ok(
    admin.post('/invitations', { email: uniqueEmail('rep'), roleId: rep.id }),
  );
  const joined = await admin.app.inject({
    method: 'POST',
    url: '/api/v1/invitations/accept',
    payload: { token: invite.token, name: 'Reza Rep', password: 'long enough pw' },
  });
  expect(joined.statusCode, joined.body).toBe(201);
  return new Client(admin.app, { cookies: cookiesOf(joined) }, joined.json());
}

describe('contact org chart (reportsToId)', () => {
  it('links a contact to its manager at the same account, names the manager and audits it', async () => {
    const admin = await signUp();
    const { account, ceo, cto, dev } = await orgChart(admin);
    expect(cto).toMatchObject({ reportsToId: ceo.id, reportsToName: '周总' });
    expect(await reportsTo(dev.id)).toBe(cto.id);
    expect((await admin.get(`/contacts/${dev.id}`)).json()).toMatchObject({
      reportsToId: cto.id,
      reportsToName: '林工',
    });
    // The account's 360 page draws the chart from its overview's contacts.
    const view = await ok(admin.get(`/accounts/${account.id}/overview`));
    expect(
      Object.fromEntries(view.contacts.map((c: Json) => [c.name, c.reportsToName ?? null])),
    ).toEqual({ 周总: null, 林工: '周总', 小陈: '林工' });
    const [created] = (await admin.get(`/contacts/${cto.id}/history`)).json().data;
    expect(created.changes).toEqual(
      expect.arrayContaining([{ field: 'reportsToId', old: null, new: ceo.id }]),
    );

    const filter = (f: unknown) =>
      `/contacts?sort=name&filter=${encodeURIComponent(JSON.stringify(f))}`;
    const reports = (await admin.get(filter({ reportsToId: { eq: ceo.id } }))).json().data;
    expect(reports.map((c: { id: string }) => c.id)).toEqual([cto.id]);
    const top = (
      await admin.get(filter({ accountId: { eq: account.id }, reportsToId: { isNull: true } }))
    ).json().data;
    expect(top.map((c: { id: string }) => c.id)).toEqual([ceo.id]);

    // Someone new at the top: the CEO now reports to the chairman.
    const chair = await ok(admin.post('/contacts', { name: '董事长', accountId: account.id }));
    const moved = await ok(admin.patch(`/contacts/${ceo.id}`, { reportsToId: chair.id }));
    expect(moved).toMatchObject({ reportsToId: chair.id, reportsToName: '董事长', version: 2 });
    const cleared = await ok(admin.patch(`/contacts/${ceo.id}`, { reportsToId: null }));
    expect(cleared).toMatchObject({ reportsToId: null, reportsToName: null, version: 3 });
  });

  it('refuses a missing, trashed, invisible or foreign manager with 404 on reportsToId, writing nothing', async () => {
    const admin = await signUp();
    const { account, ceo, dev } = await orgChart(admin);
    const trashed = await ok(admin.post('/contacts', { name: 'Gone', accountId: account.id }));
    expect((await admin.delete(`/contacts/${trashed.id}`)).statusCode).toBe(204);
    const stranger = await signUp();
    const foreign = await ok(stranger.post('/contacts', { name: 'Foreign' }));
    const rep = await salesRep(admin);
    const repAccount = await ok(rep.post('/accounts', { name: 'Rep Co' }));
    const repContact = await ok(
      rep.post('/contacts', { name: 'Rep Contact', accountId: repAccount.id }),
    );
    // The admin's contact at the rep's account: out of the rep's own-records scope.
    const hidden = await ok(admin.post('/contacts', { name: 'Hidden', accountId: repAccount.id }));

    const before = await workspaceState(admin.workspaceId);
    const missing = '0190a0b0-0000-7000-8000-000000000000';
    for (const reportsToId of [missing, trashed.id, foreign.id]) {
      const create = await admin.post('/contacts', {
        name: 'New',
        accountId: account.id,
        reportsToId,
      });
      expect(create.statusCode, create.body).toBe(404);
      expect(create.json()).toMatchObject({
        code: 'not_found',
        errors: [{ path: 'reportsToId', code: 'not_found' }],
      });
      const update = await admin.patch(`/contacts/${dev.id}`, { reportsToId });
      expect(update.statusCode).toBe(404);
      expect(update.json().errors[0].path).toBe('reportsToId');
    }
    const invisible = await rep.patch(`/contacts/${repContact.id}`, { reportsToId: hidden.id });
    expect(invisible.statusCode).toBe(404);
    expect(invisible.json().errors[0]).toMatchObject({ path: 'reportsToId', code: 'not_found' });
    expect(await workspaceState(admin.workspaceId)).toEqual(before);
    expect(await reportsTo(ceo.id)).toBeNull();
  });

  it('refuses a manager at another account or for a contact without one (400), writing nothing', async () => {
    const admin = await signUp();
    const { ceo, dev } = await orgChart(admin);
    const other = await orgChart(admin, 'Contoso Ltd.');
    const loose = await ok(admin.post('/contacts', { name: 'No Account' }));
    const before = await workspaceState(admin.workspaceId);

    const elsewhere = await admin.patch(`/contacts/${dev.id}`, { reportsToId: other.ceo.id });
    expect(elsewhere.statusCode).toBe(400);
    expect(elsewhere.json()).toMatchObject({
      code: 'validation_failed',
      errors: [{ path: 'reportsToId', code: 'invalid', params: { reason: 'other_account' } }],
    });
    const created = await admin.post('/contacts', {
      name: 'Wrong Place',
      accountId: other.account.id,
      reportsToId: ceo.id,
    });
    expect(created.statusCode).toBe(400);
    const withoutAccount = await admin.patch(`/contacts/${loose.id}`, { reportsToId: ceo.id });
    expect(withoutAccount.statusCode).toBe(400);
    expect(withoutAccount.json().errors[0]).toMatchObject({
      path: 'reportsToId',
      params: { reason: 'no_account' },
    });
    // Unlinking the account while naming a manager is a contradiction, not a silent clear.
    const contradiction = await admin.patch(`/contacts/${dev.id}`, {
      accountId: null,
      reportsToId: ceo.id,
    });
    expect(contradiction.statusCode).toBe(400);
    expect(await workspaceState(admin.workspaceId)).toEqual(before);
  });

  it('refuses loops with code cycle: itself, a direct report, or anyone below it', async () => {
    const admin = await signUp();
    const { ceo, cto, dev } = await orgChart(admin);
    const before = await workspaceState(admin.workspaceId);
    for (const reportsToId of [ceo.id, cto.id, dev.id]) {
      const res = await admin.patch(`/contacts/${ceo.id}`, { reportsToId });
      expect(res.statusCode, res.body).toBe(400);
      expect(res.json().errors).toEqual([
        expect.objectContaining({ path: 'reportsToId', code: 'cycle' }),
      ]);
    }
    expect(await workspaceState(admin.workspaceId)).toEqual(before);
  });

  it('of two people closing a loop at the same moment, exactly one succeeds', async () => {
    // The other waits for the first to commit, then sees the loop it would close (400 cycle).
    const admin = await signUp();
    const account = await ok(admin.post('/accounts', { name: 'Race Co' }));
    const pairs = [];
    for (let i = 0; i < 6; i++) {
      const a = await ok(admin.post('/contacts', { name: `A${i}`, accountId: account.id }));
      const b = await ok(admin.post('/contacts', { name: `B${i}`, accountId: account.id }));
      pairs.push([a.id, b.id]);
    }
    const results = await Promise.all(
      pairs.flatMap(([a, b]) => [
        admin.patch(`/contacts/${a}`, { reportsToId: b }),
        admin.patch(`/contacts/${b}`, { reportsToId: a }),
      ]),
    );
    for (let i = 0; i < pairs.length; i++) {
      const codes = [results[2 * i].statusCode, results[2 * i + 1].statusCode];
      expect(
        codes.filter((code) => code === 200),
        `${codes}`,
      ).toHaveLength(1);
      expect(
        codes.filter((code) => code === 400),
        `${codes}`,
      ).toHaveLength(1);
      const managers = [await reportsTo(pairs[i][0]), await reportsTo(pairs[i][1])];
      expect(managers.filter((m) => m !== null)).toHaveLength(1);
    }
  });

  it('clears the manager when the contact leaves its account, and its reports stay behind at the top', async () => {
    const admin = await signUp();
    const { account, ceo, cto, dev } = await orgChart(admin);
    const other = await ok(admin.post('/accounts', { name: 'Northwind' }));
    const peer = await ok(admin.post('/contacts', { name: 'Peer', accountId: account.id }));
    const devAtCto = (await admin.get(`/contacts/${dev.id}`)).json();

    const unlinked = await ok(admin.patch(`/contacts/${cto.id}`, { accountId: null }));
    expect(unlinked).toMatchObject({ accountId: null, reportsToId: null, reportsToName: null });
    const [change] = (await admin.get(`/contacts/${cto.id}/history`)).json().data;
    expect(change.changes).toEqual(
      expect.arrayContaining([
        { field: 'accountId', old: account.id, new: null },
        { field: 'reportsToId', old: ceo.id, new: null },
      ]),
    );
    // The engineer stays at the account and now reports to no one; that change is audited too.
    const dev2 = (await admin.get(`/contacts/${dev.id}`)).json();
    expect(dev2).toMatchObject({
      accountId: account.id,
      reportsToId: null,
      version: devAtCto.version + 1,
    });
    const [detached] = (await admin.get(`/contacts/${dev.id}/history`)).json().data;
    expect(detached).toMatchObject({
      action: 'update',
      changes: [{ field: 'reportsToId', old: cto.id, new: null }],
    });

    // Moving to another account with a manager there keeps the named manager.
    const boss = await ok(admin.post('/contacts', { name: 'Boss', accountId: other.id }));
    const moved = await ok(
      admin.patch(`/contacts/${peer.id}`, { accountId: other.id, reportsToId: boss.id }),
    );
    expect(moved).toMatchObject({ accountId: other.id, reportsToId: boss.id });
    // Moving without naming one leaves the old manager behind.
    await ok(admin.patch(`/contacts/${dev.id}`, { reportsToId: ceo.id }));
    const away = await ok(admin.patch(`/contacts/${dev.id}`, { accountId: other.id }));
    expect(away).toMatchObject({ accountId: other.id, reportsToId: null });
  });

  it('keeps a manager it already had when the form is sent again after that manager was trashed', async () => {
    const admin = await signUp();
    const { cto, dev } = await orgChart(admin);
    expect((await admin.delete(`/contacts/${cto.id}`)).statusCode).toBe(204);
    const saved = await ok(
      admin.patch(`/contacts/${dev.id}`, { reportsToId: cto.id, title: 'Engineer' }),
    );
    expect(saved).toMatchObject({ reportsToId: cto.id, title: 'Engineer' });
    // Restoring the manager puts the chart back as it was.
    expect((await admin.post(`/contacts/${cto.id}/restore`)).statusCode).toBe(200);
    expect(await reportsTo(dev.id)).toBe(cto.id);
  });

  it('merging two contacts moves the reports of the merged one to the one kept', async () => {
    const admin = await signUp();
    const { account, ceo, cto, dev } = await orgChart(admin);
    const twin = await ok(admin.post('/contacts', { name: '林工 (dup)', accountId: account.id }));
    const intern = await ok(
      admin.post('/contacts', { name: 'Intern', accountId: account.id, reportsToId: twin.id }),
    );
    const res = await admin.post('/contacts/merge', {
      survivorId: cto.id,
      mergedId: twin.id,
      values: {},
    });
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json().moved).toMatchObject({ contacts: 1 });
    expect(await reportsTo(intern.id)).toBe(cto.id);
    expect(await reportsTo(dev.id)).toBe(cto.id);
    expect(await reportsTo(cto.id)).toBe(ceo.id);
  });

  it('merging a manager into someone below it puts the kept one in its place, without a loop', async () => {
    const admin = await signUp();
    const { ceo, cto, dev } = await orgChart(admin);
    const chair = await ok(admin.post('/contacts', { name: 'Chair', accountId: cto.accountId }));
    await ok(admin.patch(`/contacts/${ceo.id}`, { reportsToId: chair.id }));
    // The CEO and the engineer turn out to be one person: keep the engineer's record.
    const res = await admin.post('/contacts/merge', {
      survivorId: dev.id,
      mergedId: ceo.id,
      values: {},
    });
    expect(res.statusCode, res.body).toBe(200);
    expect(await reportsTo(dev.id)).toBe(chair.id);
    expect(await reportsTo(cto.id)).toBe(dev.id);
    const [history] = (await admin.get(`/contacts/${dev.id}/history`)).json().data;
    expect(history.changes).toEqual(
      expect.arrayContaining([{ field: 'moved.contacts', old: null, new: 1 }]),
    );
  });

  it('merging contacts of two accounts leaves reports at the other account at the top', async () => {
    const admin = await signUp();
    const first = await orgChart(admin);
    const second = await orgChart(admin, 'Fabrikam Inc.');
    const res = await admin.post('/contacts/merge', {
      survivorId: first.ceo.id,
      mergedId: second.ceo.id,
      values: {},
    });
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json().moved).toMatchObject({ contacts: 0 });
    expect(await reportsTo(second.cto.id)).toBeNull();
    const orphans = await dbRows<{ n: number }>(
      sql`select count(*)::int as n from contacts c join contacts m
          on m.workspace_id = c.workspace_id and m.id = c.reports_to_id
          where c.workspace_id = ${admin.workspaceId}
          and c.account_id is distinct from m.account_id`,
    );
    expect(orphans[0].n).toBe(0);
  });

  it('a role that hides reportsToId sees neither the manager nor its name, and may not set it', async () => {
    const admin = await signUp();
    const { account, ceo, cto } = await orgChart(admin);
    const all = { create: true, read: true, update: true, delete: true, scope: 'all' };
    const role = await ok(
      admin.post('/roles', {
        name: 'No org chart',
        permissions: {
          objects: { account: all, contact: { ...all, fields: { reportsToId: 'hidden' } } },
          manageWorkspace: false,
        },
      }),
    );
    const invite = await ok(
      admin.post('/invitations', { email: uniqueEmail('h'), roleId: role.id }),
    );
    const joined = await admin.app.inject({
      method: 'POST',
      url: '/api/v1/invitations/accept',
      payload: { token: invite.token, name: 'Hidden', password: 'long enough pw' },
    });
    const viewer = new Client(admin.app, { cookies: cookiesOf(joined) }, joined.json());
    expect((await viewer.get(`/contacts/${cto.id}`)).json()).toMatchObject({
      reportsToId: null,
      reportsToName: null,
    });
    const before = await workspaceState(admin.workspaceId);
    const res = await viewer.post('/contacts', {
      name: 'Sneaky',
      accountId: account.id,
      reportsToId: ceo.id,
    });
    expect(res.statusCode).toBe(400);
    expect(res.json().errors[0]).toMatchObject({ path: 'reportsToId', code: 'not_permitted' });
    expect(await workspaceState(admin.workspaceId)).toEqual(before);
  });
});
