import { contactOf } from './gen-customers.js';
import { streamOf } from './random.js';
import {
  createdAt,
  createdBefore,
  DAY,
  iso,
  isoDay,
  type LeadPlan,
  LINKED_OWNER_COLUMNS,
  linkedOwners,
  type OpportunityPlan,
  RECORD_COLUMNS,
  recordMeta,
  type SeedWorld,
  type TableLoad,
  text,
} from './world.js';

const TITLES: [string[], string[]] = [
  [
    '回访客户',
    '发送报价单',
    '准备演示环境',
    '确认合同条款',
    '催收回款',
    '安排上门拜访',
    '提交方案',
  ],
  ['Call back', 'Send the quote', 'Prepare the demo', 'Review contract terms', 'Chase payment'],
];
const LEAD_TITLES: [string[], string[]] = [
  ['首次电话联系', '确认采购需求', '发送产品资料'],
  ['First call', 'Qualify the need', 'Send the brochure'],
];
const PRIORITIES = ['normal', 'normal', 'normal', 'high', 'low'];

/**
 * To-dos over five years, assigned to whoever works the record: follow-ups on a deal that was
 * open then, on an account or one of its contacts, or on a lead still being worked. Past ones
 * are mostly done (some cancelled); the recent ones are open, some overdue; a few repeat.
 */
export function taskLoad(w: SeedWorld, count: number): TableLoad {
  const r = streamOf(w.seed, 'tasks');
  const accounts = w.accounts;
  return {
    table: 'tasks',
    count,
    columns: [
      ...RECORD_COLUMNS,
      'title',
      'description',
      'due_at',
      'due_date',
      'priority',
      'status',
      'completed_at',
      'recurrence_frequency',
      'recurrence_interval',
      'lead_id',
      'account_id',
      'contact_id',
      'opportunity_id',
      ...LINKED_OWNER_COLUMNS,
    ],
    *lines(from, to) {
      const deals = w.opportunities as OpportunityPlan;
      const leads = w.leads as LeadPlan;
      for (let i = from; i < to; i++) {
        const created = createdAt(w, r, i, count);
        const due = Math.min(w.now + 60 * DAY, created + (1 + r.int(21)) * DAY);
        let a = -1;
        let lead = -1;
        let deal = -1;
        let contact: string | null = null;
        const u = r.next();
        const dealsBefore = createdBefore(w, created, deals.ids.length);
        const leadsBefore = createdBefore(w, created, leads.ids.length);
        if (u < 0.08 && leadsBefore > 0) {
          lead = Math.max(0, leadsBefore - 1 - r.int(Math.min(leadsBefore, 2000)));
          if (leads.open[lead] === 0 && r.next() < 0.5) lead = -1;
        }
        if (lead < 0 && u < 0.45 && dealsBefore > 0) {
          deal = Math.max(0, dealsBefore - 1 - r.int(Math.min(dealsBefore, 20_000)));
          a = deals.account[deal];
          contact = r.next() < 0.4 ? deals.contact[deal] : null;
        } else if (lead < 0) {
          a = r.skewed(Math.max(1, createdBefore(w, created, accounts.ids.length)), 1.1);
          contact = r.next() < 0.5 ? contactOf(w, a, r.int(4)) : null;
        }
        const ownerIndex =
          lead >= 0
            ? leads.formerOwner[lead]
            : deal >= 0
              ? deals.owner[deal]
              : r.next() < 0.9
                ? accounts.formerOwner[a]
                : r.skewed(w.ownerIds.length);
        // Past their due time most are settled; open ones past it are overdue.
        const settled = due < w.now - 7 * DAY ? r.next() < 0.93 : due < w.now && r.next() < 0.5;
        const status = settled ? (r.next() < 0.9 ? 'done' : 'cancelled') : 'open';
        const completed = status === 'done' ? Math.min(w.now, due - DAY + r.next() * 3 * DAY) : 0;
        const updated = completed || (status === 'cancelled' ? due : created);
        const meta = recordMeta(w, r, created, w.ownerIds[ownerIndex], { updated });
        const allDay = r.next() < 0.3;
        const repeats = r.next() < 0.03;
        const chinese = a >= 0 ? accounts.chinese[a] === 1 : r.next() < 0.65;
        const titles = lead >= 0 ? LEAD_TITLES : TITLES;
        yield [
          meta.line,
          text(r.pick(titles[chinese ? 0 : 1])),
          r.next() < 0.3 ? text(r.pick(w.names.sentences)) : '',
          allDay ? '' : iso(due),
          allDay ? isoDay(due) : '',
          r.pick(PRIORITIES),
          status,
          completed ? iso(completed) : '',
          repeats ? r.pick(['weekly', 'monthly']) : '',
          repeats ? 1 : '',
          lead >= 0 ? leads.ids[lead] : '',
          a >= 0 ? accounts.ids[a] : '',
          contact ?? '',
          deal >= 0 ? deals.ids[deal] : '',
          linkedOwners(w, lead, a, deal),
        ].join(',');
      }
    },
  };
}
