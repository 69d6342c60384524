import { sql } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { dbRows } from '../../../test/db-state.js';
import { actorFor } from '../../../test/factories/index.js';
import { testDatabase } from '../../../test/helpers.js';
import { relinkAll } from '../../platform/relinks.js';
import { created, ok, refused, salesWorkspace } from './test-support.js';

const put = (
  client: Awaited<ReturnType<typeof salesWorkspace>>['admin'],
  id: string,
  contacts: unknown[],
) => client.request('PUT', `/opportunities/${id}/contacts`, { contacts });

describe('opportunity contact roles', () => {
  it('replaces the set; the primary one becomes the opportunity’s contact', async () => {
    const { admin, account } = await salesWorkspace();
    const li = await created(
      admin.post('/contacts', { name: 'Li Na', title: 'CTO', accountId: account.id }),
    );
    const wang = await created(
      admin.post('/contacts', { name: 'Wang Lei', accountId: account.id }),
    );
    const opp = await created(
      admin.post('/opportunities', { name: 'Deal', accountId: account.id }),
    );
    const roles = (
      await ok(
        put(admin, opp.id, [
          { contactId: wang.id, buyingRole: 'finance' },
          { contactId: li.id, buyingRole: 'decision_maker', isPrimary: true },
        ]),
      )
    ).data;
    expect(roles).toEqual([
      {
        contactId: li.id,
        contactName: 'Li Na',
        title: 'CTO',
        buyingRole: 'decision_maker',
        isPrimary: true,
      },
      {
        contactId: wang.id,
        contactName: 'Wang Lei',
        title: null,
        buyingRole: 'finance',
        isPrimary: false,
      },
    ]);
    const after = await ok(admin.get(`/opportunities/${opp.id}`));
    expect(after).toMatchObject({ contactId: li.id, version: 2 });
    // Setting the primary contact on the opportunity moves the flag.
    await ok(admin.patch(`/opportunities/${opp.id}`, { contactId: wang.id }));
    const flags = (await ok(admin.get(`/opportunities/${opp.id}/contacts`))).data.map(
      (r: { contactName: string; isPrimary: boolean }) => [r.contactName, r.isPrimary],
    );
    expect(flags).toEqual([
      ['Wang Lei', true],
      ['Li Na', false],
    ]);
    const history = (await ok(admin.get(`/opportunities/${opp.id}/history`))).data;
    expect(
      history.flatMap((h: { changes: { field: string }[] }) => h.changes.map((c) => c.field)),
    ).toEqual(expect.arrayContaining(['contactRoles', 'contactId']));
    // An empty set clears the primary contact too.
    expect((await ok(put(admin, opp.id, []))).data).toEqual([]);
    expect((await ok(admin.get(`/opportunities/${opp.id}`))).contactId).toBeNull();
  });

  it('refuses contacts of another account, unknown ones, twice the same or two primaries', async () => {
    const { admin, account, stages } = await salesWorkspace();
    const other = await created(admin.post('/accounts', { name: 'Other' }));
    const mine = await created(admin.post('/contacts', { name: 'Mine', accountId: account.id }));
    const theirs = await created(admin.post('/contacts', { name: 'Theirs', accountId: other.id }));
    const second = await created(
      admin.post('/contacts', { name: 'Second', accountId: account.id }),
    );
    const opp = await created(
      admin.post('/opportunities', { name: 'Deal', accountId: account.id }),
    );
    const ws = admin.workspaceId;
    const paths = async (contacts: unknown[], status = 400) =>
      (await refused(ws, () => put(admin, opp.id, contacts), status)).errors.map(
        (e: { path: string }) => e.path,
      );
    expect(await paths([{ contactId: theirs.id }])).toEqual(['contacts.0.contactId']);
    expect(
      await paths(
        [{ contactId: mine.id }, { contactId: '0190c0a0-0000-7000-8000-000000000000' }],
        404,
      ),
    ).toEqual(['contacts.1.contactId']);
    expect(await paths([{ contactId: mine.id }, { contactId: mine.id }])).toEqual([
      'contacts.1.contactId',
    ]);
    expect(
      await paths([
        { contactId: mine.id, isPrimary: true },
        { contactId: second.id, isPrimary: true },
      ]),
    ).toEqual(['contacts.1.isPrimary']);
    await refused(ws, () => put(admin, opp.id, [{ contactId: mine.id, buyingRole: 'boss' }]), 400);
    // A stage that requires the primary contact keeps it.
    await ok(
      admin.patch(
        `/pipelines/${stages['Needs analysis'].pipelineId}/stages/${stages['Needs analysis'].id}`,
        { requiredFields: ['contactId'] },
      ),
    );
    await ok(put(admin, opp.id, [{ contactId: mine.id, isPrimary: true }]));
    await ok(admin.patch(`/opportunities/${opp.id}`, { stageId: stages['Needs analysis'].id }));
    const problem = await refused(ws, () => put(admin, opp.id, [{ contactId: mine.id }]), 400);
    expect(problem.errors[0]).toMatchObject({ path: 'contactId', code: 'required' });
  });

  it('moves opportunities and roles when accounts or contacts are merged', async () => {
    const { admin, account } = await salesWorkspace();
    const { db } = await testDatabase();
    const dupAccount = await created(admin.post('/accounts', { name: 'Northwind (dup)' }));
    const keep = await created(admin.post('/contacts', { name: 'Keep', accountId: account.id }));
    const dup = await created(admin.post('/contacts', { name: 'Dup', accountId: account.id }));
    const a = await created(
      admin.post('/opportunities', { name: 'A', accountId: account.id, contactId: dup.id }),
    );
    await ok(
      put(admin, a.id, [
        { contactId: dup.id, buyingRole: 'technical', isPrimary: true },
        { contactId: keep.id },
      ]),
    );
    const b = await created(admin.post('/opportunities', { name: 'B', accountId: dupAccount.id }));
    const ctx = await actorFor(db, admin.workspaceId, admin.userId);
    const moved = await db.transaction(async (tx) => {
      const c = { ...ctx, db: tx };
      return {
        accounts: await relinkAll(c, 'account', { from: dupAccount.id, to: account.id }),
        contacts: await relinkAll(c, 'contact', { from: dup.id, to: keep.id }),
      };
    });
    expect(moved.accounts.opportunities).toBe(1);
    expect(moved.contacts.opportunities).toBe(1);
    expect((await ok(admin.get(`/opportunities/${b.id}`))).accountId).toBe(account.id);
    expect((await ok(admin.get(`/opportunities/${a.id}`))).contactId).toBe(keep.id);
    const rows = await dbRows(
      sql`select contact_id, buying_role, is_primary from opportunity_contacts where opportunity_id = ${a.id}`,
    );
    expect(rows).toEqual([{ contact_id: keep.id, buying_role: 'technical', is_primary: true }]);
  });
});
