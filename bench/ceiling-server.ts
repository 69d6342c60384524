// The ceiling: a bare Fastify route that answers the list benchmark's 50 rows (same filter,
// same order as the app's list) with one hand-written SQL query through the same driver as the
// app. The app's figures are reported as a ratio to this, because absolute times on a shared
// machine drift and ratios do not.
import { PGlite } from '@electric-sql/pglite';
import { pg_trgm } from '@electric-sql/pglite/contrib/pg_trgm';
import Fastify from 'fastify';
import pg from 'pg';

type Query = (text: string, params: unknown[]) => Promise<{ rows: unknown[] }>;

async function connect(): Promise<Query> {
  if (process.env.DATABASE_URL) {
    const pool = new pg.Pool({ connectionString: process.env.DATABASE_URL, max: 10 });
    return (text, params) => pool.query(text, params);
  }
  const client = await PGlite.create(process.env.DATA_DIR, { extensions: { pg_trgm } });
  return (text, params) => client.query(text, params);
}

const query = await connect();
const app = Fastify();
app.get<{ Querystring: { workspaceId: string; buyingRole: string } }>(
  '/ceiling/contacts',
  async (req) => {
    const { rows } = await query(
      `select c.*, a.name as account_name
         from contacts c
         left join accounts a on a.workspace_id = c.workspace_id and a.id = c.account_id
        where c.workspace_id = $1 and c.deleted_at is null and c.buying_role = $2
        order by c.updated_at desc nulls last, c.id
        limit 50`,
      [req.query.workspaceId, req.query.buyingRole],
    );
    return { data: rows, nextCursor: null };
  },
);
await app.listen({ host: '127.0.0.1', port: Number(process.env.PORT ?? 0) });
const { port } = app.server.address() as { port: number };
console.log(`ceiling running at http://127.0.0.1:${port}`);
process.on('SIGTERM', () => void app.close().then(() => process.exit(0)));
