import { sql } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { dbRows } from '../../../test/db-state.js';
import {
  createTestAccount,
  createTestUser,
  createTestWorkspace,
} from '../../../test/factories/index.js';
import { type Client, logIn, signUp, testDatabase } from '../../../test/helpers.js';
import { runDueJobs } from '../../platform/jobs.js';

const reminderJobs = (workspaceId: string) =>
  dbRows<{ status: string; run_at: Date; dedupe_key: string; payload: { remindAt: string } }>(
    sql`select status, run_at, dedupe_key, payload from jobs
        where workspace_id = ${workspaceId} and name = 'tasks.reminder' order by created_at, id`,
  );
const pendingReminder = async (workspaceId: string) =>
  (await reminderJobs(workspaceId)).filter((j) => j.status === 'pending');
const reminders = (workspaceId: string) =>
  dbRows<{ user_id: string; kind: string; record_id: string; params: Record<string, unknown> }>(
    sql`select user_id, kind, record_id, params from notifications
        where workspace_id = ${workspaceId} and kind = 'tasks.reminder'`,
  );
const iso = (d: Date | string) => new Date(d).toISOString();
const inMinutes = (minutes: number) => new Date(Date.now() + minutes * 60_000);
/** Today in `zone` (YYYY-MM-DD) and the date `offset` days from it. */
const calendarIn = (zone: string) => {
  const today = new Intl.DateTimeFormat('en-CA', { timeZone: zone }).format(new Date());
  const day = (offset: number) =>
    new Date(Date.parse(`${today}T12:00:00Z`) + offset * 86_400_000).toISOString().slice(0, 10);
  return { today, day };
};

async function createTask(client: Client, body: Record<string, unknown>) {
  const res = await client.post('/tasks', { title: 'Send the quote', ...body });
  expect(res.statusCode, res.body).toBe(201);
  return res.json();
}

/** Runs the workspace's due jobs as the worker would at `now`. */
const runJobs = async (workspaceId: string, now: Date) =>
  runDueJobs(await testDatabase(), now, { workspaceId });

describe('tasks', () => {
  it('creates a task with a reminder and reminds the assignee once, at the time', async () => {
    const admin = await signUp();
    const due = inMinutes(120);
    const task = await createTask(admin, { dueAt: iso(due), reminderMinutesBefore: 30 });
    expect(task).toMatchObject({
      status: 'open',
      priority: 'normal',
      dueAt: iso(due),
      dueDate: null,
      reminderMinutesBefore: 30,
      completedAt: null,
      ownerId: admin.userId,
    });
    const remindAt = new Date(due.getTime() - 30 * 60_000);
    const [job] = await pendingReminder(admin.workspaceId);
    expect(job).toMatchObject({ dedupe_key: `task:${task.id}` });
    expect(iso(job.run_at)).toBe(iso(remindAt));

    await runJobs(admin.workspaceId, new Date(remindAt.getTime() - 1000));
    expect(await reminders(admin.workspaceId)).toEqual([]);
    await runJobs(admin.workspaceId, remindAt);
    expect(await reminders(admin.workspaceId)).toEqual([
      {
        user_id: admin.userId,
        kind: 'tasks.reminder',
        record_id: task.id,
        params: { title: 'Send the quote', due: iso(due), dueAt: iso(due), dueDate: null },
      },
    ]);
    // Saving the task again schedules the same reminder; it does not notify twice.
    await admin.patch(`/tasks/${task.id}`, { priority: 'high', dueAt: iso(due) });
    await admin.patch(`/tasks/${task.id}`, { reminderMinutesBefore: 45 });
    await admin.patch(`/tasks/${task.id}`, { reminderMinutesBefore: 30 });
    await runJobs(admin.workspaceId, new Date(due.getTime() - 60_000));
    expect(await reminders(admin.workspaceId)).toHaveLength(1);
    const bell = (await admin.get('/notifications')).json();
    expect(bell.unreadCount).toBe(1);
  });

  it('moves the reminder when the due time changes and drops it when done or deleted', async () => {
    const admin = await signUp();
    const due = inMinutes(120);
    const task = await createTask(admin, { dueAt: iso(due), reminderMinutesBefore: 10 });
    const later = inMinutes(600);
    await admin.patch(`/tasks/${task.id}`, { dueAt: iso(later) });
    const pending = await pendingReminder(admin.workspaceId);
    expect(pending).toHaveLength(1);
    expect(iso(pending[0].run_at)).toBe(iso(new Date(later.getTime() - 10 * 60_000)));
    await runJobs(admin.workspaceId, due);
    expect(await reminders(admin.workspaceId)).toEqual([]);

    const done = await admin.patch(`/tasks/${task.id}`, { status: 'done' });
    expect(done.statusCode, done.body).toBe(200);
    expect(done.json().completedAt).not.toBeNull();
    expect(await pendingReminder(admin.workspaceId)).toEqual([]);
    const reopened = await admin.patch(`/tasks/${task.id}`, { status: 'open' });
    expect(reopened.json().completedAt).toBeNull();
    expect(await pendingReminder(admin.workspaceId)).toHaveLength(1);
    expect((await admin.delete(`/tasks/${task.id}`)).statusCode).toBe(204);
    expect(await pendingReminder(admin.workspaceId)).toEqual([]);
    await runJobs(admin.workspaceId, later);
    expect(await reminders(admin.workspaceId)).toEqual([]);
  });

  it('does not remind of a task closed after the reminder was scheduled', async () => {
    const admin = await signUp();
    const due = inMinutes(60);
    const task = await createTask(admin, { dueAt: iso(due), reminderMinutesBefore: 5 });
    // Closed behind the reminder's back (as if by another node between claim and run).
    await dbRows(sql`update tasks set status = 'cancelled' where id = ${task.id}`);
    await runJobs(admin.workspaceId, due);
    expect(await reminders(admin.workspaceId)).toEqual([]);
    expect((await reminderJobs(admin.workspaceId)).map((j) => j.status)).toEqual(['done']);
  });

  it('reminds of all-day tasks at 09:00 of the due date in the workspace time zone', async () => {
    const admin = await signUp({ locale: 'zh-CN' });
    const task = await createTask(admin, {
      dueDate: '2030-03-15',
      reminderMinutesBefore: 60,
    });
    const [job] = await pendingReminder(admin.workspaceId);
    // Asia/Shanghai (UTC+8), a Chinese workspace's zone: 09:00 − 1 h = 08:00 local = 00:00 UTC.
    expect(iso(job.run_at)).toBe('2030-03-15T00:00:00.000Z');
    await runJobs(admin.workspaceId, new Date('2030-03-15T00:00:00Z'));
    const [n] = await reminders(admin.workspaceId);
    expect(n).toMatchObject({ record_id: task.id, params: { dueDate: '2030-03-15' } });
  });

  it('refuses contradictory times and writes nothing', async () => {
    const admin = await signUp();
    const count = async () =>
      (await dbRows(sql`select id from tasks where workspace_id = ${admin.workspaceId}`)).length;
    for (const [body, path] of [
      [{ dueAt: iso(inMinutes(60)), dueDate: '2030-01-01' }, 'dueDate'],
      [{ reminderMinutesBefore: 10 }, 'reminderMinutesBefore'],
      [{ recurrence: { frequency: 'weekly', interval: 1 } }, 'recurrence'],
      [
        { dueAt: iso(inMinutes(60)), reminderMinutesBefore: 5, reminderAt: iso(inMinutes(1)) },
        'reminderAt',
      ],
      [{ dueDate: '2030-02-30' }, 'dueDate'],
      [{ priority: 'urgent' }, 'priority'],
    ] as const) {
      const res = await admin.post('/tasks', { title: 'x', ...body });
      expect(res.statusCode, JSON.stringify(body)).toBe(400);
      expect(res.json().errors[0].path).toBe(path);
    }
    expect(await count()).toBe(0);
    // Setting a due date on a task with a due time replaces the time.
    const task = await createTask(admin, { dueAt: iso(inMinutes(60)) });
    const res = await admin.patch(`/tasks/${task.id}`, { dueDate: '2030-01-01' });
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json()).toMatchObject({ dueAt: null, dueDate: '2030-01-01' });
  });

  it('completing a recurring task creates the next occurrence once, with its links and reminder', async () => {
    const { db } = await testDatabase();
    const ws = await createTestWorkspace(db);
    const admin = await logIn(ws.admin.email, ws.admin.password);
    const account = await createTestAccount(ws.admin.ctx, { name: 'Acme' });
    // Mondays 10:00 Shanghai time, far enough ahead that the next one is a week later.
    const task = await createTask(admin, {
      title: 'Weekly check-in',
      dueAt: '2030-01-07T02:00:00.000Z',
      reminderMinutesBefore: 15,
      recurrence: { frequency: 'weekly', interval: 1 },
      accountId: account.id,
      priority: 'high',
    });
    const done = await admin.patch(`/tasks/${task.id}`, { status: 'done' });
    expect(done.statusCode, done.body).toBe(200);
    const nextId = done.json().nextOccurrenceId;
    expect(nextId).toEqual(expect.any(String));
    const next = (await admin.get(`/tasks/${nextId}`)).json();
    expect(next).toMatchObject({
      title: 'Weekly check-in',
      status: 'open',
      dueAt: '2030-01-14T02:00:00.000Z',
      reminderMinutesBefore: 15,
      recurrence: { frequency: 'weekly', interval: 1 },
      accountId: account.id,
      accountName: 'Acme',
      priority: 'high',
      ownerId: ws.admin.userId,
    });
    const pending = await pendingReminder(ws.workspaceId);
    expect(pending.map((j) => j.dedupe_key)).toEqual([`task:${nextId}`]);

    // Reopened and completed again: no second occurrence.
    await admin.patch(`/tasks/${task.id}`, { status: 'open' });
    await admin.patch(`/tasks/${task.id}`, { status: 'done' });
    const series = (await admin.get('/tasks?filter={"title":{"eq":"Weekly check-in"}}')).json();
    expect(series.data).toHaveLength(2);
  });

  it('repeats monthly from the due date, keeping the day where the month has it', async () => {
    const admin = await signUp();
    const task = await createTask(admin, {
      dueDate: '2030-01-31',
      recurrence: { frequency: 'monthly', interval: 1 },
    });
    const done = (await admin.patch(`/tasks/${task.id}`, { status: 'done' })).json();
    const next = (await admin.get(`/tasks/${done.nextOccurrenceId}`)).json();
    expect(next).toMatchObject({ dueDate: '2030-02-28', dueAt: null });
  });

  it('lists my open tasks as overdue, due today and upcoming in my time zone', async () => {
    const admin = await signUp();
    const zone = 'America/New_York';
    const { today, day } = calendarIn(zone);
    const overdueTimed = await createTask(admin, { title: 'late', dueAt: iso(inMinutes(-60)) });
    const overdueDay = await createTask(admin, { title: 'yesterday', dueDate: day(-1) });
    const todayTask = await createTask(admin, { title: 'today', dueDate: today });
    const soon = await createTask(admin, { title: 'in two days', dueDate: day(2) });
    const undated = await createTask(admin, { title: 'someday' });
    const closed = await createTask(admin, { title: 'closed', dueDate: today });
    await admin.patch(`/tasks/${closed.id}`, { status: 'done' });
    const { db } = await testDatabase();
    const ws = { workspaceId: admin.workspaceId };
    const roles = (await admin.get('/roles')).json().data;
    const repRole = roles.find((r: { builtinKey: string }) => r.builtinKey === 'sales_rep').id;
    const colleague = await createTestUser(db, {
      ...ws,
      roleIds: { sales_rep: repRole },
      rootDepartmentId: null,
    } as never);
    await createTask(admin, { title: 'theirs', dueDate: today, ownerId: colleague.userId });

    const res = await admin.get('/tasks/mine', { 'x-time-zone': zone });
    expect(res.statusCode, res.body).toBe(200);
    const mine = res.json();
    const ids = (list: { id: string }[]) => list.map((t) => t.id);
    expect(mine.timeZone).toBe(zone);
    expect(mine.date).toBe(today);
    expect(ids(mine.overdue).sort()).toEqual([overdueTimed.id, overdueDay.id].sort());
    expect(ids(mine.today)).toEqual([todayTask.id]);
    expect(ids(mine.upcoming)).toEqual([soon.id, undated.id]);

    const workspaceZone = (await admin.get('/tasks/mine')).json();
    expect(workspaceZone.timeZone).toBe('UTC');
    const bad = await admin.get('/tasks/mine', { 'x-time-zone': 'Mars/Olympus' });
    expect(bad.statusCode).toBe(400);
    expect(bad.json().errors[0].path).toBe('X-Time-Zone');
  });

  it('orders each of my sections by due time, times and dates merged, and keeps the earliest', async () => {
    const admin = await signUp();
    const zone = 'Asia/Shanghai';
    const { day } = calendarIn(zone);
    // A date is due from its start in the zone: 3 days ago at 00:00 +08:00 comes before a time
    // 2 days ago, which comes before yesterday's date.
    const threeDays = await createTask(admin, { title: 'date -3', dueDate: day(-3) });
    const twoDays = await createTask(admin, {
      title: 'time -2',
      dueAt: iso(inMinutes(-2 * 24 * 60)),
    });
    const yesterday = await createTask(admin, { title: 'date -1', dueDate: day(-1) });
    const hourAgo = await createTask(admin, { title: 'time -1h', dueAt: iso(inMinutes(-60)) });
    const later = await createTask(admin, { title: 'time +3d', dueAt: iso(inMinutes(3 * 1440)) });
    const inTwoDays = await createTask(admin, { title: 'date +2', dueDate: day(2) });
    const someday = await createTask(admin, { title: 'someday' });
    const ids = (list: { id: string }[]) => list.map((t) => t.id);
    let mine = (await admin.get('/tasks/mine', { 'x-time-zone': zone })).json();
    expect(ids(mine.overdue)).toEqual(ids([threeDays, twoDays, yesterday, hourAgo]));
    expect(ids(mine.upcoming)).toEqual(ids([inTwoDays, later, someday]));
    expect(mine.overdue[0]).toMatchObject({ title: 'date -3', dueDate: day(-3) });

    // A long backlog: 120 more overdue tasks, times and dates; the 100 earliest are shown.
    const { db } = await testDatabase();
    const me = (await admin.get('/auth/me')).json().user.id;
    await db.execute(sql`
      insert into tasks (workspace_id, id, title, status, owner_id, due_at, due_date)
      select ${admin.workspaceId}, gen_random_uuid(), 'backlog ' || n, 'open', ${me},
        case when n % 2 = 0 then now() - make_interval(days => 10 + n) end,
        case when n % 2 = 1 then current_date - (10 + n) end
      from generate_series(1, 120) as n`);
    mine = (await admin.get('/tasks/mine', { 'x-time-zone': zone })).json();
    expect(mine.overdue).toHaveLength(100);
    const due = (t: { dueAt: string | null; dueDate: string | null }) =>
      t.dueAt ? Date.parse(t.dueAt) : Date.parse(`${t.dueDate}T00:00:00+08:00`);
    const times = mine.overdue.map(due);
    expect(times).toEqual([...times].sort((a, b) => a - b));
    // The oldest of the backlog (130 days) leads; the four recent ones are cut off.
    expect(mine.overdue[0].title).toBe('backlog 120');
    expect(ids(mine.overdue)).not.toContain(hourAgo.id);
    expect(ids(mine.upcoming)).toEqual(ids([inTwoDays, later, someday]));
  });

  it('keeps tasks in scope: a rep cannot see or change a colleague task; tenancy holds', async () => {
    const { db } = await testDatabase();
    const ws = await createTestWorkspace(db);
    const rep = await createTestUser(db, ws, { role: 'sales_rep' });
    const colleague = await createTestUser(db, ws, { role: 'sales_rep' });
    const repClient = await logIn(rep.email, rep.password);
    const colleagueClient = await logIn(colleague.email, colleague.password);
    const theirs = await createTask(colleagueClient, { title: 'private' });
    const mine = await createTask(repClient, { title: 'mine' });
    expect((await repClient.get('/tasks')).json().data.map((t: { id: string }) => t.id)).toEqual([
      mine.id,
    ]);
    expect((await repClient.get(`/tasks/${theirs.id}`)).statusCode).toBe(404);
    expect((await repClient.patch(`/tasks/${theirs.id}`, { status: 'done' })).statusCode).toBe(404);
    // Assigning to someone outside one's scope is refused.
    const assign = await repClient.post('/tasks', { title: 'x', ownerId: colleague.userId });
    expect(assign.statusCode).toBe(400);
    expect(assign.json().errors[0]).toMatchObject({ path: 'ownerId', code: 'out_of_scope' });
    const stranger = await signUp();
    expect((await stranger.get(`/tasks/${mine.id}`)).statusCode).toBe(404);
    const [row] = await dbRows<{ status: string }>(
      sql`select status from tasks where id = ${theirs.id}`,
    );
    expect(row.status).toBe('open');
  });
});
