import {
  ACCOUNT_INDUSTRIES,
  ACCOUNT_SIZES,
  ACCOUNT_SOURCES,
  ACCOUNT_STATUSES,
  ACCOUNT_TIERS,
  BUYING_ROLES,
} from '@guanxi/contract';
import { CN_CITIES } from '../../packages/server/test/factories/sample-data.js';
import { idAt } from './ids.js';
import type { NamePools, Random } from './random.js';

const DAY = 86_400_000;
const FIVE_YEARS = 5 * 365 * DAY;

/** What every generated row needs to know about the workspace it goes into. */
export type SeedWorld = {
  workspaceId: string;
  /** Owners; index 0 is the busiest rep (skewed pick). */
  ownerIds: string[];
  now: number;
  random: Random;
  names: NamePools;
};

/** One table's rows as CSV lines for COPY, generated lazily chunk by chunk. */
export type TableLoad = {
  table: string;
  columns: readonly string[];
  lines(from: number, to: number): Iterable<string>;
};

/** Free text as a CSV field (quoted only when it must be). */
export const text = (value: string | null | undefined) =>
  value == null ? '' : /[",\n\r]/.test(value) ? `"${value.replace(/"/g, '""')}"` : value;

const iso = (ms: number) => new Date(ms).toISOString();

const RECORD_COLUMNS = [
  'workspace_id',
  'id',
  'version',
  'created_at',
  'updated_at',
  'created_by',
  'updated_by',
  'owner_id',
] as const;

/** Common columns: created some time in the last five years, updated since. */
function recordMeta(w: SeedWorld, ownerId: string): { id: string; line: string; created: number } {
  const created = w.now - w.random.next() * FIVE_YEARS;
  const updated = created + w.random.next() * (w.now - created);
  const id = idAt(created, w.random);
  return {
    id,
    created,
    line: `${w.workspaceId},${id},1,${iso(created)},${iso(updated)},${ownerId},${ownerId},${ownerId}`,
  };
}

const mobile = (r: Random) =>
  `1${r.pick(['38', '39', '50', '86', '37', '58'])}${String(r.int(1e8)).padStart(8, '0')}`;

/** Accounts: Chinese and international companies with skewed owners; ids kept for links. */
export function accountLoad(
  w: SeedWorld,
  accountIds: string[],
  accountOwners: string[],
): TableLoad {
  const { random: r, names } = w;
  const statuses = [...ACCOUNT_STATUSES, 'active', 'active', 'prospect'];
  return {
    table: 'accounts',
    columns: [
      ...RECORD_COLUMNS,
      'name',
      'industry',
      'size',
      'country',
      'province',
      'city',
      'website',
      'phone',
      'tier',
      'source',
      'status',
      'tags',
    ],
    *lines(from, to) {
      for (let i = from; i < to; i++) {
        const owner = w.ownerIds[r.skewed(w.ownerIds.length)];
        const meta = recordMeta(w, owner);
        accountIds[i] = meta.id;
        accountOwners[i] = owner;
        const chinese = r.next() < 0.6;
        const [city, province] = r.pick(CN_CITIES);
        const name = chinese
          ? `${city}${r.pick(names.zhCompanyWords)}${i}有限公司`
          : `${r.pick(names.enCompanyWords)} ${i}`;
        yield [
          meta.line,
          text(name),
          r.pick(ACCOUNT_INDUSTRIES),
          r.pick(ACCOUNT_SIZES),
          chinese ? 'CN' : r.pick(['US', 'DE', 'GB', 'SG', 'JP']),
          chinese ? province : '',
          chinese ? city : '',
          `https://www.company${i}.example`,
          chinese ? mobile(r) : '',
          r.pick(ACCOUNT_TIERS),
          r.pick(ACCOUNT_SOURCES),
          r.pick(statuses),
          r.next() < 0.3 ? `"{${r.pick(['重点', 'VIP', '2026', 'renewal'])}}"` : '{}',
        ].join(',');
      }
    },
  };
}

/** Contacts: about ten per account, more on big accounts; half Chinese names, half English. */
export function contactLoad(
  w: SeedWorld,
  accountIds: string[],
  accountOwners: string[],
): TableLoad {
  const { random: r, names } = w;
  return {
    table: 'contacts',
    columns: [...RECORD_COLUMNS, 'name', 'title', 'email', 'phones', 'buying_role', 'account_id'],
    *lines(from, to) {
      for (let i = from; i < to; i++) {
        const a = r.skewed(accountIds.length, 1.1);
        const meta = recordMeta(w, accountOwners[a]);
        const chinese = r.next() < 0.5;
        yield [
          meta.line,
          text(chinese ? r.pick(names.zhPeople) : r.pick(names.enPeople)),
          text(r.pick(names.titles)),
          `contact${i}@company${a}.example`,
          `"[{""label"":""mobile"",""number"":""${mobile(r)}""}]"`,
          r.next() < 0.7 ? r.pick(BUYING_ROLES) : '',
          accountIds[a],
        ].join(',');
      }
    },
  };
}
