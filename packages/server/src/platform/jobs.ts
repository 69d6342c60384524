import { and, eq, inArray, lt, or, type SQL, sql } from 'drizzle-orm';
import type { Database, Executor } from '../db/client.js';
import { isUniqueViolation } from '../db/client.js';
import { newId } from '../db/ids.js';
import { jobs } from './platform.tables.js';

// Durable scheduled jobs: rows in the `jobs` table, claimed by any app node with
// FOR UPDATE SKIP LOCKED, retried with exponential backoff and marked failed (with the error)
// after their last attempt. Nothing lives only in memory: a restart loses no work.

export type Job<P> = { id: string; workspaceId: string | null; payload: P; runAt: Date };
export type JobRun = { database: Database; now: Date };
export type JobHandler<P> = (job: Job<P>, run: JobRun) => Promise<void>;

/** What the worker logs through (pino, Fastify's logger, or console-like objects). */
export type JobLogger = {
  info: (obj: object, msg: string) => void;
  error: (obj: object, msg: string) => void;
};

type Registered = {
  handler: JobHandler<unknown>;
  maxAttempts: number;
  every?: { minutes: number };
};

const DEFAULT_MAX_ATTEMPTS = 5;
/** How long a claimed job stays locked; a node that dies mid-job frees it after this. */
const LEASE_MS = 5 * 60_000;
const FIRST_RETRY_MS = 30_000;
const MAX_RETRY_MS = 60 * 60_000;
/** The dedupe key of a recurring job's one pending occurrence. */
const RECURRING_KEY = 'recurring';

const handlers = new Map<string, Registered>();

/**
 * Handlers must be idempotent: a job can run again after a crash or a retry. Registered once
 * per process, from the owning module's index.
 */
export function registerJobHandler<P>(
  name: string,
  handler: JobHandler<P>,
  opts: { maxAttempts?: number } = {},
): void {
  handlers.set(name, {
    handler: handler as JobHandler<unknown>,
    maxAttempts: opts.maxAttempts ?? DEFAULT_MAX_ATTEMPTS,
  });
}

/** A job that runs every `every.minutes`; exactly one occurrence is pending at a time. */
export function registerRecurringJob(
  name: string,
  every: { minutes: number },
  handler: JobHandler<Record<string, never>>,
): void {
  handlers.set(name, {
    handler: handler as JobHandler<unknown>,
    maxAttempts: DEFAULT_MAX_ATTEMPTS,
    every,
  });
}

const pendingWithKey = sql`status = 'pending' and dedupe_key is not null`;

/**
 * Schedules a job. With a dedupe key, a pending job of the same name and key is moved to the
 * new time and payload instead of being duplicated. Runs in the caller's transaction when given
 * one, so a job is scheduled exactly when the change that wants it commits.
 */
export async function enqueueJob(
  db: Executor,
  job: {
    name: string;
    workspaceId?: string | null;
    payload?: unknown;
    runAt: Date;
    dedupeKey?: string;
  },
): Promise<void> {
  const values = {
    id: newId(),
    name: job.name,
    workspaceId: job.workspaceId ?? null,
    payload: job.payload ?? {},
    runAt: job.runAt,
    dedupeKey: job.dedupeKey ?? null,
    maxAttempts: handlers.get(job.name)?.maxAttempts ?? DEFAULT_MAX_ATTEMPTS,
  };
  const insert = db.insert(jobs).values(values);
  if (!job.dedupeKey) {
    await insert;
    return;
  }
  await insert.onConflictDoUpdate({
    target: [jobs.name, jobs.dedupeKey],
    targetWhere: pendingWithKey,
    set: { runAt: values.runAt, payload: values.payload, workspaceId: values.workspaceId },
  });
}

/** Drops the pending job of this name and dedupe key, if any (a running one finishes). */
export async function cancelJobs(db: Executor, name: string, dedupeKey: string): Promise<void> {
  await db
    .delete(jobs)
    .where(and(eq(jobs.name, name), eq(jobs.dedupeKey, dedupeKey), eq(jobs.status, 'pending')));
}

/** Gives every recurring job that has no pending or running occurrence one due now. */
async function ensureRecurring(db: Executor, now: Date, names: string[]) {
  for (const name of names) {
    const registered = handlers.get(name);
    if (!registered?.every) continue;
    await db.execute(sql`
      insert into ${jobs} (id, name, payload, run_at, dedupe_key, max_attempts)
      select ${newId()}, ${name}, '{}'::jsonb, ${now.toISOString()}::timestamptz, ${RECURRING_KEY}, ${registered.maxAttempts}
      where not exists (
        select 1 from ${jobs} where name = ${name} and status in ('pending', 'running'))
      on conflict (name, dedupe_key) where ${pendingWithKey} do nothing`);
  }
}

const retryDelayMs = (attempts: number) =>
  Math.min(FIRST_RETRY_MS * 2 ** Math.max(0, attempts - 1), MAX_RETRY_MS);

const describeError = (error: unknown) =>
  (error instanceof Error ? error.stack || error.message : String(error)).slice(0, 4000);

type Claimed = typeof jobs.$inferSelect;

async function claimDueJobs(
  db: Executor,
  now: Date,
  limit: number,
  names: string[],
  workspaceId: string | undefined,
): Promise<Claimed[]> {
  if (names.length === 0) return [];
  const due = or(
    and(eq(jobs.status, 'pending'), sql`${jobs.runAt} <= ${now.toISOString()}::timestamptz`),
    and(eq(jobs.status, 'running'), lt(jobs.lockedUntil, now)),
  );
  const scope: SQL | undefined = workspaceId ? eq(jobs.workspaceId, workspaceId) : undefined;
  const candidates = db
    .select({ id: jobs.id })
    .from(jobs)
    .where(and(inArray(jobs.name, names), due, scope))
    .orderBy(jobs.runAt)
    .limit(limit)
    .for('update', { skipLocked: true });
  return db
    .update(jobs)
    .set({
      status: 'running',
      attempts: sql`${jobs.attempts} + 1`,
      lockedUntil: new Date(now.getTime() + LEASE_MS),
    })
    .where(inArray(jobs.id, candidates))
    .returning();
}

async function finish(db: Executor, job: Claimed, now: Date, error: unknown | null) {
  const mine = and(eq(jobs.id, job.id), eq(jobs.status, 'running'));
  if (error === null) {
    await db
      .update(jobs)
      .set({ status: 'done', finishedAt: now, lockedUntil: null, lastError: null })
      .where(mine);
    return;
  }
  const lastError = describeError(error);
  if (job.attempts >= job.maxAttempts) {
    await db
      .update(jobs)
      .set({ status: 'failed', finishedAt: now, lockedUntil: null, lastError })
      .where(mine);
    return;
  }
  try {
    await db
      .update(jobs)
      .set({
        status: 'pending',
        runAt: new Date(now.getTime() + retryDelayMs(job.attempts)),
        lockedUntil: null,
        lastError,
      })
      .where(mine);
  } catch (e) {
    if (!isUniqueViolation(e, 'jobs_pending_dedupe_key')) throw e;
    // Rescheduled while it ran: the newer pending job does the work.
    await db
      .update(jobs)
      .set({
        status: 'done',
        finishedAt: now,
        lockedUntil: null,
        lastError: `superseded by a newer job after: ${lastError}`,
      })
      .where(mine);
  }
}

/**
 * Runs the jobs due at `now` once each (tests pass a fake `now`). Only jobs with a handler in
 * this process are claimed. `workspaceId` limits the run to one workspace's jobs (skipping
 * system-wide ones) and `names` to some jobs, which keeps parallel tests apart.
 */
export async function runDueJobs(
  database: Database,
  now: Date,
  opts: { limit?: number; workspaceId?: string; names?: string[]; logger?: JobLogger } = {},
): Promise<{ ran: number; failed: number }> {
  const { db } = database;
  const names = (opts.names ?? [...handlers.keys()]).filter((name) => handlers.has(name));
  if (!opts.workspaceId) await ensureRecurring(db, now, names);
  // Claiming is its own short statement: PGlite has one connection, so no transaction is held
  // open while a handler runs.
  const claimed = await claimDueJobs(db, now, opts.limit ?? 20, names, opts.workspaceId);
  let failed = 0;
  for (const job of claimed) {
    const registered = handlers.get(job.name);
    let error: unknown | null = null;
    try {
      if (!registered) throw new Error(`no handler registered for job "${job.name}"`);
      await registered.handler(
        { id: job.id, workspaceId: job.workspaceId, payload: job.payload, runAt: job.runAt },
        { database, now },
      );
    } catch (e) {
      error = e;
      failed++;
      opts.logger?.error(
        { err: e, job: { id: job.id, name: job.name, attempts: job.attempts } },
        job.attempts >= job.maxAttempts ? 'job failed for good' : 'job failed; will retry',
      );
    }
    await finish(db, job, now, error);
    const every = registered?.every;
    if (every && (error === null || job.attempts >= job.maxAttempts)) {
      await enqueueJob(db, {
        name: job.name,
        runAt: new Date(now.getTime() + every.minutes * 60_000),
        dedupeKey: RECURRING_KEY,
      });
    }
  }
  return { ran: claimed.length, failed };
}

/**
 * Polls for due jobs until stopped. Started by the process entry (never by buildApp), and
 * stopped before the database closes: `stop()` waits for the job in progress.
 */
export function startJobWorker(
  database: Database,
  opts: { pollMs?: number; logger: JobLogger },
): { stop(): Promise<void> } {
  const pollMs = opts.pollMs ?? 5000;
  const batch = 20;
  let stopped = false;
  let timer: NodeJS.Timeout | undefined;
  let current: Promise<void> = Promise.resolve();

  const tick = async () => {
    try {
      let result: { ran: number };
      do {
        result = await runDueJobs(database, new Date(), { limit: batch, logger: opts.logger });
      } while (!stopped && result.ran === batch);
    } catch (error) {
      opts.logger.error({ err: error }, 'job worker poll failed');
    }
    if (!stopped) timer = setTimeout(schedule, pollMs);
  };
  const schedule = () => {
    current = tick();
  };
  timer = setTimeout(schedule, 0);
  opts.logger.info({ pollMs }, 'job worker started');
  return {
    async stop() {
      stopped = true;
      clearTimeout(timer);
      await current;
    },
  };
}

// Finished jobs are kept a while for inspection, then removed so the table stays small.
registerRecurringJob('jobs.cleanup', { minutes: 60 }, async (_job, { database, now }) => {
  const day = 24 * 60 * 60_000;
  await database.db
    .delete(jobs)
    .where(
      or(
        and(eq(jobs.status, 'done'), lt(jobs.finishedAt, new Date(now.getTime() - 7 * day))),
        and(eq(jobs.status, 'failed'), lt(jobs.finishedAt, new Date(now.getTime() - 30 * day))),
      ),
    );
});
