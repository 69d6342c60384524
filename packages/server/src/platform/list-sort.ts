import { and, asc, desc, eq, gt, gte, isNull, lt, lte, or, type SQL, sql } from 'drizzle-orm';
import type { PgColumn } from 'drizzle-orm/pg-core';
import { type FieldSpec, type FieldSpecs, fail, UUID_RE } from './list-query.js';

// Sorting and keyset pagination of lists: a total order (sort keys, then id) and opaque
// cursors that continue it exactly, nulls last.

export type SortKey = { field: string; spec: FieldSpec; desc: boolean };

export function parseSort(
  fields: FieldSpecs,
  raw: string | undefined,
  fallback: string,
): SortKey[] {
  const keys: SortKey[] = [];
  for (const part of (raw || fallback).split(',').map((s) => s.trim())) {
    if (!part) continue;
    const isDesc = part.startsWith('-');
    const field = isDesc ? part.slice(1) : part;
    const spec = fields[field];
    if (!spec?.sortable) {
      const known = Object.keys(fields).filter((k) => fields[k].sortable);
      fail([
        {
          path: 'sort',
          message: `cannot sort by "${field}"; use one of ${known.join(', ')}`,
          code: 'unknown_field',
        },
      ]);
    }
    if (keys.some((k) => k.field === field)) {
      fail([{ path: 'sort', message: `"${field}" appears twice`, code: 'invalid' }]);
    }
    keys.push({ field, spec, desc: isDesc });
  }
  if (keys.length > 3) {
    fail([
      { path: 'sort', message: 'at most 3 sort fields', code: 'too_big', params: { maximum: 3 } },
    ]);
  }
  return keys;
}

/** ORDER BY the sort keys (nulls always last) and then the id, so the order is total. */
export function orderBy(keys: SortKey[], idColumn: PgColumn): SQL[] {
  return [
    ...keys.map((k) =>
      k.desc ? sql`${desc(k.spec.column)} nulls last` : sql`${asc(k.spec.column)} nulls last`,
    ),
    asc(idColumn),
  ];
}

type CursorValue = string | number | null;

export function encodeCursor(keys: SortKey[], row: Record<string, unknown>, id: string): string {
  const values: CursorValue[] = keys.map((k) => {
    const v = row[k.field];
    if (v instanceof Date) return v.toISOString();
    return (v ?? null) as CursorValue;
  });
  return Buffer.from(
    JSON.stringify({ k: keys.map((k) => (k.desc ? `-${k.field}` : k.field)), v: values, id }),
  ).toString('base64url');
}

/**
 * Keyset condition for "rows after the cursor" under the same sort, with nulls last:
 * OR over i of (keys before i equal AND key i strictly after).
 */
export function cursorCondition(
  keys: SortKey[],
  idColumn: PgColumn,
  raw: string | undefined,
): SQL | undefined {
  if (!raw) return undefined;
  const bad = (): never =>
    fail([{ path: 'cursor', message: 'is not a cursor from this list and sort', code: 'invalid' }]);
  let decoded: { k: string[]; v: CursorValue[]; id: string };
  try {
    decoded = JSON.parse(Buffer.from(raw, 'base64url').toString('utf8'));
  } catch {
    return bad();
  }
  const signature = keys.map((k) => (k.desc ? `-${k.field}` : k.field));
  if (
    !decoded ||
    !Array.isArray(decoded.k) ||
    !Array.isArray(decoded.v) ||
    decoded.k.join(',') !== signature.join(',') ||
    decoded.v.length !== keys.length ||
    typeof decoded.id !== 'string' ||
    !UUID_RE.test(decoded.id)
  ) {
    return bad();
  }
  const value = (k: SortKey, v: CursorValue) => {
    if (v === null) return null;
    if (k.spec.type === 'datetime') {
      const d = new Date(String(v));
      return Number.isNaN(d.getTime()) ? bad() : d;
    }
    // A tampered value must answer 400, not fail in the database.
    if (k.spec.type === 'date' && Number.isNaN(Date.parse(`${v}T00:00:00Z`))) return bad();
    if (k.spec.type === 'number' && !/^-?\d+(\.\d+)?$/.test(String(v))) return bad();
    return v;
  };
  const equal = (k: SortKey, v: unknown) =>
    v === null ? isNull(k.spec.column) : eq(k.spec.column, v);
  const after = (k: SortKey, v: unknown): SQL | undefined =>
    v === null
      ? undefined
      : or(k.desc ? lt(k.spec.column, v) : gt(k.spec.column, v), isNull(k.spec.column));
  const branches: SQL[] = [];
  const vals = keys.map((k, i) => value(k, decoded.v[i]));
  for (let i = 0; i <= keys.length; i++) {
    const prefix = keys.slice(0, i).map((k, j) => equal(k, vals[j]));
    const tail = i < keys.length ? after(keys[i], vals[i]) : gt(idColumn, decoded.id);
    if (tail) branches.push(and(...prefix, tail)!);
  }
  // The OR above is exact but no index can start from it. When the first key cannot be null,
  // every row after the cursor is also on the cursor's side of its first value: that bound,
  // redundant in meaning, lets the index of the list's order start at the cursor instead of
  // reading (and discarding) every row of the pages before it.
  const [first] = keys;
  if (first && vals[0] !== null && first.spec.column.notNull) {
    const bound = first.desc ? lte(first.spec.column, vals[0]) : gte(first.spec.column, vals[0]);
    return and(bound, or(...branches));
  }
  return or(...branches);
}
