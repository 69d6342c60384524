import { describe, expect, it } from 'vitest';
import { linkPlan } from './read-through.js';

// The shapes of the scale-1 benchmark data: 100,000 accounts with 3M activities (94% link an
// account, 28 per account), 200,000 leads (6% of activities link one), 500,000 tasks.
const activitiesOnAccounts = { parents: 100_000, linkedPerParent: 28.2, linkedShare: 0.94 };
const activitiesOnLeads = { parents: 200_000, linkedPerParent: 0.9, linkedShare: 0.06 };
const activitiesOnDeals = { parents: 300_000, linkedPerParent: 3.29, linkedShare: 0.33 };
const tasksOnLeads = { parents: 200_000, linkedPerParent: 0.15, linkedShare: 0.06 };
const PAGE = 51;

describe('linkPlan: reading a page of the records on the parents an actor sees', () => {
  it('probes the link index for a few parents', () => {
    expect(linkPlan(3, activitiesOnAccounts, PAGE)).toBe('probe');
    expect(linkPlan(0, activitiesOnAccounts, PAGE)).toBe('probe');
  });

  it('probes when the actor’s records are rare in the list order (a rep’s leads)', () => {
    // 7,391 of 200,000 leads: the walk would read ~23,000 activities for a page.
    expect(linkPlan(7391, activitiesOnLeads, PAGE)).toBe('probe');
  });

  it('walks the list order when the parents hold many records each and are common', () => {
    // 4,312 of 100,000 accounts: ~1,300 activities walked against 126,000 probed.
    expect(linkPlan(4312, activitiesOnAccounts, PAGE)).toBe('walk');
    // 13,959 of 300,000 deals: ~3,300 walked against 46,000 probed (measured: 73 ms to probe).
    expect(linkPlan(13_959, activitiesOnDeals, PAGE)).toBe('walk');
    // A book of leads holds few tasks: probing them beats walking 90,000 tasks.
    expect(linkPlan(7391, tasksOnLeads, PAGE)).toBe('probe');
  });

  it('walks beyond the counted number of parents, whatever the statistics', () => {
    expect(linkPlan(20_001, activitiesOnLeads, PAGE)).toBe('walk');
  });

  it('without statistics, probes up to a thousand parents and walks beyond', () => {
    expect(linkPlan(1000, undefined, PAGE)).toBe('probe');
    expect(linkPlan(1001, undefined, PAGE)).toBe('walk');
  });
});
