import { sql } from 'drizzle-orm';
import { beforeAll, describe, expect, it } from 'vitest';
import { countRows, dbRows, storedRecord } from './db-state.js';
import { type Client, signUp } from './helpers.js';

const auditActions = async (recordId: string) =>
  (
    await dbRows<{ action: string }>(
      sql`select action from audit_entries where record_id = ${recordId} order by at, id`,
    )
  ).map((r) => r.action);

/**
 * Requests race for real here: both are in flight before either answers. Optimistic
 * concurrency must let exactly one win, and the loser must change nothing.
 */
describe('concurrent writes', () => {
  let admin: Client;
  beforeAll(async () => {
    admin = await signUp();
  });

  // Each test's account has its own name: the duplicate check would refuse a second one.
  let seq = 0;
  const newAccount = async (body: Record<string, unknown> = {}) => {
    const res = await admin.post('/accounts', { name: `Contested ${++seq} Ltd.`, ...body });
    expect(res.statusCode).toBe(201);
    return res.json().id as string;
  };

  it('two PATCHes with the same If-Match: one 200, one 412, version up by exactly one', async () => {
    const id = await newAccount({ tier: 'C' });
    const [a, b] = await Promise.all([
      admin.patch(`/accounts/${id}`, { tier: 'A' }, { 'if-match': '"1"' }),
      admin.patch(`/accounts/${id}`, { tier: 'B' }, { 'if-match': '"1"' }),
    ]);
    expect([a.statusCode, b.statusCode].sort()).toEqual([200, 412]);
    const [winner, loser] = a.statusCode === 200 ? [a, b] : [b, a];
    expect(loser.json().code).toBe('precondition_failed');
    expect(winner.json().version).toBe(2);

    const row = await storedRecord('accounts', id);
    expect(row).toMatchObject({ version: 2, tier: winner.json().tier });
    expect(await auditActions(id)).toEqual(['create', 'update']);
    const got = await admin.get(`/accounts/${id}`);
    expect(got.headers.etag).toBe('"2"');
  });

  it('a DELETE racing a PATCH on the same version: exactly one applies', async () => {
    // Both orders of sending, so each side gets a chance to win.
    for (const deleteFirst of [true, false]) {
      const id = await newAccount({ notes: 'original' });
      const del = () => admin.delete(`/accounts/${id}`, { 'if-match': '"1"' });
      const patch = () =>
        admin.patch(`/accounts/${id}`, { notes: 'edited' }, { 'if-match': '"1"' });
      const [d, p] = deleteFirst
        ? await Promise.all([del(), patch()])
        : await Promise.all([patch(), del()]).then(([x, y]) => [y, x]);

      const row = await storedRecord('accounts', id);
      expect(row?.version).toBe(2);
      if (d.statusCode === 204) {
        // The delete won: the edit finds no live record (404 comes before preconditions,
        // RFC 9110 §13.2.1) and the trashed record keeps the original notes.
        expect(p.statusCode, p.body).toBe(404);
        expect(row).toMatchObject({ notes: 'original' });
        expect(row?.deleted_at).not.toBeNull();
        expect(await auditActions(id)).toEqual(['create', 'delete']);
      } else {
        expect(p.statusCode, p.body).toBe(200);
        expect(d.statusCode, d.body).toBe(412);
        expect(d.json().code).toBe('precondition_failed');
        expect(row).toMatchObject({ notes: 'edited', deleted_at: null });
        expect(await auditActions(id)).toEqual(['create', 'update']);
      }
    }
  });

  it('PATCHes without If-Match are applied one after the other, none lost', async () => {
    const id = await newAccount();
    const results = await Promise.all([
      admin.patch(`/accounts/${id}`, { city: 'Shanghai' }),
      admin.patch(`/accounts/${id}`, { tier: 'A' }),
      admin.patch(`/accounts/${id}`, { notes: 'busy day' }),
    ]);
    expect(results.map((r) => r.statusCode)).toEqual([200, 200, 200]);
    expect(results.map((r) => r.json().version).sort()).toEqual([2, 3, 4]);
    expect(await storedRecord('accounts', id)).toMatchObject({
      city: 'Shanghai',
      tier: 'A',
      notes: 'busy day',
      version: 4,
    });
    expect(await auditActions(id)).toEqual(['create', 'update', 'update', 'update']);
  });

  it('two POSTs with the same Idempotency-Key in flight create one record', async () => {
    const before = await countRows('accounts', admin.workspaceId);
    const headers = { 'idempotency-key': `race-${Date.now()}` };
    const results = await Promise.all([
      admin.post('/accounts', { name: 'Once Only' }, headers),
      admin.post('/accounts', { name: 'Once Only' }, headers),
    ]);
    const statuses = results.map((r) => r.statusCode);
    expect(statuses).toContain(201);
    for (const res of results) {
      if (res.statusCode === 201) continue;
      // The other was still running: a retry is asked for, nothing is created.
      expect(res.statusCode).toBe(409);
      expect(res.json().code).toBe('idempotency_conflict');
    }
    expect(await countRows('accounts', admin.workspaceId)).toBe(before + 1);
    const created = results.filter((r) => r.statusCode === 201).map((r) => r.json().id);
    expect(new Set(created).size).toBe(1);
  });
});
