import { sql } from 'drizzle-orm';
import { beforeAll, describe, expect, it } from 'vitest';
import type { Db } from '../src/db/client.js';
import { contacts } from '../src/db/schema.js';
import { searchCondition } from '../src/platform/list-query.js';
import { type Client, signUp, testDatabase } from './helpers.js';

// Search must be served by indexes, not by reading every record: a list of a million contacts
// searched for 张伟 otherwise takes seconds. The plans are checked with sequential scans and
// plain index scans priced out, so a missing index shows even on a small test table.

/** The plan of a contact search for `q` on the test database. */
async function planOf(db: Db, q: string): Promise<string> {
  const columns = [contacts.name, contacts.email, contacts.wechat, contacts.title];
  const query = db
    .select({ id: contacts.id })
    .from(contacts)
    .where(searchCondition(columns, q))
    .toSQL();
  return db.transaction(async (tx) => {
    await tx.execute(sql`set local enable_seqscan = off`);
    await tx.execute(sql`set local enable_indexscan = off`);
    await tx.execute(sql`set local enable_indexonlyscan = off`);
    const literal = (v: unknown) => `'${String(v).replace(/'/g, "''")}'`;
    const text = query.sql.replace(/\$(\d+)/g, (_, n) => literal(query.params[Number(n) - 1]));
    const result = (await tx.execute(sql.raw(`explain ${text}`))) as unknown as {
      rows: { 'QUERY PLAN': string }[];
    };
    return result.rows.map((r) => r['QUERY PLAN']).join('\n');
  });
}

describe('contact search', () => {
  let admin: Client;

  beforeAll(async () => {
    admin = await signUp({ locale: 'zh-CN' });
    for (const name of ['张伟明', '李张伟', '王芳', 'John Smith']) {
      const res = await admin.post('/contacts', { name });
      expect(res.statusCode, res.body).toBe(201);
    }
  });

  it('finds a two-character Chinese term anywhere in a name, and only there', async () => {
    const found = (await admin.get(`/contacts?q=${encodeURIComponent('张伟')}`)).json();
    expect(found.data.map((c: { name: string }) => c.name).sort()).toEqual(['张伟明', '李张伟']);
    const latin = (await admin.get('/contacts?q=smi')).json();
    expect(latin.data.map((c: { name: string }) => c.name)).toEqual(['John Smith']);
  });

  it('looks a two-character Chinese term up in the character-pair index', async () => {
    const { db } = await testDatabase();
    expect(await planOf(db, '张伟')).toContain('contacts_search_bigrams_idx');
  });

  it('looks longer terms up in the trigram index of every searched column', async () => {
    const { db } = await testDatabase();
    const plan = await planOf(db, 'smith');
    for (const index of ['name', 'email', 'wechat', 'title']) {
      expect(plan).toContain(`contacts_${index}_trgm_idx`);
    }
  });
});
