import {
  and,
  arrayContains,
  eq,
  gt,
  gte,
  ilike,
  inArray,
  isNull,
  lt,
  lte,
  ne,
  not,
  notInArray,
  or,
  type SQL,
  sql,
} from 'drizzle-orm';
import type { PgColumn } from 'drizzle-orm/pg-core';
import { AppError, type FieldError } from './errors.js';

export type FieldType = 'text' | 'enum' | 'uuid' | 'datetime' | 'date' | 'number' | 'tags';

export type FieldSpec = {
  column: PgColumn;
  type: FieldType;
  values?: readonly string[];
  sortable?: boolean;
  filterable?: boolean;
};

export type FieldSpecs = Record<string, FieldSpec>;

const OPS_BY_TYPE: Record<FieldType, readonly string[]> = {
  text: ['eq', 'neq', 'in', 'nin', 'contains', 'startsWith', 'isNull'],
  enum: ['eq', 'neq', 'in', 'nin', 'isNull'],
  uuid: ['eq', 'neq', 'in', 'nin', 'isNull'],
  datetime: ['eq', 'neq', 'lt', 'lte', 'gt', 'gte', 'isNull'],
  date: ['eq', 'neq', 'lt', 'lte', 'gt', 'gte', 'isNull'],
  number: ['eq', 'neq', 'in', 'nin', 'lt', 'lte', 'gt', 'gte', 'isNull'],
  tags: ['contains', 'isNull'],
};

export const UUID_RE = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const MAX_FILTER_DEPTH = 4;

export const fail = (errors: FieldError[]): never => {
  throw new AppError('validation_failed', errors.map((e) => `${e.path}: ${e.message}`).join('; '), {
    errors,
  });
};

/** Escapes LIKE wildcards so user text matches literally. */
export const likeEscape = (value: string) => value.replace(/[\\%_]/g, (c) => `\\${c}`);

function coerceScalar(spec: FieldSpec, value: unknown, path: string): unknown {
  const wrong = (what: string) =>
    fail([{ path, message: `must be ${what}`, code: 'invalid_type' }]);
  switch (spec.type) {
    case 'text':
    case 'tags':
      return typeof value === 'string' ? value : wrong('a string');
    case 'enum':
      if (typeof value !== 'string') return wrong('a string');
      if (spec.values && !spec.values.includes(value)) {
        return wrong(`one of ${spec.values.join(', ')}`);
      }
      return value;
    case 'uuid':
      return typeof value === 'string' && UUID_RE.test(value) ? value : wrong('an id (UUID)');
    case 'number':
      return typeof value === 'number' && Number.isFinite(value) ? value : wrong('a number');
    case 'date':
      // A calendar day stays text: as a Date it would shift with the server's time zone.
      return typeof value === 'string' &&
        /^\d{4}-\d{2}-\d{2}$/.test(value) &&
        !Number.isNaN(Date.parse(`${value}T00:00:00Z`))
        ? value
        : wrong('a date such as 2026-03-31');
    case 'datetime': {
      if (typeof value !== 'string') return wrong('an ISO 8601 date or date-time');
      const d = new Date(value);
      return Number.isNaN(d.getTime()) ? wrong('an ISO 8601 date or date-time') : d;
    }
  }
}

function fieldCondition(spec: FieldSpec, ops: unknown, path: string): SQL {
  if (typeof ops !== 'object' || ops === null || Array.isArray(ops)) {
    return fail([
      { path, message: 'must be an object of operators, e.g. {"eq": "value"}', code: 'invalid' },
    ]);
  }
  const entries = Object.entries(ops);
  if (entries.length === 0)
    return fail([{ path, message: 'needs at least one operator', code: 'invalid' }]);
  const allowed = OPS_BY_TYPE[spec.type];
  const parts: SQL[] = [];
  for (const [op, raw] of entries) {
    const opPath = `${path}.${op}`;
    if (!allowed.includes(op)) {
      fail([
        {
          path: opPath,
          message: `unknown operator; use one of ${allowed.join(', ')}`,
          code: 'invalid',
        },
      ]);
    }
    const col = spec.column;
    const list = () => {
      if (!Array.isArray(raw) || raw.length === 0 || raw.length > 500) {
        return fail([
          {
            path: opPath,
            message: 'must be a non-empty array (at most 500 values)',
            code: 'invalid',
          },
        ]);
      }
      return raw.map((v, i) => coerceScalar(spec, v, `${opPath}.${i}`));
    };
    const one = () => coerceScalar(spec, raw, opPath);
    switch (op) {
      case 'eq':
        parts.push(spec.type === 'text' ? sql`lower(${col}) = lower(${one()})` : eq(col, one()));
        break;
      case 'neq':
        parts.push(or(ne(col, one()), isNull(col))!);
        break;
      case 'in':
        parts.push(inArray(col, list()));
        break;
      case 'nin':
        parts.push(or(notInArray(col, list()), isNull(col))!);
        break;
      case 'lt':
        parts.push(lt(col, one()));
        break;
      case 'lte':
        parts.push(lte(col, one()));
        break;
      case 'gt':
        parts.push(gt(col, one()));
        break;
      case 'gte':
        parts.push(gte(col, one()));
        break;
      case 'contains':
        parts.push(
          spec.type === 'tags'
            ? arrayContains(col, [one() as string])
            : ilike(col, `%${likeEscape(one() as string)}%`),
        );
        break;
      case 'startsWith':
        parts.push(ilike(col, `${likeEscape(one() as string)}%`));
        break;
      case 'isNull': {
        if (typeof raw !== 'boolean')
          fail([{ path: opPath, message: 'must be true or false', code: 'invalid_type' }]);
        const nullish = spec.type === 'tags' ? sql`cardinality(${col}) = 0` : isNull(col);
        parts.push(raw ? nullish : not(nullish));
        break;
      }
    }
  }
  return and(...parts)!;
}

function groupCondition(fields: FieldSpecs, node: unknown, path: string, depth: number): SQL {
  if (depth > MAX_FILTER_DEPTH) fail([{ path, message: 'is nested too deeply', code: 'invalid' }]);
  if (typeof node !== 'object' || node === null || Array.isArray(node)) {
    return fail([
      { path: path || 'filter', message: 'must be a JSON object', code: 'invalid_type' },
    ]);
  }
  const parts: SQL[] = [];
  for (const [key, value] of Object.entries(node)) {
    const keyPath = path ? `${path}.${key}` : `filter.${key}`;
    if (key === 'or' || key === 'and') {
      if (!Array.isArray(value) || value.length === 0) {
        fail([{ path: keyPath, message: 'must be a non-empty array of filters', code: 'invalid' }]);
      }
      const subs = (value as unknown[]).map((v, i) =>
        groupCondition(fields, v, `${keyPath}.${i}`, depth + 1),
      );
      parts.push(key === 'or' ? or(...subs)! : and(...subs)!);
      continue;
    }
    const spec = fields[key];
    if (!spec || spec.filterable === false) {
      const known = Object.keys(fields).filter((k) => fields[k].filterable !== false);
      fail([
        {
          path: keyPath,
          message: `unknown field; filter on one of ${known.join(', ')}`,
          code: 'unknown_field',
        },
      ]);
    }
    parts.push(fieldCondition(spec, value, keyPath));
  }
  return parts.length === 0 ? sql`true` : and(...parts)!;
}

/** Parses the `filter` query parameter (JSON) into a WHERE condition over known fields. */
export function parseFilter(fields: FieldSpecs, raw: string | undefined): SQL | undefined {
  if (!raw) return undefined;
  let parsed: unknown;
  try {
    parsed = JSON.parse(raw);
  } catch {
    return fail([{ path: 'filter', message: 'must be valid JSON', code: 'invalid_format' }]);
  }
  return groupCondition(fields, parsed, '', 0);
}

const CJK = /[\u2e80-\uffff]/u;

/**
 * Case-insensitive substring match of `q` over the given columns (Chinese included). Trigram
 * indexes serve terms of three characters or more; a two-character term with a Chinese,
 * Japanese or Korean character (张伟, 云杉) is first looked up among the columns' indexed
 * character pairs (gx_cjk_bigrams, migration 0008), the substring match then confirms it.
 */
export function searchCondition(columns: PgColumn[], q: string | undefined): SQL | undefined {
  const term = q?.trim();
  if (!term) return undefined;
  const pattern = `%${likeEscape(term)}%`;
  const matches = or(...columns.map((c) => ilike(c, pattern)));
  if (!([...term].length === 2 && CJK.test(term))) return matches;
  // A column containing the term has the pair among its own: the pairs find the candidates
  // through the index, the substring match (not the pairs again) confirms each one.
  const pair = term.toLowerCase();
  return and(
    or(...columns.map((c) => sql`gx_cjk_bigrams(${c}) @> array[${pair}]::text[]`)),
    matches,
  );
}
