import { sql } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import {
  cancelJobs,
  enqueueJob,
  registerJobHandler,
  registerRecurringJob,
  runDueJobs,
} from '../src/platform/jobs.js';
import { dbRows } from './db-state.js';
import { createTestUser, createTestWorkspace } from './factories/index.js';
import { logIn, signUp, testDatabase } from './helpers.js';

type JobRow = {
  id: string;
  status: string;
  attempts: number;
  run_at: Date;
  last_error: string | null;
  payload: Record<string, unknown>;
};

const jobsOf = (workspaceId: string, name: string) =>
  dbRows<JobRow>(
    sql`select id, status, attempts, run_at, last_error, payload from jobs
        where workspace_id = ${workspaceId} and name = ${name} order by created_at, id`,
  );

const seen: Record<string, string[]> = {};
registerJobHandler<{ note: string }>('test.echo', async (job) => {
  seen[job.workspaceId!] ??= [];
  seen[job.workspaceId!].push(job.payload.note);
});
let flakyFailures = 0;
registerJobHandler(
  'test.flaky',
  async () => {
    if (flakyFailures > 0) {
      flakyFailures--;
      throw new Error('upstream said no');
    }
  },
  { maxAttempts: 3 },
);
registerJobHandler(
  'test.broken',
  async () => {
    throw new Error('always broken');
  },
  { maxAttempts: 2 },
);
const runsById = new Map<string, number>();
registerJobHandler('test.count', async (job) => {
  runsById.set(job.id, (runsById.get(job.id) ?? 0) + 1);
  // Long enough for a second worker to try the same rows meanwhile.
  await new Promise((resolve) => setTimeout(resolve, 20));
});
registerJobHandler('test.reschedule-then-fail', async (job, { database }) => {
  await enqueueJob(database.db, {
    name: 'test.reschedule-then-fail',
    workspaceId: job.workspaceId,
    runAt: at('2031-01-01T00:00:00Z'),
    dedupeKey: 'same',
  });
  throw new Error('failed after rescheduling');
});
let recurringRuns = 0;
registerRecurringJob('test.recurring', { minutes: 15 }, async () => {
  recurringRuns++;
});

const at = (iso: string) => new Date(iso);

describe('durable jobs', () => {
  it('runs a job at its time, not before, and once', async () => {
    const database = await testDatabase();
    const ws = await createTestWorkspace(database.db);
    const only = { workspaceId: ws.workspaceId };
    await enqueueJob(database.db, {
      name: 'test.echo',
      workspaceId: ws.workspaceId,
      payload: { note: 'hello' },
      runAt: at('2030-01-01T10:00:00Z'),
    });
    expect(await runDueJobs(database, at('2030-01-01T09:59:59Z'), only)).toEqual({
      ran: 0,
      failed: 0,
    });
    expect(seen[ws.workspaceId]).toBeUndefined();
    expect(await runDueJobs(database, at('2030-01-01T10:00:00Z'), only)).toEqual({
      ran: 1,
      failed: 0,
    });
    expect(seen[ws.workspaceId]).toEqual(['hello']);
    expect(await runDueJobs(database, at('2030-01-02T00:00:00Z'), only)).toEqual({
      ran: 0,
      failed: 0,
    });
    const [job] = await jobsOf(ws.workspaceId, 'test.echo');
    expect(job).toMatchObject({ status: 'done', attempts: 1, last_error: null });
  });

  it('moves a pending job with the same dedupe key instead of adding one, and cancels it', async () => {
    const database = await testDatabase();
    const ws = await createTestWorkspace(database.db);
    const job = (runAt: string, note: string) =>
      enqueueJob(database.db, {
        name: 'test.echo',
        workspaceId: ws.workspaceId,
        payload: { note },
        runAt: at(runAt),
        dedupeKey: 'thing-1',
      });
    await job('2030-01-01T10:00:00Z', 'first');
    await job('2030-01-01T12:00:00Z', 'moved');
    let rows = await jobsOf(ws.workspaceId, 'test.echo');
    expect(rows).toHaveLength(1);
    expect(rows[0]).toMatchObject({ status: 'pending', payload: { note: 'moved' } });
    expect(new Date(rows[0].run_at).toISOString()).toBe('2030-01-01T12:00:00.000Z');

    const only = { workspaceId: ws.workspaceId };
    expect((await runDueJobs(database, at('2030-01-01T11:00:00Z'), only)).ran).toBe(0);
    await cancelJobs(database.db, 'test.echo', 'thing-1');
    rows = await jobsOf(ws.workspaceId, 'test.echo');
    expect(rows).toHaveLength(0);
    expect((await runDueJobs(database, at('2030-01-02T00:00:00Z'), only)).ran).toBe(0);
    expect(seen[ws.workspaceId]).toBeUndefined();

    // A key whose job already ran schedules a new one.
    await job('2030-01-03T00:00:00Z', 'again');
    await runDueJobs(database, at('2030-01-03T00:00:00Z'), only);
    await job('2030-01-04T00:00:00Z', 'and again');
    expect((await jobsOf(ws.workspaceId, 'test.echo')).map((r) => r.status)).toEqual([
      'done',
      'pending',
    ]);
  });

  it('retries a failing job with growing delays, then succeeds', async () => {
    const database = await testDatabase();
    const ws = await createTestWorkspace(database.db);
    const only = { workspaceId: ws.workspaceId, names: ['test.flaky'] };
    flakyFailures = 2;
    await enqueueJob(database.db, {
      name: 'test.flaky',
      workspaceId: ws.workspaceId,
      runAt: at('2030-01-01T10:00:00Z'),
    });
    expect(await runDueJobs(database, at('2030-01-01T10:00:00Z'), only)).toEqual({
      ran: 1,
      failed: 1,
    });
    let [job] = await jobsOf(ws.workspaceId, 'test.flaky');
    expect(job).toMatchObject({ status: 'pending', attempts: 1 });
    expect(job.last_error).toContain('upstream said no');
    expect(new Date(job.run_at).toISOString()).toBe('2030-01-01T10:00:30.000Z');
    // Not before the backoff.
    expect((await runDueJobs(database, at('2030-01-01T10:00:29Z'), only)).ran).toBe(0);
    await runDueJobs(database, at('2030-01-01T10:00:30Z'), only);
    [job] = await jobsOf(ws.workspaceId, 'test.flaky');
    expect(job).toMatchObject({ status: 'pending', attempts: 2 });
    expect(new Date(job.run_at).toISOString()).toBe('2030-01-01T10:01:30.000Z');
    expect(await runDueJobs(database, at('2030-01-01T10:01:30Z'), only)).toEqual({
      ran: 1,
      failed: 0,
    });
    [job] = await jobsOf(ws.workspaceId, 'test.flaky');
    expect(job).toMatchObject({ status: 'done', attempts: 3, last_error: null });
  });

  it('marks a job failed after its last attempt and shows it to admins only', async () => {
    const database = await testDatabase();
    const ws = await createTestWorkspace(database.db);
    const admin = await logIn(ws.admin.email, ws.admin.password);
    const only = { workspaceId: ws.workspaceId, names: ['test.broken'] };
    await enqueueJob(database.db, {
      name: 'test.broken',
      workspaceId: ws.workspaceId,
      payload: { reason: 'demo' },
      runAt: at('2030-01-01T10:00:00Z'),
    });
    await runDueJobs(database, at('2030-01-01T10:00:00Z'), only);
    await runDueJobs(database, at('2030-01-01T10:00:30Z'), only);
    const [job] = await jobsOf(ws.workspaceId, 'test.broken');
    expect(job).toMatchObject({ status: 'failed', attempts: 2 });
    expect(job.last_error).toContain('always broken');
    // Failed for good: never picked up again.
    expect((await runDueJobs(database, at('2031-01-01T00:00:00Z'), only)).ran).toBe(0);

    const res = await admin.get('/jobs?status=failed');
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json().data).toEqual([
      expect.objectContaining({
        id: job.id,
        name: 'test.broken',
        status: 'failed',
        attempts: 2,
        maxAttempts: 2,
        payload: { reason: 'demo' },
        lastError: expect.stringContaining('always broken'),
      }),
    ]);
    expect((await admin.get('/jobs?status=pending')).json().data).toEqual([]);

    // Another workspace's admin does not see it; a sales rep may not look at all.
    const other = await signUp();
    expect((await other.get('/jobs?status=failed')).json().data).toEqual([]);
    expect((await other.post(`/jobs/${job.id}/retry`)).statusCode).toBe(404);
    const rep = await createTestUser(database.db, ws, { role: 'sales_rep' });
    const repClient = await logIn(rep.email, rep.password);
    expect((await repClient.get('/jobs?status=failed')).statusCode).toBe(403);
    expect((await repClient.post(`/jobs/${job.id}/retry`)).statusCode).toBe(403);
    expect((await jobsOf(ws.workspaceId, 'test.broken'))[0].status).toBe('failed');

    // An admin retries it: pending again with fresh attempts, due now.
    const retried = await admin.post(`/jobs/${job.id}/retry`);
    expect(retried.statusCode, retried.body).toBe(200);
    expect(retried.json()).toMatchObject({ status: 'pending', attempts: 0 });
    expect((await admin.post(`/jobs/${job.id}/retry`)).statusCode).toBe(409);
  });

  it('runs each job once when two workers poll at the same time', async () => {
    const database = await testDatabase();
    const ws = await createTestWorkspace(database.db);
    for (let i = 0; i < 12; i++) {
      await enqueueJob(database.db, {
        name: 'test.count',
        workspaceId: ws.workspaceId,
        runAt: at('2030-01-01T10:00:00Z'),
      });
    }
    const only = { workspaceId: ws.workspaceId, names: ['test.count'], limit: 5 };
    const now = at('2030-01-01T10:00:00Z');
    const worker = async () => {
      let ran = 0;
      for (let r = await runDueJobs(database, now, only); r.ran > 0; ) {
        ran += r.ran;
        r = await runDueJobs(database, now, only);
      }
      return ran;
    };
    const [a, b] = await Promise.all([worker(), worker()]);
    expect(a + b).toBe(12);
    const jobs = await jobsOf(ws.workspaceId, 'test.count');
    expect(jobs.every((j) => j.status === 'done' && j.attempts === 1)).toBe(true);
    expect(jobs.every((j) => runsById.get(j.id) === 1)).toBe(true);
  });

  it('takes over a job whose worker died, once its lock has expired', async () => {
    const database = await testDatabase();
    const ws = await createTestWorkspace(database.db);
    await enqueueJob(database.db, {
      name: 'test.echo',
      workspaceId: ws.workspaceId,
      payload: { note: 'orphaned' },
      runAt: at('2030-01-01T10:00:00Z'),
    });
    // Claimed by a node that then vanished: running, locked for five minutes.
    await dbRows(
      sql`update jobs set status = 'running', attempts = 1,
          locked_until = ${'2030-01-01T10:05:00Z'}::timestamptz
          where workspace_id = ${ws.workspaceId}`,
    );
    const only = { workspaceId: ws.workspaceId, names: ['test.echo'] };
    expect((await runDueJobs(database, at('2030-01-01T10:04:59Z'), only)).ran).toBe(0);
    expect((await runDueJobs(database, at('2030-01-01T10:05:01Z'), only)).ran).toBe(1);
    expect(seen[ws.workspaceId]).toEqual(['orphaned']);
    const [job] = await jobsOf(ws.workspaceId, 'test.echo');
    expect(job).toMatchObject({ status: 'done', attempts: 2 });
  });

  it('lets a job rescheduled while it ran be replaced by the newer one when it fails', async () => {
    const database = await testDatabase();
    const ws = await createTestWorkspace(database.db);
    await enqueueJob(database.db, {
      name: 'test.reschedule-then-fail',
      workspaceId: ws.workspaceId,
      runAt: at('2030-01-01T10:00:00Z'),
      dedupeKey: 'same',
    });
    const only = { workspaceId: ws.workspaceId, names: ['test.reschedule-then-fail'] };
    expect(await runDueJobs(database, at('2030-01-01T10:00:00Z'), only)).toEqual({
      ran: 1,
      failed: 1,
    });
    const jobs = await jobsOf(ws.workspaceId, 'test.reschedule-then-fail');
    expect(jobs.map((j) => j.status)).toEqual(['done', 'pending']);
    expect(jobs[0].last_error).toContain('superseded by a newer job');
    expect(new Date(jobs[1].run_at).toISOString()).toBe('2031-01-01T00:00:00.000Z');
  });

  it('keeps exactly one pending occurrence of a recurring job', async () => {
    const database = await testDatabase();
    const only = { names: ['test.recurring'] };
    const pending = () =>
      dbRows<{ run_at: Date }>(
        sql`select run_at from jobs where name = 'test.recurring' and status = 'pending'`,
      );
    const before = recurringRuns;
    await runDueJobs(database, at('2030-01-01T10:00:00Z'), only);
    expect(recurringRuns).toBe(before + 1);
    let rows = await pending();
    expect(rows).toHaveLength(1);
    expect(new Date(rows[0].run_at).toISOString()).toBe('2030-01-01T10:15:00.000Z');
    // Polling again before it is due neither runs it nor adds another occurrence.
    await runDueJobs(database, at('2030-01-01T10:05:00Z'), only);
    await runDueJobs(database, at('2030-01-01T10:10:00Z'), only);
    expect(recurringRuns).toBe(before + 1);
    expect(await pending()).toHaveLength(1);
    await runDueJobs(database, at('2030-01-01T10:15:00Z'), only);
    expect(recurringRuns).toBe(before + 2);
    rows = await pending();
    expect(rows).toHaveLength(1);
    expect(new Date(rows[0].run_at).toISOString()).toBe('2030-01-01T10:30:00.000Z');
  });
});
