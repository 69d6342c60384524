import type { customer360ZhCN } from './customer360.zh-CN';

export const customer360En: typeof customer360ZhCN = {
  messages: {
    customer360: {
      kpis: {
        label: 'Account figures',
        openPipeline: 'Open pipeline',
        wonRevenue: 'Won revenue',
        openDeals: 'Open deals',
        lastContact: 'Last contact',
        openTasks: 'Open tasks',
        noDeals: 'No open deals yet',
        noWon: 'Nothing won yet',
        wonOn: 'Last won on {{date}}',
        dealsHint: 'See the deals below',
        noFollowUp: 'No follow-up yet',
        daysSince: '{{days}} since last follow-up',
        followedUpToday: 'Followed up today',
        tasksHint: 'Still to do',
        noTasks: 'Nothing to do',
      },
      facts: {
        title: 'Key facts',
        region: 'Region',
        more: 'More details',
        less: 'Fewer details',
      },
      contacts: {
        title: 'Contacts and buying roles',
        view: 'Show as',
        chart: 'Org chart',
        list: 'List',
        add: 'Add contact',
        addReport: 'Add someone who reports to {{name}}',
        chartLabel: 'Org chart of {{name}}',
        listLabel: 'Contacts of {{name}}',
        emptyTitle: 'No contacts yet',
        emptyDescription:
          'Add the people you deal with at this company, who reports to whom and their buying roles.',
        noDecisionMaker: 'No decision maker marked yet',
        truncated: 'Showing the first {{count}} contacts by name.',
      },
      opportunities: {
        title: 'Opportunities',
        open: 'Open',
        closed: 'Closed',
        new: 'New opportunity',
        emptyTitle: 'No opportunities yet',
        emptyDescription:
          'Create the first opportunity for this account to track its amount, stage and close date.',
        noOpen: 'No open opportunities.',
        name: 'Opportunity',
        stage: 'Stage',
        amount: 'Amount',
        closeDate: 'Close date',
        closedOn: 'Closed on',
        showAll: 'Show all {{count}}',
        showFewer: 'Show fewer',
      },
    },
  },
  enums: {},
};
