import type { Job, JobListQuery } from '@guanxi/contract';
import { and, desc, eq, type SQL, sql } from 'drizzle-orm';
import type { Ctx } from './context.js';
import { AppError, invalid, notFound } from './errors.js';
import { UUID_RE } from './list-query.js';
import { requireWorkspaceAdmin } from './permissions.js';
import { jobs } from './platform.tables.js';

// What administrators see of the job queue: their workspace's jobs (system-wide jobs, such as
// cleanups, log their failures instead).

type JobRow = typeof jobs.$inferSelect;

const toJob = (row: JobRow): Job => ({
  id: row.id,
  name: row.name,
  status: row.status,
  payload: row.payload,
  runAt: row.runAt.toISOString(),
  attempts: row.attempts,
  maxAttempts: row.maxAttempts,
  lastError: row.lastError,
  createdAt: row.createdAt.toISOString(),
  finishedAt: row.finishedAt?.toISOString() ?? null,
});

function afterCursor(cursor: string | undefined): SQL | undefined {
  if (!cursor) return undefined;
  const bad = () => invalid('cursor', 'is not a cursor from this list');
  let decoded: { at?: unknown; id?: unknown };
  try {
    decoded = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8'));
  } catch {
    throw bad();
  }
  const at = typeof decoded.at === 'string' ? new Date(decoded.at) : null;
  if (!at || Number.isNaN(at.getTime())) throw bad();
  if (typeof decoded.id !== 'string' || !UUID_RE.test(decoded.id)) throw bad();
  return sql`(${jobs.runAt}, ${jobs.id}) < (${at.toISOString()}::timestamptz, ${decoded.id}::uuid)`;
}

/** The workspace's jobs, latest run time first; `status=failed` lists what needs attention. */
export async function listJobs(ctx: Ctx, query: JobListQuery) {
  requireWorkspaceAdmin(ctx);
  const rows = await ctx.db
    .select()
    .from(jobs)
    .where(
      and(
        eq(jobs.workspaceId, ctx.actor.workspaceId),
        query.status ? eq(jobs.status, query.status) : undefined,
        query.name ? eq(jobs.name, query.name) : undefined,
        afterCursor(query.cursor),
      ),
    )
    .orderBy(desc(jobs.runAt), desc(jobs.id))
    .limit(query.limit + 1);
  const page = rows.slice(0, query.limit);
  const last = page[page.length - 1];
  const nextCursor =
    rows.length > query.limit && last
      ? Buffer.from(JSON.stringify({ at: last.runAt.toISOString(), id: last.id })).toString(
          'base64url',
        )
      : null;
  return { data: page.map(toJob), nextCursor };
}

/** Gives a failed job of the workspace a fresh set of attempts, due now. */
export async function retryJob(ctx: Ctx, id: string): Promise<Job> {
  requireWorkspaceAdmin(ctx);
  const where = and(eq(jobs.workspaceId, ctx.actor.workspaceId), eq(jobs.id, id));
  const [row] = await ctx.db.select().from(jobs).where(where);
  if (!row) throw notFound('Job');
  if (row.status !== 'failed') {
    throw new AppError('conflict', `Only failed jobs can be retried; this one is ${row.status}.`);
  }
  const [updated] = await ctx.db
    .update(jobs)
    .set({ status: 'pending', attempts: 0, runAt: ctx.now(), finishedAt: null })
    .where(and(where, eq(jobs.status, 'failed')))
    .returning();
  if (!updated) throw new AppError('conflict', 'The job changed meanwhile; reload it.');
  return toJob(updated);
}
