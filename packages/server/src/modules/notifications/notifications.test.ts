import { sql } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { dbRows } from '../../../test/db-state.js';
import { createTestUser, createTestWorkspace } from '../../../test/factories/index.js';
import { logIn, testDatabase } from '../../../test/helpers.js';
import { notify } from './index.js';

const readState = (workspaceId: string) =>
  dbRows<{ id: string; user_id: string; read_at: Date | null }>(
    sql`select id, user_id, read_at from notifications where workspace_id = ${workspaceId} order by id`,
  );

async function setup() {
  const { db } = await testDatabase();
  const ws = await createTestWorkspace(db);
  const rep = await createTestUser(db, ws, { role: 'sales_rep' });
  const send = (userId: string, n: number, at: string, extra: Record<string, unknown> = {}) =>
    notify(db, {
      workspaceId: ws.workspaceId,
      userId,
      kind: 'tasks.reminder',
      params: { title: `Task ${n}` },
      recordType: 'task',
      recordId: '0190f7a0-0000-7000-8000-000000000001',
      at: new Date(at),
      ...extra,
    });
  return { db, ws, rep, send };
}

describe('notifications', () => {
  it('lists only my own, newest first, with the unread count and pages', async () => {
    const { ws, rep, send } = await setup();
    await send(rep.userId, 1, '2030-01-01T09:00:00Z');
    await send(rep.userId, 2, '2030-01-01T11:00:00Z');
    await send(rep.userId, 3, '2030-01-01T10:00:00Z');
    await send(ws.admin.userId, 99, '2030-01-01T12:00:00Z');
    const me = await logIn(rep.email, rep.password);

    const first = await me.get('/notifications?limit=2');
    expect(first.statusCode, first.body).toBe(200);
    const page = first.json();
    expect(page.unreadCount).toBe(3);
    expect(page.data.map((n: { params: { title: string } }) => n.params.title)).toEqual([
      'Task 2',
      'Task 3',
    ]);
    expect(page.data[0]).toMatchObject({
      kind: 'tasks.reminder',
      recordType: 'task',
      recordId: '0190f7a0-0000-7000-8000-000000000001',
      readAt: null,
      createdAt: '2030-01-01T11:00:00.000Z',
    });
    const next = (await me.get(`/notifications?limit=2&cursor=${page.nextCursor}`)).json();
    expect(next.data.map((n: { params: { title: string } }) => n.params.title)).toEqual(['Task 1']);
    expect(next.nextCursor).toBeNull();
    expect((await me.get('/notifications?cursor=nonsense')).statusCode).toBe(400);
  });

  it('marks one read (only mine) and all read, and lists the unread ones', async () => {
    const { ws, rep, send } = await setup();
    await send(rep.userId, 1, '2030-01-01T09:00:00Z');
    await send(rep.userId, 2, '2030-01-01T10:00:00Z');
    await send(ws.admin.userId, 3, '2030-01-01T11:00:00Z');
    const me = await logIn(rep.email, rep.password);
    const mine = (await me.get('/notifications')).json().data;
    const [adminsOwn] = (await readState(ws.workspaceId)).filter(
      (n) => n.user_id === ws.admin.userId,
    );

    // Someone else's notification answers 404 and stays unread.
    const foreign = await me.post(`/notifications/${adminsOwn.id}/read`);
    expect(foreign.statusCode).toBe(404);
    expect((await readState(ws.workspaceId)).find((n) => n.id === adminsOwn.id)?.read_at).toBe(
      null,
    );

    const read = await me.post(`/notifications/${mine[0].id}/read`);
    expect(read.statusCode, read.body).toBe(200);
    expect(read.json().readAt).not.toBeNull();
    const again = await me.post(`/notifications/${mine[0].id}/read`);
    expect(again.json().readAt).toBe(read.json().readAt);
    const unread = (await me.get('/notifications?unread=true')).json();
    expect(unread.unreadCount).toBe(1);
    expect(unread.data.map((n: { id: string }) => n.id)).toEqual([mine[1].id]);

    const all = await me.post('/notifications/read-all');
    expect(all.statusCode).toBe(200);
    expect(all.json()).toEqual({ updated: 1 });
    expect((await me.get('/notifications')).json().unreadCount).toBe(0);
    // The admin's notification is untouched.
    const state = await readState(ws.workspaceId);
    expect(state.find((n) => n.id === adminsOwn.id)?.read_at).toBe(null);
    expect(state.filter((n) => n.user_id === rep.userId).every((n) => n.read_at)).toBe(true);
  });

  it('notifies once per dedupe key and user', async () => {
    const { ws, rep, send } = await setup();
    await send(rep.userId, 1, '2030-01-01T09:00:00Z', { dedupeKey: 'reminder:1' });
    await send(rep.userId, 1, '2030-01-01T09:05:00Z', { dedupeKey: 'reminder:1' });
    await send(ws.admin.userId, 1, '2030-01-01T09:05:00Z', { dedupeKey: 'reminder:1' });
    await send(rep.userId, 1, '2030-01-01T09:06:00Z');
    await send(rep.userId, 1, '2030-01-01T09:07:00Z');
    const rows = await readState(ws.workspaceId);
    expect(rows.filter((n) => n.user_id === rep.userId)).toHaveLength(3);
    expect(rows.filter((n) => n.user_id === ws.admin.userId)).toHaveLength(1);
  });

  it('keeps workspaces apart', async () => {
    const { rep, send } = await setup();
    await send(rep.userId, 1, '2030-01-01T09:00:00Z');
    const { db } = await testDatabase();
    const other = await createTestWorkspace(db);
    const stranger = await logIn(other.admin.email, other.admin.password);
    const res = (await stranger.get('/notifications')).json();
    expect(res).toEqual({ data: [], nextCursor: null, unreadCount: 0 });
    const me = await logIn(rep.email, rep.password);
    const [mine] = (await me.get('/notifications')).json().data;
    expect((await stranger.post(`/notifications/${mine.id}/read`)).statusCode).toBe(404);
    expect((await stranger.post('/notifications/read-all')).json()).toEqual({ updated: 0 });
    expect((await me.get('/notifications')).json().unreadCount).toBe(1);
  });
});
