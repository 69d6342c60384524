import { describe, expect, it } from 'vitest';
import { storedRecord, workspaceState } from '../../../test/db-state.js';
import {
  actorFor,
  createTestLead,
  createTestUser,
  createTestWorkspace,
  TEST_PASSWORD,
} from '../../../test/factories/index.js';
import { type Client, logIn, signUp, testDatabase } from '../../../test/helpers.js';
import { assertLeadLinkable, noteLeadActivity } from './index.js';

async function createLead(client: Client, body: Record<string, unknown> = {}) {
  const res = await client.post('/leads', {
    name: '李娜',
    company: '上海云杉科技有限公司',
    ...body,
  });
  expect(res.statusCode, res.body).toBe(201);
  return res.json();
}

describe('leads', () => {
  it('creates with defaults, reads with ETag, updates, lists, searches and keeps history', async () => {
    const admin = await signUp();
    const lead = await createLead(admin, {
      email: ' Li.Na@Yunshan.cn ',
      phones: [{ label: 'mobile', number: '+86 138 0013 8000' }],
      source: 'trade_show',
      campaign: '2025 春季展会',
      industry: 'software',
      region: '华东',
    });
    expect(lead).toMatchObject({
      name: '李娜',
      company: '上海云杉科技有限公司',
      email: 'li.na@yunshan.cn',
      status: 'new',
      lifecycleStage: 'lead',
      ownerId: admin.userId,
      lastActivityAt: null,
      convertedAt: null,
      convertedAccountId: null,
      mergedIntoId: null,
      version: 1,
    });
    const stored = await storedRecord('leads', lead.id);
    expect(stored.match_keys).toEqual(
      expect.arrayContaining([
        'email:li.na@yunshan.cn',
        'domain:yunshan.cn',
        'company:上海云杉科技',
        'phone:13800138000',
      ]),
    );

    const got = await admin.get(`/leads/${lead.id}`);
    expect(got.headers.etag).toBe('"1"');
    const updated = await admin.patch(
      `/leads/${lead.id}`,
      { status: 'working', lifecycleStage: 'mql' },
      { 'if-match': '"1"' },
    );
    expect(updated.statusCode, updated.body).toBe(200);
    expect(updated.json()).toMatchObject({ status: 'working', lifecycleStage: 'mql', version: 2 });

    await createLead(admin, { name: 'Tom Baker', company: 'Bluepeak', status: 'nurturing' });
    const working = (
      await admin.get(`/leads?filter=${encodeURIComponent('{"status":{"eq":"working"}}')}`)
    ).json().data;
    expect(working.map((l: { id: string }) => l.id)).toEqual([lead.id]);
    const found = (await admin.get(`/leads?q=${encodeURIComponent('云杉')}`)).json().data;
    expect(found.map((l: { id: string }) => l.id)).toEqual([lead.id]);

    const history = (await admin.get(`/leads/${lead.id}/history`)).json().data;
    expect(history.map((h: { action: string }) => h.action)).toEqual(['update', 'create']);
    expect(history[0].changes).toEqual(
      expect.arrayContaining([
        { field: 'status', old: 'new', new: 'working' },
        { field: 'lifecycleStage', old: 'lead', new: 'mql' },
      ]),
    );
  });

  it('requires a reason to disqualify and writes nothing without one', async () => {
    const admin = await signUp();
    const lead = await createLead(admin);
    const before = await workspaceState(admin.workspaceId);
    const refused = await admin.patch(`/leads/${lead.id}`, { status: 'disqualified' });
    expect(refused.statusCode).toBe(400);
    expect(refused.json()).toMatchObject({
      code: 'validation_failed',
      errors: [{ path: 'disqualifyReason', code: 'required' }],
    });
    const blank = await admin.patch(`/leads/${lead.id}`, {
      status: 'disqualified',
      disqualifyReason: '   ',
    });
    expect(blank.statusCode).toBe(400);
    const create = await admin.post('/leads', { name: 'No reason', status: 'disqualified' });
    expect(create.statusCode).toBe(400);
    expect(create.json().errors[0]).toMatchObject({ path: 'disqualifyReason', code: 'required' });
    expect(await workspaceState(admin.workspaceId)).toEqual(before);

    const ok = await admin.patch(`/leads/${lead.id}`, {
      status: 'disqualified',
      disqualifyReason: '预算不足',
    });
    expect(ok.statusCode, ok.body).toBe(200);
    expect(ok.json()).toMatchObject({ status: 'disqualified', disqualifyReason: '预算不足' });
    // Clearing the reason of a disqualified lead is refused too.
    const cleared = await admin.patch(`/leads/${lead.id}`, { disqualifyReason: null });
    expect(cleared.statusCode).toBe(400);
  });

  it('never sets converted or the conversion links through PATCH or POST', async () => {
    const admin = await signUp();
    const lead = await createLead(admin);
    const before = await workspaceState(admin.workspaceId);
    const converted = await admin.patch(`/leads/${lead.id}`, { status: 'converted' });
    expect(converted.statusCode).toBe(400);
    expect(converted.json().errors[0]).toMatchObject({ path: 'status', code: 'invalid_value' });
    const links = await admin.patch(`/leads/${lead.id}`, {
      convertedAccountId: lead.id,
      lastActivityAt: new Date().toISOString(),
    });
    expect(links.statusCode).toBe(400);
    expect(
      links
        .json()
        .errors.map((e: { path: string }) => e.path)
        .sort(),
    ).toEqual(['convertedAccountId', 'lastActivityAt']);
    const created = await admin.post('/leads', { name: 'X', status: 'converted' });
    expect(created.statusCode).toBe(400);
    expect(await workspaceState(admin.workspaceId)).toEqual(before);
  });

  it('noteLeadActivity keeps the latest time; assertLeadLinkable needs a live visible lead', async () => {
    const { db } = await testDatabase();
    const ws = await createTestWorkspace(db);
    const rep = await createTestUser(db, ws, { role: 'sales_rep' });
    const other = await createTestUser(db, ws, { role: 'sales_rep' });
    const lead = await createTestLead(rep.ctx);
    await noteLeadActivity(rep.ctx, lead.id, new Date('2025-03-02T10:00:00Z'));
    await noteLeadActivity(rep.ctx, lead.id, new Date('2025-03-01T10:00:00Z'));
    const stored = await storedRecord('leads', lead.id);
    expect(new Date(String(stored.last_activity_at)).toISOString()).toBe(
      '2025-03-02T10:00:00.000Z',
    );
    expect(stored.version).toBe(1);

    await expect(assertLeadLinkable(rep.ctx, lead.id)).resolves.toBeUndefined();
    await expect(assertLeadLinkable(other.ctx, lead.id)).rejects.toMatchObject({
      code: 'not_found',
    });
    const otherWs = await createTestWorkspace(db);
    const foreign = await actorFor(db, otherWs.workspaceId, otherWs.admin.userId);
    await expect(assertLeadLinkable(foreign, lead.id)).rejects.toMatchObject({
      code: 'not_found',
    });
    const client = await logIn(rep.email, TEST_PASSWORD);
    expect((await client.delete(`/leads/${lead.id}`)).statusCode).toBe(204);
    await expect(assertLeadLinkable(rep.ctx, lead.id)).rejects.toMatchObject({
      code: 'not_found',
    });
  });

  it("answers 404 to another workspace's lead and to a rep for a colleague's lead", async () => {
    const { db } = await testDatabase();
    const ws = await createTestWorkspace(db);
    const rep = await createTestUser(db, ws, { role: 'sales_rep' });
    const theirs = await createTestLead(ws.admin.ctx, { name: 'Admin lead' });
    const outsider = await signUp();
    const repClient = await logIn(rep.email, TEST_PASSWORD);
    for (const client of [outsider, repClient]) {
      expect((await client.get(`/leads/${theirs.id}`)).statusCode).toBe(404);
      expect((await client.patch(`/leads/${theirs.id}`, { title: 'x' })).statusCode).toBe(404);
      expect((await client.delete(`/leads/${theirs.id}`)).statusCode).toBe(404);
    }
    expect((await repClient.get('/leads')).json().data).toEqual([]);
    expect((await storedRecord('leads', theirs.id)).version).toBe(1);
  });
});
