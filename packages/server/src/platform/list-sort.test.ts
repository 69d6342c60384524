import { integer, PgDialect, pgTable, text, timestamp, uuid } from 'drizzle-orm/pg-core';
import { describe, expect, it } from 'vitest';
import { cursorCondition, encodeCursor, parseSort } from './list-sort.js';

const things = pgTable('things', {
  id: uuid('id').notNull(),
  updatedAt: timestamp('updated_at', { withTimezone: true, mode: 'date' }).notNull(),
  city: text('city'),
  rank: integer('rank'),
});
const fields = {
  updatedAt: { column: things.updatedAt, type: 'datetime' as const, sortable: true },
  city: { column: things.city, type: 'text' as const, sortable: true },
};
const ID = '0193a000-0000-7000-8000-000000000001';

/** The SQL text of the cursor condition for `sort`, continuing after a row with `values`. */
function cursorSql(sort: string, values: Record<string, unknown>) {
  const keys = parseSort(fields, sort, '-updatedAt');
  const cursor = encodeCursor(keys, values, ID);
  const condition = cursorCondition(keys, things.id, cursor);
  return new PgDialect().sqlToQuery(condition!).sql;
}

describe('keyset cursor conditions', () => {
  it('bound a first sort key that cannot be null, so the list index starts at the cursor', () => {
    const at = new Date('2026-03-01T08:00:00.000Z');
    expect(cursorSql('-updatedAt', { updatedAt: at })).toMatch(/^\("things"\."updated_at" <= \$1/);
    expect(cursorSql('updatedAt', { updatedAt: at })).toMatch(/^\("things"\."updated_at" >= \$1/);
  });

  it('leave nullable first keys unbounded: rows without a value come after the cursor', () => {
    expect(cursorSql('-city', { city: 'Shanghai' })).not.toMatch(/<=|>=/);
    expect(cursorSql('-city', { city: 'Shanghai' })).toMatch(/is null/);
  });
});
