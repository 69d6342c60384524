import { sql } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { dbRows, storedRecord, workspaceState } from '../../../test/db-state.js';
import { signUp } from '../../../test/helpers.js';
import { created, fullAccess, memberWithRole } from './test-support.js';

const linkedContacts = async (accountIds: string[]) =>
  (
    await dbRows<{ n: number }>(
      sql`select count(*)::int as n from contacts where account_id in ${accountIds}`,
    )
  )[0].n;

describe('merge', () => {
  it('merges two accounts: chosen values, every contact and converted lead moved, merged one trashed and audited', async () => {
    const admin = await signUp();
    const survivor = await created(admin, '/accounts', {
      name: '上海云杉科技有限公司',
      tier: 'A',
      city: '上海市',
    });
    const merged = await created(admin, '/accounts?allowDuplicates=true', {
      name: '上海云杉科技',
      tier: 'B',
      website: 'yunshan.cn',
      creditCode: '91350100M000100Y43',
    });
    await created(admin, '/contacts', { name: '李娜', accountId: survivor.id });
    await created(admin, '/contacts', { name: '王磊', accountId: merged.id });
    const trashedContact = await created(admin, '/contacts', {
      name: '张伟',
      accountId: merged.id,
    });
    expect((await admin.delete(`/contacts/${trashedContact.id}`)).statusCode).toBe(204);
    const lead = await created(admin, '/leads', { name: '陈静' });
    await dbRows(sql`update leads set converted_account_id = ${merged.id} where id = ${lead.id}`);
    const before = await linkedContacts([survivor.id, merged.id]);

    const res = await admin.post('/accounts/merge', {
      survivorId: survivor.id,
      mergedId: merged.id,
      values: { tier: 'merged', website: 'merged', creditCode: 'merged', city: 'survivor' },
    });
    expect(res.statusCode, res.body).toBe(200);
    const body = res.json();
    expect(body.survivor).toMatchObject({
      id: survivor.id,
      name: '上海云杉科技有限公司',
      tier: 'B',
      city: '上海市',
      website: 'yunshan.cn',
      creditCode: '91350100M000100Y43',
      version: 2,
    });
    expect(body.moved).toMatchObject({ contacts: 2, leads: 1 });

    expect(await linkedContacts([survivor.id])).toBe(before);
    expect(await linkedContacts([merged.id])).toBe(0);
    expect((await storedRecord('leads', lead.id)).converted_account_id).toBe(survivor.id);
    const gone = await storedRecord('accounts', merged.id);
    expect(gone.merged_into_id).toBe(survivor.id);
    expect(gone.deleted_at).not.toBeNull();
    expect((await admin.get(`/accounts/${merged.id}`)).statusCode).toBe(404);
    const trash = (await admin.get('/accounts?deleted=true')).json().data;
    expect(trash).toMatchObject([{ id: merged.id, mergedIntoId: survivor.id }]);

    const kept = (await admin.get(`/accounts/${survivor.id}/history`)).json().data;
    expect(kept.map((h: { action: string }) => h.action)).toEqual(['merge', 'update', 'create']);
    expect(kept[0].changes).toEqual(
      expect.arrayContaining([
        { field: 'mergedFromId', old: null, new: merged.id },
        { field: 'moved.contacts', old: null, new: 2 },
      ]),
    );
    expect(kept[1].changes).toEqual(
      expect.arrayContaining([{ field: 'tier', old: 'A', new: 'B' }]),
    );
    const lost = (await admin.get(`/accounts/${merged.id}/history`)).json().data;
    expect(lost[0]).toMatchObject({ action: 'merge' });
    expect(lost[0].changes).toEqual(
      expect.arrayContaining([{ field: 'mergedIntoId', old: null, new: survivor.id }]),
    );
    const events = await dbRows<{ type: string }>(
      sql`select type from outbox_events where workspace_id = ${admin.workspaceId} and type in ('account.merged', 'account.absorbed') order by type`,
    );
    expect(events.map((e) => e.type)).toEqual(['account.absorbed', 'account.merged']);
  });

  it('merges two contacts and two leads', async () => {
    const admin = await signUp();
    const a = await created(admin, '/contacts', { name: '李娜', email: 'li.na@yunshan.cn' });
    const b = await created(admin, '/contacts?allowDuplicates=true', {
      name: '李娜 (Lina)',
      email: 'li.na@yunshan.cn',
      title: '采购经理',
    });
    const lead = await created(admin, '/leads', { name: '李娜' });
    await dbRows(sql`update leads set converted_contact_id = ${b.id} where id = ${lead.id}`);
    const res = await admin.post('/contacts/merge', {
      survivorId: a.id,
      mergedId: b.id,
      values: { title: 'merged' },
    });
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json().survivor).toMatchObject({ id: a.id, name: '李娜', title: '采购经理' });
    expect(res.json().moved).toMatchObject({ leads: 1 });
    expect((await storedRecord('leads', lead.id)).converted_contact_id).toBe(a.id);

    const l1 = await created(admin, '/leads', { name: 'Tom', email: 'tom@bluepeak.com' });
    const l2 = await created(admin, '/leads?allowDuplicates=true', {
      name: 'Tom Baker',
      email: 'tom@bluepeak.com',
      campaign: 'Spring webinar',
    });
    const leads = await admin.post('/leads/merge', {
      survivorId: l1.id,
      mergedId: l2.id,
      values: { name: 'merged', campaign: 'merged' },
    });
    expect(leads.statusCode, leads.body).toBe(200);
    expect(leads.json().survivor).toMatchObject({ name: 'Tom Baker', campaign: 'Spring webinar' });
    expect((await storedRecord('leads', l2.id)).merged_into_id).toBe(l1.id);
  });

  it('refuses bad merges and writes nothing', async () => {
    const admin = await signUp();
    const a = await created(admin, '/accounts', { name: 'Alpha' });
    const b = await created(admin, '/accounts', { name: 'Beta' });
    const before = await workspaceState(admin.workspaceId);
    const same = await admin.post('/accounts/merge', { survivorId: a.id, mergedId: a.id });
    expect(same.statusCode).toBe(400);
    expect(same.json().errors[0].path).toBe('mergedId');
    const unknown = await admin.post('/accounts/merge', {
      survivorId: a.id,
      mergedId: b.id,
      values: { version: 'merged', name: 'other' },
    });
    expect(unknown.statusCode).toBe(400);
    const field = await admin.post('/accounts/merge', {
      survivorId: a.id,
      mergedId: b.id,
      values: { createdBy: 'merged' },
    });
    expect(field.statusCode).toBe(400);
    expect(field.json().errors[0]).toMatchObject({
      path: 'values.createdBy',
      code: 'unknown_field',
    });
    const missing = await admin.post('/accounts/merge', {
      survivorId: a.id,
      mergedId: '01900000-0000-7000-8000-000000000000',
    });
    expect(missing.statusCode).toBe(404);
    const other = await signUp();
    const foreign = await created(other, '/accounts', { name: 'Gamma' });
    const cross = await admin.post('/accounts/merge', { survivorId: a.id, mergedId: foreign.id });
    expect(cross.statusCode).toBe(404);
    expect(await workspaceState(admin.workspaceId)).toEqual(before);
    expect((await other.get(`/accounts/${foreign.id}`)).json().version).toBe(1);
  });

  it('needs both records visible (404) and the rights to update and delete (403)', async () => {
    const admin = await signUp();
    const rep = await memberWithRole(admin, {
      account: fullAccess('own'),
      contact: fullAccess('own'),
      lead: fullAccess('own'),
    });
    const theirs = await created(admin, '/accounts', { name: 'Admin account' });
    const mine = await created(rep, '/accounts', { name: 'Rep account' });
    const mine2 = await created(rep, '/accounts', { name: 'Rep account 2' });
    const noDelete = await memberWithRole(admin, {
      account: { ...fullAccess('all'), delete: false },
    });
    const hidden = await memberWithRole(admin, {
      account: fullAccess('all', { tier: 'hidden' }),
    });
    const before = await workspaceState(admin.workspaceId);
    const notVisible = await rep.post('/accounts/merge', {
      survivorId: mine.id,
      mergedId: theirs.id,
    });
    expect(notVisible.statusCode).toBe(404);
    const reversed = await rep.post('/accounts/merge', {
      survivorId: theirs.id,
      mergedId: mine.id,
    });
    expect(reversed.statusCode).toBe(404);
    const forbidden = await noDelete.post('/accounts/merge', {
      survivorId: mine.id,
      mergedId: mine2.id,
    });
    expect(forbidden.statusCode).toBe(403);
    const hiddenValue = await hidden.post('/accounts/merge', {
      survivorId: mine.id,
      mergedId: mine2.id,
      values: { tier: 'merged' },
    });
    expect(hiddenValue.statusCode).toBe(400);
    expect(hiddenValue.json().errors[0]).toMatchObject({ path: 'tier', code: 'not_permitted' });
    expect(await workspaceState(admin.workspaceId)).toEqual(before);

    const ok = await rep.post('/accounts/merge', { survivorId: mine.id, mergedId: mine2.id });
    expect(ok.statusCode, ok.body).toBe(200);
  });

  it('refuses to merge a converted lead', async () => {
    const admin = await signUp();
    const a = await created(admin, '/leads', { name: 'A' });
    const b = await created(admin, '/leads', { name: 'B' });
    await dbRows(sql`update leads set status = 'converted' where id = ${b.id}`);
    const before = await workspaceState(admin.workspaceId);
    const res = await admin.post('/leads/merge', { survivorId: a.id, mergedId: b.id });
    expect(res.statusCode).toBe(409);
    expect(res.json().code).toBe('conflict');
    expect(await workspaceState(admin.workspaceId)).toEqual(before);
  });
});
