import {
  ACCOUNT_INDUSTRIES,
  ACCOUNT_SIZES,
  ACCOUNT_SOURCES,
  ACCOUNT_STATUSES,
  ACCOUNT_TIERS,
  BUYING_ROLES,
  POOL_ENTRIES,
} from '@guanxi/contract';
import { accountMatchKeys } from '../../packages/server/src/modules/accounts/accounts.duplicates.js';
import { contactMatchKeys } from '../../packages/server/src/modules/contacts/contacts.duplicates.js';
import { CN_CITIES } from '../../packages/server/test/factories/sample-data.js';
import { streamOf } from './random.js';
import {
  createdAt,
  createdBefore,
  iso,
  KEPT_CONTACTS,
  mobile,
  phonesField,
  RECORD_COLUMNS,
  recordMeta,
  type SeedWorld,
  type TableLoad,
  text,
  textArray,
  workingOwner,
} from './world.js';

const CREDIT_CHARS = '0123456789ABCDEFGHJKLMNPQRTUWXY';

/**
 * Accounts, from the plan: Chinese and international companies with skewed owners, a few
 * waiting in the pool, and the columns the app derives (duplicate keys, last activity, last win)
 * consistent with the rows generated before them.
 */
export function accountLoad(w: SeedWorld): TableLoad {
  const r = streamOf(w.seed, 'accounts');
  const plan = w.accounts;
  const statuses = [...ACCOUNT_STATUSES, 'active', 'active', 'prospect'];
  return {
    table: 'accounts',
    count: plan.ids.length,
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
      'credit_code',
      'tier',
      'source',
      'status',
      'tags',
      'pool_id',
      'owner_since',
      'pooled_at',
      'pool_entry',
      'return_reason',
      'former_owner_id',
      'last_activity_at',
      'last_won_at',
      'match_keys',
    ],
    *lines(from, to) {
      for (let i = from; i < to; i++) {
        const created = plan.created[i];
        const pooled = plan.owner[i] < 0;
        const former = workingOwner(w, i);
        const pooledAt = pooled ? created + r.next() * (w.now - created) : 0;
        const updated = Math.max(pooledAt, created + r.next() * (w.now - created));
        const meta = recordMeta(w, r, created, pooled ? null : former, {
          updated,
          by: former,
          id: plan.ids[i],
        });
        const chinese = plan.chinese[i] === 1;
        const [city, province] = r.pick(CN_CITIES);
        const name = chinese
          ? `${city}${r.pick(w.names.zhCompanyWords)}${i}有限公司`
          : `${r.pick(w.names.enCompanyWords)} ${i}`;
        const website = `https://www.company${i}.example`;
        const phone = chinese ? mobile(r) : null;
        let creditCode: string | null = null;
        if (chinese && r.next() < 0.7) {
          creditCode = '91';
          for (let k = 0; k < 16; k++) creditCode += CREDIT_CHARS[r.int(CREDIT_CHARS.length)];
        }
        const entry = pooled ? r.pick(POOL_ENTRIES) : null;
        const keys = accountMatchKeys({ name, creditCode, website, phone });
        yield [
          meta.line,
          text(name),
          r.pick(ACCOUNT_INDUSTRIES),
          r.pick(ACCOUNT_SIZES),
          chinese ? 'CN' : r.pick(['US', 'DE', 'GB', 'SG', 'JP']),
          chinese ? province : '',
          chinese ? city : '',
          website,
          phone ?? '',
          creditCode ?? '',
          r.pick(ACCOUNT_TIERS),
          r.pick(ACCOUNT_SOURCES),
          r.pick(statuses),
          r.next() < 0.3 ? textArray([r.pick(['重点', 'VIP', '2026', 'renewal'])]) : '{}',
          w.accountPoolId,
          pooled ? '' : iso(created),
          pooled ? iso(pooledAt) : '',
          entry ?? '',
          entry === 'returned' ? text(r.pick(['预算取消', 'No budget this year', '联系不上'])) : '',
          pooled ? former : '',
          plan.lastActivity[i] ? iso(plan.lastActivity[i]) : '',
          plan.lastWon[i] ? iso(plan.lastWon[i]) : '',
          textArray(keys),
        ].join(',');
      }
    },
  };
}

/**
 * Contacts: about ten per account, more on old and big accounts; the account's language decides
 * the name; owned by whoever works the account. Remembers a few per account for deals.
 */
export function contactLoad(w: SeedWorld, count: number): TableLoad {
  const r = streamOf(w.seed, 'contacts');
  const plan = w.accounts;
  const accounts = plan.ids.length;
  return {
    table: 'contacts',
    count,
    columns: [
      ...RECORD_COLUMNS,
      'name',
      'title',
      'email',
      'phones',
      'buying_role',
      'account_id',
      'match_keys',
    ],
    *lines(from, to) {
      for (let i = from; i < to; i++) {
        const created = createdAt(w, r, i, count);
        const a = r.skewed(Math.max(1, createdBefore(w, created, accounts)), 1.1);
        const meta = recordMeta(w, r, created, workingOwner(w, a));
        const kept = plan.contactCount[a]++;
        if (kept < KEPT_CONTACTS) plan.contacts[a * KEPT_CONTACTS + kept] = meta.id;
        const chinese = plan.chinese[a] === 1 ? r.next() < 0.9 : r.next() < 0.1;
        const email = `contact${i}@company${a}.example`;
        const phones = [{ label: 'mobile', number: mobile(r) }];
        if (r.next() < 0.2) phones.push({ label: 'work', number: `021-${6000_0000 + r.int(1e7)}` });
        yield [
          meta.line,
          text(chinese ? r.pick(w.names.zhPeople) : r.pick(w.names.enPeople)),
          text(r.pick(w.names.titles)),
          email,
          phonesField(phones),
          r.next() < 0.7 ? r.pick(BUYING_ROLES) : '',
          plan.ids[a],
          textArray(contactMatchKeys({ email, phones })),
        ].join(',');
      }
    },
  };
}

/** A contact of the account (one of the first few), or null when it has none yet. */
export function contactOf(w: SeedWorld, a: number, pick: number): string | null {
  const n = Math.min(KEPT_CONTACTS, w.accounts.contactCount[a]);
  return n === 0 ? null : (w.accounts.contacts[a * KEPT_CONTACTS + (pick % n)] ?? null);
}
