import { contactOf } from './gen-customers.js';
import { streamOf } from './random.js';
import {
  createdAt,
  createdBefore,
  DAY,
  iso,
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

const KINDS = ['call', 'call', 'call', 'email', 'email', 'meeting', 'visit', 'note', 'note'];
const SUBJECTS: Record<string, [string[], string[]]> = {
  call: [
    ['电话沟通需求', '跟进报价', '确认采购流程'],
    ['Discovery call', 'Pricing follow-up', 'Check-in call'],
  ],
  email: [
    ['发送产品资料', '报价单已发送', '会议纪要'],
    ['Sent brochure', 'Quote sent', 'Meeting notes'],
  ],
  meeting: [
    ['线上演示', '方案评审会', '高层会谈'],
    ['Product demo', 'Solution review', 'Executive meeting'],
  ],
  visit: [
    ['上门拜访', '现场调研', '拜访采购部'],
    ['On-site visit', 'Site survey', 'Visited procurement'],
  ],
  note: [
    ['客户内部组织调整', '预算下季度批复', '竞品在接触'],
    ['Reorg at the customer', 'Budget next quarter', 'Competitor involved'],
  ],
};
/** Share of activities about a lead (the rest are about accounts, their contacts and deals). */
const LEAD_SHARE = 0.06;
const OUTCOMES = ['有意向', '需要再跟进', 'Interested', 'Not now', '已约下次会议'];

/**
 * Follow-up records over five years: calls, emails, meetings, visits, notes, each about a lead
 * that came in lately, or about an account and one of its contacts, or about one of its deals
 * that was open at the time; mostly logged by whoever works the record. Moves the account's
 * last activity time.
 */
export function activityLoad(w: SeedWorld, count: number): TableLoad {
  const r = streamOf(w.seed, 'activities');
  const accounts = w.accounts;
  return {
    table: 'activities',
    count,
    columns: [
      ...RECORD_COLUMNS,
      'kind',
      'subject',
      'body',
      'occurred_at',
      'duration_minutes',
      'outcome',
      'next_follow_up_at',
      'location_address',
      'lead_id',
      'account_id',
      'contact_id',
      'opportunity_id',
      ...LINKED_OWNER_COLUMNS,
    ],
    *lines(from, to) {
      const deals = w.opportunities as OpportunityPlan;
      const dealCount = deals.ids.length;
      const leads = w.leads as LeadPlan;
      const leadCount = leads.ids.length;
      for (let i = from; i < to; i++) {
        const created = createdAt(w, r, i, count);
        // Logged up to two days after it happened.
        const occurred = created - r.next() * 2 * DAY;
        let a = -1;
        let lead = -1;
        let contact: string | null = null;
        let deal = -1;
        // Some are about a lead still being qualified: one of those that came in lately.
        const leadsBefore = createdBefore(w, occurred, leadCount);
        const leadsLately = createdBefore(w, occurred - 60 * DAY, leadCount);
        const recentDeals = createdBefore(w, occurred, dealCount);
        const oldestOpen = createdBefore(w, occurred - 180 * DAY, dealCount);
        if (r.next() < LEAD_SHARE && leadsBefore > leadsLately) {
          lead = leadsLately + r.int(leadsBefore - leadsLately);
        } else if (r.next() < 0.35 && recentDeals > oldestOpen) {
          deal = oldestOpen + r.int(recentDeals - oldestOpen);
          a = deals.account[deal];
          contact = r.next() < 0.5 ? deals.contact[deal] : null;
        } else {
          a = r.skewed(Math.max(1, createdBefore(w, occurred, accounts.ids.length)), 1.1);
          contact = r.next() < 0.9 ? contactOf(w, a, r.int(4)) : null;
        }
        const ownerIndex =
          r.next() < 0.85
            ? lead >= 0
              ? leads.formerOwner[lead]
              : deal >= 0
                ? deals.owner[deal]
                : accounts.formerOwner[a]
            : r.skewed(w.ownerIds.length);
        const updated = r.next() < 0.9 ? created : created + r.next() * (w.now - created);
        const meta = recordMeta(w, r, created, w.ownerIds[ownerIndex], { updated });
        if (a >= 0) {
          accounts.activityCount[a]++;
          if (occurred > accounts.lastActivity[a]) accounts.lastActivity[a] = occurred;
        }
        const chinese = a >= 0 ? accounts.chinese[a] === 1 : r.next() < 0.65;
        const kind = r.pick(KINDS);
        const timed = kind === 'call' || kind === 'meeting' || kind === 'visit';
        const followUp =
          r.next() < 0.2 ? Math.min(w.now + 30 * DAY, occurred + r.int(14) * DAY) : 0;
        yield [
          meta.line,
          kind,
          text(r.pick(SUBJECTS[kind][chinese ? 0 : 1])),
          r.next() < 0.5 ? text(r.pick(w.names.sentences)) : '',
          iso(occurred),
          timed ? 5 + r.int(kind === 'call' ? 40 : 120) : '',
          r.next() < 0.3 ? text(r.pick(OUTCOMES)) : '',
          followUp ? iso(followUp) : '',
          kind === 'visit' ? text(a >= 0 ? `客户现场 ${a}` : `线索现场 ${lead}`) : '',
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
