import { type SQL, sql } from 'drizzle-orm';
import { rowsOf } from '../src/db/client.js';
import { testDatabase } from './helpers.js';

/** Rows of a raw query on the test database: what a request really wrote. */
export async function dbRows<T = Record<string, unknown>>(query: SQL): Promise<T[]> {
  const { db } = await testDatabase();
  return rowsOf<T>(await db.execute(query));
}

type WorkspaceTable =
  | 'accounts'
  | 'contacts'
  | 'leads'
  | 'duplicate_rules'
  | 'audit_entries'
  | 'outbox_events'
  | 'api_keys'
  | 'invitations'
  | 'members'
  | 'roles'
  | 'departments'
  | 'sessions'
  | 'idempotency_keys';

/** Rows of one workspace in one table. */
export async function countRows(table: WorkspaceTable, workspaceId: string): Promise<number> {
  const [row] = await dbRows<{ n: number }>(
    sql`select count(*)::int as n from ${sql.identifier(table)} where workspace_id = ${workspaceId}`,
  );
  return row.n;
}

/** One stored record (every column), or undefined. */
export async function storedRecord(table: 'accounts' | 'contacts' | 'leads', id: string) {
  const [row] = await dbRows(sql`select * from ${sql.identifier(table)} where id = ${id}`);
  return row;
}

/**
 * Everything a refused request could have written in a workspace: every record (all columns)
 * and the audit, outbox and idempotency trails. Compare before and after with toEqual.
 */
export async function workspaceState(workspaceId: string) {
  const all = (table: 'accounts' | 'contacts' | 'leads') =>
    dbRows(
      sql`select * from ${sql.identifier(table)} where workspace_id = ${workspaceId} order by id`,
    );
  return {
    accounts: await all('accounts'),
    contacts: await all('contacts'),
    leads: await all('leads'),
    auditEntries: await countRows('audit_entries', workspaceId),
    outboxEvents: await countRows('outbox_events', workspaceId),
    idempotencyKeys: await countRows('idempotency_keys', workspaceId),
  };
}
