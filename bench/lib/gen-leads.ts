import { ACCOUNT_INDUSTRIES, LEAD_SOURCES, POOL_ENTRIES } from '@guanxi/contract';
import { leadMatchKeys } from '../../packages/server/src/modules/leads/leads.duplicates.js';
import { CN_CITIES } from '../../packages/server/test/factories/sample-data.js';
import { contactOf } from './gen-customers.js';
import { streamOf } from './random.js';
import {
  createdAt,
  createdBefore,
  DAY,
  iso,
  type LeadPlan,
  mobile,
  phonesField,
  RECORD_COLUMNS,
  recordMeta,
  type SeedWorld,
  type TableLoad,
  text,
  textArray,
} from './world.js';

const FREE_MAIL = ['qq.com', '163.com', 'gmail.com', 'outlook.com', '126.com'];
const CAMPAIGNS = ['2026 春季展会', 'Webinar Q3', '618 促销', 'SaaS Summit', '行业白皮书下载'];
const DISQUALIFY = ['无预算', '个人用户', 'Student', 'Wrong region', '联系方式无效'];

/** A lead's status by its age: new ones are being worked, old ones are decided. */
function statusOf(age: number, u: number): string {
  const decided = 1 - Math.exp(-age / (60 * DAY));
  if (u < decided * 0.25) return 'converted';
  if (u < decided * 0.55) return 'disqualified';
  if (u < decided * 0.65) return 'qualified';
  if (u < decided * 0.85) return 'nurturing';
  return u < 0.9 ? 'working' : 'new';
}

const LIFECYCLE: Record<string, string[]> = {
  new: ['subscriber', 'lead'],
  working: ['lead', 'mql'],
  nurturing: ['subscriber', 'lead', 'mql'],
  qualified: ['sql'],
  disqualified: ['lead'],
  converted: ['opportunity', 'customer'],
};

/**
 * Leads: people and companies from forms, fairs and lists; a quarter waiting in the lead pool;
 * converted ones linked to the account and contact they became. Some share a domain with an
 * existing account, as real duplicates do.
 */
export function leadLoad(w: SeedWorld, count: number): TableLoad {
  const r = streamOf(w.seed, 'leads');
  const accounts = w.accounts;
  const plan: LeadPlan = {
    ids: new Array(count),
    created: new Float64Array(count),
    owner: new Int16Array(count),
    formerOwner: new Int16Array(count),
    open: new Uint8Array(count),
  };
  w.leads = plan;
  return {
    table: 'leads',
    count,
    columns: [
      ...RECORD_COLUMNS,
      'name',
      'company',
      'title',
      'email',
      'phones',
      'wechat',
      'source',
      'campaign',
      'industry',
      'region',
      'status',
      'disqualify_reason',
      'lifecycle_stage',
      'pool_id',
      'owner_since',
      'pooled_at',
      'pool_entry',
      'former_owner_id',
      'converted_at',
      'converted_account_id',
      'converted_contact_id',
      'match_keys',
    ],
    *lines(from, to) {
      for (let i = from; i < to; i++) {
        const created = createdAt(w, r, i, count);
        const status = statusOf(w.now - created, r.next());
        const pooled = status !== 'converted' && r.next() < 0.25;
        const ownerIndex = r.skewed(w.ownerIds.length);
        const owner = w.ownerIds[ownerIndex];
        const decidedAt = created + r.next() * Math.min(90 * DAY, w.now - created);
        const pooledAt = pooled ? created + r.next() * (w.now - created) : 0;
        const updated = Math.max(decidedAt, pooledAt);
        const meta = recordMeta(w, r, created, pooled ? null : owner, { updated, by: owner });
        plan.ids[i] = meta.id;
        plan.created[i] = created;
        plan.owner[i] = pooled ? -1 : ownerIndex;
        plan.formerOwner[i] = ownerIndex;
        plan.open[i] = status === 'converted' || status === 'disqualified' ? 0 : 1;
        const chinese = r.next() < 0.65;
        const [city, province] = r.pick(CN_CITIES);
        const name = chinese ? r.pick(w.names.zhPeople) : r.pick(w.names.enPeople);
        const company = chinese
          ? `${city}${r.pick(w.names.zhCompanyWords)}科技有限公司`
          : `${r.pick(w.names.enCompanyWords)} Ltd.`;
        // Most leave a work address; some one at an account we know; some a free-mail one.
        const u = r.next();
        const domain =
          u < 0.1
            ? `company${r.int(accounts.ids.length)}.example`
            : u < 0.3
              ? r.pick(FREE_MAIL)
              : `leadco${i}.example`;
        const email = r.next() < 0.85 ? `lead${i}@${domain}` : null;
        const phones = r.next() < 0.7 ? [{ label: 'mobile', number: mobile(r) }] : [];
        let account = -1;
        if (status === 'converted') {
          account = r.skewed(Math.max(1, createdBefore(w, decidedAt, accounts.ids.length)));
        }
        const contact = account >= 0 ? contactOf(w, account, r.int(4)) : null;
        yield [
          meta.line,
          text(name),
          text(company),
          text(r.pick(w.names.titles)),
          email ?? '',
          phonesField(phones),
          r.next() < 0.2 ? `wx_${i}` : '',
          r.pick(LEAD_SOURCES),
          r.next() < 0.3 ? text(r.pick(CAMPAIGNS)) : '',
          r.next() < 0.8 ? r.pick(ACCOUNT_INDUSTRIES) : '',
          chinese ? `${province}${city}` : '',
          status,
          status === 'disqualified' ? text(r.pick(DISQUALIFY)) : '',
          r.pick(LIFECYCLE[status]),
          w.leadPoolId,
          pooled ? '' : iso(created),
          pooled ? iso(pooledAt) : '',
          pooled ? r.pick(POOL_ENTRIES) : '',
          pooled ? owner : '',
          account >= 0 ? iso(decidedAt) : '',
          account >= 0 ? accounts.ids[account] : '',
          contact ?? '',
          textArray(leadMatchKeys({ email, company, phones })),
        ].join(',');
      }
    },
  };
}
