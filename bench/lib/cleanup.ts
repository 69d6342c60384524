import { sql } from 'drizzle-orm';
import { rowsOf } from '../../packages/server/src/db/client.js';
import { openTarget, type TargetSpec } from './target.js';

/** The domain of every contact the write benchmark creates. */
export const BENCH_EMAIL_DOMAIN = 'bench-run.example';

/**
 * Takes out what the write benchmark added (its contacts, their audit entries and events), so
 * the next run reads the seeded data again: new contacts sort first in the lists and would
 * change what the list benchmarks measure. Returns how many contacts went.
 */
export async function removeBenchWrites(spec: TargetSpec, workspaceId: string): Promise<number> {
  const target = await openTarget(spec, { reset: false });
  try {
    const { db } = target.database;
    const gone = rowsOf<{ n: number }>(
      await db.execute(sql`
        with gone as (
          delete from contacts
           where workspace_id = ${workspaceId} and email like ${`%@${BENCH_EMAIL_DOMAIN}`}
          returning id),
        audit as (
          delete from audit_entries
           where workspace_id = ${workspaceId} and object_type = 'contact'
             and record_id in (select id from gone)),
        events as (
          delete from outbox_events
           where workspace_id = ${workspaceId} and record_id in (select id from gone))
        select count(*)::int as n from gone`),
    );
    return gone[0]?.n ?? 0;
  } finally {
    await target.close();
  }
}
